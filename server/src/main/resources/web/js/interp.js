// Interpolation buffer: renders the world a little behind the newest snapshot so that motion is
// smooth whatever the snapshot rate (60/30/20 per second) and across lost or late snapshots.
//
// Timeline: simulation ticks. The tick duration is the server's (/config.json's tick_rate; learnt
// from arrivals only when unknown), the snapshot interval is learnt from arrivals. A smoothed
// "render tick" advances with the local clock and is steered gently towards
// (newest tick + time since it arrived) - delay, where
//   delay = clamp(2.5 x inter-arrival jitter + one snapshot interval + one display frame, 50, 250) ms.
// Once it has caught up with the newest snapshot it slows down harder: a page that was stalled (a
// busy CPU delays message handling, then handles a backlog at once) would otherwise hold the
// newest state frame after frame while the gentle correction wins the lost ticks back.

import { clamp, lerp, lerpAngle, WORLD_W, WORLD_H } from './util.js';

const MAX_SNAPSHOTS = 120;
const MIN_DELAY_MS = 50;
const MAX_DELAY_MS = 250;
// We render on display frames, so the next snapshot must arrive up to one frame before it is needed.
const FRAME_MARGIN_MS = 16;
// how much faster or slower than real time the render clock may run to reach its target: gently
// while it has snapshots ahead of it, harder once it has none (motion would stall otherwise)
const STEER = 0.1;
const STEER_STARVED = 0.5;

export class SnapshotBuffer {
  constructor() {
    this.nominalTickMs = null; // the server's tick duration, once known
    this.reset();
  }

  /** The server's tick rate: the render clock runs at it instead of at an estimate from arrivals. */
  setTickRate(hz) {
    if (!Number.isFinite(hz) || hz < 1) return;
    this.nominalTickMs = 1000 / hz;
    this.tickMs = this.nominalTickMs;
    this.calibrated = true;
  }

  reset() {
    this.snaps = []; // { tick, recv, planes: Map<id, plane>, projectiles: Map<id, projectile> }
    this.tickMs = this.nominalTickMs ?? 1000 / 60; // else refined from arrivals
    this.intervalMs = 1000 / 60; // smoothed time between snapshots
    this.jitterMs = 0; // smoothed |arrival interval - expected interval|
    this.delayMs = 100;
    this.renderTick = null;
    this.lastFrame = null;
    this.calibrated = this.nominalTickMs !== null; // tickMs known, or measured over a long enough span
    this.frames = 0; // frames sampled
    this.starved = 0; // frames with no newer snapshot to interpolate towards (motion would stall)
  }

  /** Adds a WorldUpdate's data, received at `now` (performance.now()). */
  push(data, now) {
    const tick = Number(data.tick);
    if (!Number.isFinite(tick)) return;
    const last = this.snaps[this.snaps.length - 1];
    if (last && tick <= last.tick) {
      if (tick < last.tick - 600) this.reset(); // server restarted or lobby changed: start over
      else return; // duplicate or out of order
    }
    const prev = this.snaps[this.snaps.length - 1];
    this.snaps.push(toSnap(data, now));
    if (this.snaps.length > MAX_SNAPSHOTS) this.snaps.shift();

    if (prev) {
      const dTicks = tick - prev.tick;
      const dt = now - prev.recv;
      if (this.nominalTickMs === null) this.#estimateTickMs(tick, now, dTicks, dt);
      const expected = dTicks * this.tickMs;
      // the interval to bridge: rises fast on a gap (a lost snapshot), decays slowly, so one
      // lost snapshot in a while does not make motion stall
      const gap = clamp(expected, 1, 500);
      this.intervalMs = lerp(this.intervalMs, gap, gap > this.intervalMs ? 0.5 : 0.02);
      this.jitterMs = lerp(this.jitterMs, Math.min(Math.abs(dt - expected), 500), 0.1);
      this.delayMs = clamp(2.5 * this.jitterMs + this.intervalMs + FRAME_MARGIN_MS, MIN_DELAY_MS, MAX_DELAY_MS);
    }
  }

  /**
   * Without the server's rate, the tick duration from arrivals: over those of the last 2 s once they
   * span 250 ms (jitter only affects the two ends, so the estimate is good to a few percent); before
   * that, from consecutive arrivals, so that the clock is right within the first few snapshots.
   */
  #estimateTickMs(tick, now, dTicks, dt) {
    let first = 0;
    while (first < this.snaps.length - 2 && this.snaps[first].recv < now - 2000) first++;
    const f = this.snaps[first];
    if (now - f.recv >= 250 && tick > f.tick) {
      const est = (now - f.recv) / (tick - f.tick);
      this.tickMs = clamp(this.calibrated ? lerp(this.tickMs, est, 0.05) : est, 4, 100);
      this.calibrated = true;
    } else if (!this.calibrated && dTicks > 0) {
      this.tickMs = clamp(lerp(this.tickMs, dt / dTicks, 0.5), 4, 100);
    }
  }

  get newest() {
    return this.snaps[this.snaps.length - 1] || null;
  }

  /** Advances the render clock to `now` and returns the interpolated world, or null. */
  sample(now) {
    const newest = this.newest;
    if (!newest) return null;
    const target = newest.tick + (now - newest.recv) / this.tickMs - this.delayMs / this.tickMs;
    if (this.renderTick === null || Math.abs(target - this.renderTick) * this.tickMs > 500) {
      this.renderTick = target; // first frame, or far off (tab was hidden): jump
    } else {
      const frameTicks = (now - this.lastFrame) / this.tickMs;
      // advance at real speed, corrected towards the target by up to ±10 % (or -50 % when starving)
      const err = target - this.renderTick;
      const starving = this.renderTick >= newest.tick;
      const correction = clamp(err * (starving ? 0.3 : 0.1), -(starving ? STEER_STARVED : STEER) * frameTicks,
        STEER * frameTicks);
      this.renderTick += frameTicks + correction;
    }
    this.lastFrame = now;
    return this.#at(this.renderTick);
  }

  #at(t) {
    const snaps = this.snaps;
    let a = snaps[0];
    let b = snaps[0];
    this.frames += 1;
    if (t >= snaps[snaps.length - 1].tick) {
      if (snaps.length > 1) this.starved += 1;
      a = b = snaps[snaps.length - 1]; // starved: hold the newest state
    } else if (t > snaps[0].tick) {
      for (let i = snaps.length - 1; i > 0; i--) {
        if (snaps[i - 1].tick <= t) {
          a = snaps[i - 1];
          b = snaps[i];
          break;
        }
      }
    }
    return { ...blend(a, b, t), delayMs: this.delayMs };
  }
}

/** A WorldUpdate's data as a snapshot: { tick, recv, planes: Map<id, plane>, projectiles: Map<id, projectile> }. */
export function toSnap(data, recv) {
  const planes = new Map();
  for (const e of data.entities || []) planes.set(String(e.id), e);
  const projectiles = new Map();
  for (const p of data.projectiles || []) projectiles.set(String(p.id), p);
  return { tick: Number(data.tick), recv, planes, projectiles };
}

/** The world at tick `t` between snapshots `a` and `b` (a.tick <= t <= b.tick), as the renderer draws it. */
export function blend(a, b, t) {
  const alpha = b.tick > a.tick ? clamp((t - a.tick) / (b.tick - a.tick), 0, 1) : 0;
  const planes = [];
  for (const [id, pa] of a.planes) {
    const pb = b.planes.get(id);
    if (!pb) {
      planes.push({ id, x: pa.x, y: pa.y, rot: pa.rot, hp: pa.hp }); // gone in b: shown until b
      continue;
    }
    if (Math.abs(pb.x - pa.x) > WORLD_W / 2 || Math.abs(pb.y - pa.y) > WORLD_H / 2) {
      // wrapped round the world edge (or respawned far away): snap, never streak across the map
      const p = alpha < 0.5 ? pa : pb;
      planes.push({ id, x: p.x, y: p.y, rot: p.rot, hp: p.hp });
      continue;
    }
    planes.push({
      id,
      x: lerp(pa.x, pb.x, alpha),
      y: lerp(pa.y, pb.y, alpha),
      rot: lerpAngle(pa.rot, pb.rot, alpha),
      hp: alpha < 0.5 ? pa.hp : pb.hp,
    });
  }
  const projectiles = [];
  for (const [id, qa] of a.projectiles) {
    const qb = b.projectiles.get(id);
    projectiles.push(qb
      ? { id, owner: String(qa.owner_id), x: lerp(qa.x, qb.x, alpha), y: lerp(qa.y, qb.y, alpha), rot: qb.rot }
      : { id, owner: String(qa.owner_id), x: qa.x, y: qa.y, rot: qa.rot });
  }
  return { tick: t, planes, projectiles };
}
