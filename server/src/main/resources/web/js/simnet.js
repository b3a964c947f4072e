// Debugging aids that make a fast local connection behave like a slow one: `?sim_latency=MS` delays
// every message by MS in each direction (the round trip grows by 2 x MS), `?sim_jitter=MS` adds a
// random 0..MS to each message's delay. Messages are never reordered (a WebSocket cannot reorder).

/** The largest delay or jitter accepted (ms): more is clamped. */
export const MAX_SIM_MS = 2000;

/** Reads a millisecond query parameter: a finite number in [0, MAX_SIM_MS], else 0. */
export function simMs(params, name) {
  const v = Number.parseFloat(params.get(name));
  return Number.isFinite(v) ? Math.min(MAX_SIM_MS, Math.max(0, v)) : 0;
}

/** Delays the functions passed to run() by a latency plus jitter, in the order they were passed. */
export class DelayLine {
  constructor(latencyMs = 0, jitterMs = 0, random = Math.random) {
    this.latencyMs = latencyMs;
    this.jitterMs = jitterMs;
    this.random = random;
    this.lastAt = 0;
  }

  get active() {
    return this.latencyMs > 0 || this.jitterMs > 0;
  }

  /** Runs `fn` now when there is no delay, else later but never before a function passed earlier. */
  run(fn) {
    if (!this.active) {
      fn();
      return;
    }
    const now = performance.now();
    const at = Math.max(this.lastAt, now + this.latencyMs + this.random() * this.jitterMs);
    this.lastAt = at;
    setTimeout(fn, at - now);
  }
}

/** Bytes of a string in UTF-8 (what it costs on the wire), without encoding it. */
export function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; } // a surrogate pair
    else n += 3;
  }
  return n;
}
