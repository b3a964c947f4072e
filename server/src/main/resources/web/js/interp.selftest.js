// Self-test of interp.js's render clock against a simulated server and page: snapshots leave the
// server once a tick, reach the page after a latency with jitter, and are handled when the page's
// main thread is free; the page draws a frame every 1/60 s unless stalled. A stall (a busy CPU)
// holds up both the frames and the handling of messages, which then come in a burst. Seeded, so
// every run is the same. Run it in any ES module host:
//   const { runInterpSelfTest } = await import('/js/interp.selftest.js'); runInterpSelfTest()
// returns { ok, passed, failures: [message, ...] }. BrowserPlayIT runs it in Chromium.

import { SnapshotBuffer } from './interp.js';

const FRAME_MS = 1000 / 60;

/**
 * Runs `seconds` of a 1-plane world at `tickRateHz` and returns how the page's frames went after the
 * first second: { frames, starved, maxBehindTicks } (behind: newest tick minus the drawn tick).
 *
 * @param stallMs    the page's main thread is busy this long ...
 * @param stallEvery ... every this many ms (0: never)
 * @param knownRate  whether the page was told the server's tick rate (else it estimates it)
 */
export function simulate({ tickRateHz = 60, seconds = 10, latencyMs = 20, jitterMs = 4, lossEvery = 0,
  stallMs = 0, stallEvery = 0, knownRate = true, seed = 7 } = {}) {
  let r = seed;
  const random = () => ((r = (r * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const buffer = new SnapshotBuffer();
  if (knownRate) buffer.setTickRate(tickRateHz);
  const tickMs = 1000 / tickRateHz;
  const arrivals = []; // [arrival ms, tick], in tick order
  for (let tick = 1; tick * tickMs < seconds * 1000; tick++) {
    if (lossEvery > 0 && tick % lossEvery === 0) continue;
    arrivals.push([tick * tickMs + latencyMs + random() * jitterMs, tick]);
  }
  arrivals.sort((a, b) => a[0] - b[0]);
  const busy = (t) => stallEvery > 0 && t % stallEvery < stallMs;
  let next = 0;
  const out = { frames: 0, starved: 0, maxBehindTicks: 0 };
  for (let now = 0; now < seconds * 1000; now += 1) { // the page's clock, 1 ms steps
    if (busy(now)) continue;
    while (next < arrivals.length && arrivals[next][0] <= now) {
      const tick = arrivals[next][1];
      buffer.push({ tick, entities: [{ id: 1, x: tick, y: 0, rot: 0, hp: 100 }], projectiles: [] }, now);
      next += 1;
    }
    if (now % FRAME_MS >= 1) continue; // a frame every 1/60 s, at the first free millisecond
    const starvedBefore = buffer.starved;
    buffer.sample(now);
    if (now >= 1000 && buffer.snaps.length > 1) {
      out.frames += 1;
      out.starved += buffer.starved - starvedBefore;
      out.maxBehindTicks = Math.max(out.maxBehindTicks, buffer.newest.tick - buffer.renderTick);
    }
  }
  return out;
}

export function runInterpSelfTest() {
  const failures = [];
  let passed = 0;
  const check = (condition, message) => {
    if (condition) passed += 1;
    else failures.push(message);
  };
  const share = (o) => o.starved / o.frames;

  for (const hz of [60, 30, 20]) {
    const buffer = new SnapshotBuffer();
    buffer.setTickRate(hz);
    check(Math.abs(buffer.tickMs - 1000 / hz) < 1e-9, `the clock runs at the server's ${hz} Hz: ${buffer.tickMs} ms`);
    buffer.reset();
    check(Math.abs(buffer.tickMs - 1000 / hz) < 1e-9, `a reset keeps the server's ${hz} Hz: ${buffer.tickMs} ms`);

    const steady = simulate({ tickRateHz: hz });
    check(steady.frames > 500, `${hz} Hz steady: frames were drawn (${steady.frames})`);
    check(share(steady) <= 0.01, `${hz} Hz steady: at most 1 % of frames starved, got ${steady.starved}/${steady.frames}`);
    check(steady.maxBehindTicks < 250 / (1000 / hz) + 1, `${hz} Hz steady: drawn within the 250 ms delay cap: ${steady.maxBehindTicks} ticks`);

    const lossy = simulate({ tickRateHz: hz, lossEvery: 4 });
    check(share(lossy) <= 0.05, `${hz} Hz, every 4th snapshot lost: at most 5 % starved, got ${lossy.starved}/${lossy.frames}`);

    // a page on a busy CPU: 120 ms of every 400 ms without frames or message handling (the clock of
    // 3746370, estimated from arrivals and slowing down by 10 % at most, starved 23-28 % of frames)
    const stalled = simulate({ tickRateHz: hz, stallMs: 120, stallEvery: 400 });
    check(share(stalled) <= 0.05, `${hz} Hz, stalled 120 of every 400 ms: at most 5 % of frames starved, got `
      + `${stalled.starved}/${stalled.frames}`);

    const estimated = simulate({ tickRateHz: hz, knownRate: false });
    check(share(estimated) <= 0.02, `${hz} Hz, rate unknown (estimated from arrivals): at most 2 % starved, got `
      + `${estimated.starved}/${estimated.frames}`);
  }
  return { ok: failures.length === 0, passed, failures };
}
