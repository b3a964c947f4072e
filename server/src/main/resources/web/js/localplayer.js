// The local player's side of the frame loop: fixed ticks that sample, send and predict the input,
// reconciliation on each snapshot, and the world to draw — the other planes interpolated, our own
// plane and shots predicted. With `predict: false` (?predict=0) inputs are still sent every tick, but
// our plane is drawn interpolated like every other (to compare).

import { Prediction } from './prediction.js';
import { FixedStepClock } from './clock.js';
import { OwnShots } from './ownshots.js';

export class LocalPlayer {
  constructor({ predict = true, tickRateHz = 60 } = {}) {
    this.predict = predict;
    this.tickRateHz = tickRateHz;
    this.prediction = new Prediction(tickRateHz);
    this.shots = new OwnShots();
    this.clock = new FixedStepClock(tickRateHz);
    this.ticks = 0; // fixed ticks run (predicted time)
    this.serverPose = null; // our plane in the newest snapshot: {x, y, rot, hp}, or null
    this.rendered = null; // our plane as last drawn: {x, y, rot, predicted}, or null
  }

  /** A new player id or connection. */
  reset() {
    this.prediction.reset();
    this.shots.reset();
    this.serverPose = null;
    this.rendered = null;
  }

  setTickRate(hz) {
    if (!Number.isFinite(hz) || hz < 1 || hz === this.tickRateHz) return;
    this.tickRateHz = hz;
    this.prediction.setTickRate(hz);
    this.clock.setRate(hz);
  }

  /**
   * Runs the ticks due by `now`: each takes `sample()`, sends it with `send(input)` (which returns
   * its seq, or 0 when it could not be sent) and predicts it.
   */
  advance(now, sample, send) {
    this.clock.advance(now, () => {
      const input = sample();
      const seq = send(input);
      if (seq <= 0) return;
      this.ticks += 1;
      if (!this.predict) return;
      const shot = this.prediction.step(input, seq);
      if (shot) this.shots.fire(shot, this.ticks, now);
    });
  }

  /** A WorldUpdate (`d`, as from JSON or decoded binary) arrived; `me` is our player id. */
  onSnapshot(d, me, now, rttMs) {
    const mine = me === null ? undefined : (d.entities || []).find((e) => String(e.id) === me);
    this.serverPose = mine ? { x: Number(mine.x), y: Number(mine.y), rot: Number(mine.rot), hp: mine.hp } : null;
    if (!this.predict) return;
    this.prediction.reconcile(this.serverPose, Number(d.ack) || 0, Number(d.tick));
    this.shots.onSnapshot(d.projectiles || [], me, this.ticks, this.tickRateHz, now, rttMs);
  }

  /**
   * The world to draw in the frame of timestamp `now`, from the interpolated `world` (or null): our
   * plane at its predicted pose for that moment (`input` is held now, `frameMs` since the last
   * frame), or gone as soon as the newest snapshot lacks it; our shots predicted.
   */
  compose(world, me, input, frameMs, now) {
    if (!world) {
      this.rendered = null;
      return null;
    }
    if (!this.predict) {
      const own = world.planes.find((p) => p.id === me);
      this.rendered = own ? { x: own.x, y: own.y, rot: own.rot, predicted: false } : null;
      return world;
    }
    const alpha = Math.max(-1, Math.min(1, this.clock.alphaAt(now)));
    const pose = this.prediction.pose(alpha, input, frameMs);
    const planes = world.planes.filter((p) => p.id !== me);
    this.rendered = pose ? { x: pose.x, y: pose.y, rot: pose.rot, predicted: true } : null;
    if (pose) planes.push({ id: me, x: pose.x, y: pose.y, rot: pose.rot, hp: this.serverPose ? this.serverPose.hp : 100 });
    const projectiles = world.projectiles.filter((q) => !this.shots.hides(q.id))
      .concat(this.shots.positions(this.ticks + alpha, this.tickRateHz, me));
    return { ...world, planes, projectiles };
  }
}
