// Interpolation buffer: renders the world a little behind the newest snapshot so that motion is
// smooth whatever the snapshot rate (60/30/20 per second) and across lost or late snapshots.
//
// Timeline: simulation ticks. We learn the tick duration and the snapshot interval from arrivals,
// keep a smoothed "render tick" that advances with the local clock, and steer it gently towards
// (newest tick + time since it arrived) - delay, where
//   delay = clamp(2.5 x inter-arrival jitter + one snapshot interval, 50, 250) ms.

import { clamp, lerp, lerpAngle, WORLD_W, WORLD_H } from './util.js';

const MAX_SNAPSHOTS = 120;
const MIN_DELAY_MS = 50;
const MAX_DELAY_MS = 250;

export class SnapshotBuffer {
  constructor() {
    this.reset();
  }

  reset() {
    this.snaps = []; // { tick, recv, planes: Map<id, plane>, projectiles: Map<id, projectile> }
    this.tickMs = 1000 / 60; // refined from arrivals
    this.intervalMs = 1000 / 60; // smoothed time between snapshots
    this.jitterMs = 0; // smoothed |arrival interval - expected interval|
    this.delayMs = 100;
    this.renderTick = null;
    this.lastFrame = null;
    this.anchor = null; // { tick, recv } for estimating the tick duration over a long span
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
    const planes = new Map();
    for (const e of data.entities || []) planes.set(String(e.id), e);
    const projectiles = new Map();
    for (const p of data.projectiles || []) projectiles.set(String(p.id), p);
    const prev = this.snaps[this.snaps.length - 1];
    this.snaps.push({ tick, recv: now, planes, projectiles });
    if (this.snaps.length > MAX_SNAPSHOTS) this.snaps.shift();

    if (prev) {
      const dTicks = tick - prev.tick;
      const dt = now - prev.recv;
      // tick duration over a span of at least a second, robust against arrival jitter
      if (!this.anchor) this.anchor = { tick, recv: now };
      else if (now - this.anchor.recv > 1000 && tick > this.anchor.tick) {
        const est = (now - this.anchor.recv) / (tick - this.anchor.tick);
        this.tickMs = clamp(lerp(this.tickMs, est, 0.3), 4, 100);
        this.anchor = { tick, recv: now };
      }
      const expected = dTicks * this.tickMs;
      this.intervalMs = lerp(this.intervalMs, clamp(expected, 1, 500), 0.1);
      this.jitterMs = lerp(this.jitterMs, Math.min(Math.abs(dt - expected), 500), 0.1);
      this.delayMs = clamp(2.5 * this.jitterMs + this.intervalMs, MIN_DELAY_MS, MAX_DELAY_MS);
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
      // advance at real speed, corrected by up to ±10% towards the target
      const err = target - this.renderTick;
      const correction = clamp(err * 0.1, -0.1 * frameTicks, 0.1 * frameTicks);
      this.renderTick += frameTicks + correction;
    }
    this.lastFrame = now;
    return this.#at(this.renderTick);
  }

  #at(t) {
    const snaps = this.snaps;
    let a = snaps[0];
    let b = snaps[0];
    if (t >= snaps[snaps.length - 1].tick) {
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
    return { tick: t, planes, projectiles, delayMs: this.delayMs };
  }
}
