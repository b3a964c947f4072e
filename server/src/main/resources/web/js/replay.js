// Replays (`?replay=<id>`): a recorded match played back as a spectator would have seen it live.
//
// The server re-simulates the match's journal and serves the messages a live JSON client gets, tick by
// tick, in chunks (GET /replays/frames?id=&from=&count=; docs/PROTOCOL.md, "Replays"). Everything else is
// here, in the page: the playhead advances at 1x/2x/4x the match's tick rate, pausing stops it, seeking
// drops what was fetched and fetches from the new tick. Chunks are fetched ahead of the playhead, one at a
// time; while the next frame is missing the playhead waits ("buffering").

import { toSnap, blend } from './interp.js';
import { clamp, formatClock } from './util.js';

const CHUNK_FRAMES = 300;
// fetch the next chunk once less than this much play time is buffered ahead
const AHEAD_SECONDS = 4;
// frames kept behind the playhead (memory stays bounded however long the match)
const KEEP_BEHIND_TICKS = 120;
const RETRY_MS = 400; // after a 503 replay_busy
const RATE_WINDOW_MS = 1000;
const SPEEDS = [1, 2, 4];

/** `GET /replays`: `{replays: [...], total}`; throws with the server's message on an error. */
export async function listReplays(limit = 50) {
  const res = await fetch(`/replays?limit=${limit}`, { cache: 'no-store' });
  const json = await res.json().catch(() => null);
  if (!res.ok || !json) throw new Error(json && json.message ? json.message : `HTTP ${res.status}`);
  return json;
}

export class ReplayPlayer {
  /** `onMessage(type, data)` gets each frame's Scoreboard, KillFeed and GameState as the playhead passes them. */
  constructor(id, { onMessage }) {
    this.id = id;
    this.onMessage = onMessage;
    this.status = 'loading'; // 'loading' | 'ready' | 'ended' | 'error'
    this.error = null;
    this.info = null; // the match as GET /replays lists it
    this.first = 0; // first tick with a frame
    this.last = 0;
    this.tickRate = 60;
    this.frames = new Map(); // tick -> { snap, messages }
    this.playhead = 0; // fractional tick
    this.applied = -1; // the last tick whose messages were handed to onMessage
    this.playing = true;
    this.speed = 1;
    this.generation = 0; // bumped by a seek: answers for an older one are dropped
    this.fetching = false;
    this.buffering = true;
    this.lastNow = null;
    this.samples = []; // [{ now, tick }] over the last RATE_WINDOW_MS, for ticksPerSecond
    this.steadySince = null; // when playing at this speed last started without buffering since
    this.fetches = 0;
  }

  start() {
    this.#fetch(0, this.generation);
  }

  // ---- controls ----------------------------------------------------------------------------
  play() {
    if (this.status === 'ended') this.seek(this.first);
    this.playing = true;
    this.#unsteady();
  }

  pause() {
    this.playing = false;
    this.#unsteady();
  }

  toggle() {
    if (this.playing) this.pause(); else this.play();
  }

  setSpeed(speed) {
    if (!SPEEDS.includes(speed)) return;
    this.speed = speed;
    this.#unsteady();
  }

  /** Jumps to `tick` (clamped to the match): fetches from there; the HUD's scores come with the first frame. */
  seek(tick) {
    if (this.info === null) return;
    const t = Math.round(clamp(Number(tick) || 0, this.first, this.last));
    this.generation += 1;
    this.frames.clear();
    this.fetching = false;
    this.playhead = t;
    this.applied = t - 1;
    this.buffering = true;
    if (this.status === 'ended') this.status = 'ready';
    this.#unsteady();
    this.#fetch(t, this.generation);
  }

  // ---- per display frame -------------------------------------------------------------------
  /** Advances the playhead to `now` (performance.now()) and returns the world to draw, or null. */
  frame(now) {
    const dt = this.lastNow === null ? 0 : clamp(now - this.lastNow, 0, 250);
    this.lastNow = now;
    if (this.status !== 'ready' && this.status !== 'ended') return null;
    const base = Math.floor(this.playhead);
    const haveNext = this.frames.has(base + 1) || base >= this.last;
    this.buffering = !this.frames.has(base) || !haveNext;
    if (this.buffering) {
      this.#unsteady();
    } else if (this.playing) {
      const to = Math.min(this.last, this.playhead + (dt * this.tickRate * this.speed) / 1000);
      // never past the frames we have: wait at the edge instead
      let edge = base;
      while (edge < to && this.frames.has(edge + 1)) edge += 1;
      this.playhead = Math.min(to, edge);
      if (this.playhead >= this.last) {
        this.playing = false;
        this.status = 'ended';
      }
    }
    this.#applyMessages(Math.floor(this.playhead));
    this.#sample(now);
    this.#evict();
    this.#prefetch();
    return this.#world();
  }

  /** What the controls and the test hook show. */
  state() {
    const now = this.lastNow;
    return {
      status: this.status,
      error: this.error,
      tick: Math.floor(this.playhead),
      playhead: this.playhead,
      first: this.first,
      last: this.last,
      tickRate: this.tickRate,
      playing: this.playing,
      speed: this.speed,
      buffering: this.buffering,
      ticksPerSecond: this.#ticksPerSecond(),
      steadyMs: this.steadySince === null || now === null ? 0 : now - this.steadySince,
      fetches: this.fetches,
    };
  }

  // ---- internals ---------------------------------------------------------------------------
  #world() {
    const base = Math.floor(this.playhead);
    const a = this.frames.get(base);
    if (!a) return null;
    const b = this.frames.get(base + 1) || a;
    return blend(a.snap, b.snap, this.playhead);
  }

  #applyMessages(upTo) {
    // a jump (a stalled tab, a seek) hands over only the newest state, not a burst of old kills
    const jump = upTo - this.applied > this.tickRate;
    for (let t = this.applied + 1; t <= upTo; t++) {
      const f = this.frames.get(t);
      if (!f) continue;
      for (const m of f.messages) {
        if (m.type === 'WorldUpdate' || (jump && m.type === 'KillFeed' && t < upTo)) continue;
        this.onMessage(m.type, m.data);
      }
    }
    this.applied = Math.max(this.applied, upTo);
  }

  #prefetch() {
    if (this.fetching || this.status === 'error') return;
    const ahead = Math.floor(this.playhead) + AHEAD_SECONDS * this.tickRate * this.speed;
    let t = Math.floor(this.playhead);
    while (t <= this.last && t <= ahead && this.frames.has(t)) t += 1;
    if (t <= this.last && t <= ahead) this.#fetch(t, this.generation);
  }

  async #fetch(from, generation) {
    this.fetching = true;
    this.fetches += 1;
    let res;
    let json = null;
    try {
      res = await fetch(`/replays/frames?id=${encodeURIComponent(this.id)}&from=${from}&count=${CHUNK_FRAMES}`,
        { cache: 'no-store' });
      json = await res.json().catch(() => null);
    } catch (err) {
      res = null;
      json = { message: `cannot reach the server (${err.message})` };
    }
    if (generation !== this.generation) return; // a seek came in meanwhile
    if (res && res.status === 503 && json && json.error === 'replay_busy') {
      setTimeout(() => { if (generation === this.generation) this.#fetch(from, generation); }, RETRY_MS);
      return;
    }
    this.fetching = false;
    if (!res || !res.ok || !json || !Array.isArray(json.frames)) {
      this.status = 'error';
      this.error = json && json.message ? String(json.message) : `HTTP ${res ? res.status : '?'}`;
      return;
    }
    this.#accept(json);
  }

  #accept(json) {
    const info = json.replay || {};
    if (this.info === null) {
      this.info = info;
      this.tickRate = Number(info.tick_rate) || 60;
      this.first = Number(info.first_tick) + 1;
      this.playhead = this.first;
      this.applied = this.first - 1;
    }
    this.last = Math.max(this.first, Number(info.last_tick) || this.last); // a match still recording grows
    for (const f of json.frames) {
      const messages = Array.isArray(f.messages) ? f.messages : [];
      const world = messages.find((m) => m && m.type === 'WorldUpdate');
      if (world) this.frames.set(Number(f.tick), { snap: toSnap(world.data, 0), messages });
    }
    if (json.frames.length === 0 && this.frames.size === 0) {
      this.status = 'error';
      this.error = 'this recording has no frames to show';
      return;
    }
    if (this.status === 'loading') this.status = 'ready';
  }

  #evict() {
    if (this.frames.size <= CHUNK_FRAMES * 3) return;
    const keepFrom = Math.floor(this.playhead) - KEEP_BEHIND_TICKS;
    for (const t of this.frames.keys()) if (t < keepFrom) this.frames.delete(t);
  }

  #sample(now) {
    this.samples.push({ now, tick: this.playhead });
    while (this.samples.length > 2 && this.samples[0].now < now - RATE_WINDOW_MS) this.samples.shift();
    if (this.playing && !this.buffering && this.steadySince === null) this.steadySince = now;
  }

  /** Ticks the playhead moved per second over the last second (as drawn, buffering included). */
  #ticksPerSecond() {
    const s = this.samples;
    if (s.length < 2) return 0;
    const a = s[0];
    const b = s[s.length - 1];
    return b.now > a.now ? ((b.tick - a.tick) * 1000) / (b.now - a.now) : 0;
  }

  #unsteady() {
    this.steadySince = null;
    this.samples = [];
  }
}

/** The replay bar (play/pause, speeds, seek bar, tick and time) and its keys. */
export class ReplayControls {
  constructor(root, player) {
    this.player = player;
    this.root = root;
    this.playButton = root.querySelector('#replay-play');
    this.seekBar = root.querySelector('#replay-seek');
    this.time = root.querySelector('#replay-time');
    this.speedButtons = [...root.querySelectorAll('[data-speed]')];
    this.dragging = false;
    this.playButton.addEventListener('click', () => player.toggle());
    for (const b of this.speedButtons) b.addEventListener('click', () => player.setSpeed(Number(b.dataset.speed)));
    this.seekBar.addEventListener('input', () => { this.dragging = true; });
    this.seekBar.addEventListener('change', () => { this.dragging = false; player.seek(Number(this.seekBar.value)); });
    window.addEventListener('keydown', (e) => this.#key(e));
    root.classList.remove('hidden');
  }

  #key(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const p = this.player;
    const seconds = 5 * p.tickRate;
    switch (e.key) {
      case ' ': case 'k': case 'K': if (!e.repeat) p.toggle(); break;
      case '1': p.setSpeed(1); break;
      case '2': p.setSpeed(2); break;
      case '4': p.setSpeed(4); break;
      case 'ArrowLeft': p.seek(p.playhead - seconds); break;
      case 'ArrowRight': p.seek(p.playhead + seconds); break;
      case 'Home': p.seek(p.first); break;
      case 'End': p.seek(p.last); break;
      default: return;
    }
    e.preventDefault();
  }

  /** Per display frame. */
  update() {
    const s = this.player.state();
    this.playButton.textContent = s.playing ? '❚❚' : '▶';
    this.playButton.setAttribute('aria-label', s.playing ? 'pause' : 'play');
    for (const b of this.speedButtons) b.classList.toggle('selected', Number(b.dataset.speed) === s.speed);
    this.seekBar.min = String(s.first);
    this.seekBar.max = String(Math.max(s.first, s.last));
    if (!this.dragging) this.seekBar.value = String(s.tick);
    const at = (s.tick - s.first) / s.tickRate;
    const total = (s.last - s.first) / s.tickRate;
    const suffix = s.buffering && s.status === 'ready' ? ' · buffering' : s.status === 'ended' ? ' · end' : '';
    this.time.textContent = `${formatClock(at)} / ${formatClock(total)} · tick ${s.tick}${suffix}`;
  }
}
