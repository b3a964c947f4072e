// Client-side prediction of the local plane, and its reconciliation with the server's snapshots.
//
// Every fixed tick the page sends an Input (with a sequence number) and applies the same input to its
// own copy of the plane with the engine's rules (flight.js), so a key press shows at once instead of
// a round trip plus the interpolation delay later. Each snapshot says which input the server applied
// last (`ack`) and where the plane was then: the prediction restarts from that pose and re-applies the
// inputs the server has not seen yet. The jump between the old and the new prediction (usually a
// tick's worth of motion, when the server held an input for two ticks or skipped one) is not drawn
// at once: it becomes an offset that decays smoothly; a large one (respawn, a long stall) snaps.
//
// Most of those jumps are avoidable. The server applies, each tick, the newest input that has
// arrived; inputs come one a tick, so `tick - ack` is normally constant. When an input arrives a
// little late, the server applies the previous one again and `tick - ack` is one more than usual for
// one snapshot; the next tick it applies the input after the late one, which it never uses. Replaying
// every unacknowledged input would put the prediction a tick further ahead for that one snapshot
// only. So the replay treats the late input as applied (skips it), and likewise an early one as
// held for another tick: the prediction moves on by exactly one tick per tick. The same holds for
// stalls: inputs held up on the way and arriving together (the server holds the last input it has,
// then jumps to the newest: the replay skips the held-up inputs meanwhile), and a server that stalls
// and then runs the missed ticks at once (with the newest input, which it then holds until the next
// one arrives at its usual time: the replay holds it as long).
//
// The shot cooldown is the page's own: reconciliation leaves it alone, so that shifting the replay by
// a tick now and then never makes the page fire more (or fewer) shots than the server does.
//
// Throttle is not in snapshots. It is carried along from the last snapshot by integrating the
// acknowledged inputs over the ticks in between (a new plane starts at 0, as it spawns), and while no
// thrust is applied it is nudged towards the speed the server's positions show.

import { stepPlane, partialStep, clampAxis, RULES } from './flight.js';
import { WORLD, WORLD_W, WORLD_H, clamp, shortest } from './util.js';

/**
 * The drawn plane turns at most this many times the turn rate. The drawn pose extrapolates part of
 * the next tick with the keys held now, so reversing a turn would otherwise take back up to a tick's
 * turn in one frame; the excess is folded into the smoothed correction.
 */
const MAX_DRAWN_TURN = 1.5;
/** Unacknowledged inputs kept (4 s at 60 Hz); past that the oldest are forgotten. */
const MAX_PENDING = 240;
/** Time constant (ms) of the decay of a correction: 3 px fade in about 0.2 s, under 0.6 px a frame. */
const SMOOTH_MS = 80;
/** ... but never faster than this (px/s, 1.5 px a frame at 60 frames/s): a larger one takes longer. */
const MAX_CORRECTION_SPEED = 90;
/** A correction this large is not smoothed: the plane is drawn at the new pose at once. */
const SNAP_PX = 48;
const SNAP_RAD = 1.0;
/** `tick - ack` is tracked with this smoothing per snapshot ... */
const LAG_SMOOTHING = 0.05;
/** ... and its typical value changes when the average is this far from it. */
const LAG_HYSTERESIS = 0.6;
/** An acknowledgement further than this many ticks from usual is replayed as it is. */
const LAG_MAX_ADJUST = 60;
/** The speed observer uses snapshots at most this many ticks apart ... */
const OBSERVER_MAX_TICKS = 6;
/** ... and moves the throttle this share of the way per tick between them (quantisation noise). */
const OBSERVER_GAIN_PER_TICK = 0.1;
const NO_INPUT = Object.freeze({ thrust: 0, turn: 0 });

export class Prediction {
  constructor(tickRateHz = 60, rules = RULES) {
    this.rules = rules;
    this.tickRateHz = tickRateHz;
    this.reset();
  }

  /** A new player (Identity) or a new connection: forget everything. */
  reset() {
    this.state = null; // the plane after the newest input: {x, y, rot, throttle, cooldown}, or null
    this.pending = []; // inputs sent and not yet acknowledged, oldest first: {seq, thrust, turn, shoot}
    // the server's plane at the newest snapshot, and the input it held then: {tick, seq, held: {thrust, turn}, throttle, x, y}
    this.base = null;
    this.server = null; // its pose {x, y, rot}, for state() and the net graph
    this.offset = { x: 0, y: 0, rot: 0 }; // drawn pose minus predicted pose; decays to 0
    this.drawnRot = null; // the rotation last drawn
    this.lastErrorPx = 0; // the size of the newest correction
    this.corrections = 0; // reconciliations that moved the prediction
    this.snaps = 0; // corrections too large to smooth (plus every (re)spawn)
    this.lagAverage = null; // smoothed tick - ack
    this.lagTypical = null; // its typical (integer) value
  }

  setTickRate(hz) {
    if (Number.isFinite(hz) && hz >= 1) this.tickRateHz = hz;
  }

  /** Inputs sent that no snapshot acknowledged yet. */
  get unacknowledged() {
    return this.pending.length;
  }

  /**
   * One fixed tick: the input just sent with `seq` is applied to the predicted plane (when there is
   * one) and kept until acknowledged. Returns the shot this tick fires ({x, y, rot, vx, vy}) or null.
   */
  step(input, seq) {
    const entry = { seq, thrust: input.thrust, turn: input.turn, shoot: !!input.shoot };
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    if (!this.state) return null;
    return stepPlane(this.state, entry, this.tickRateHz, this.rules);
  }

  /**
   * A snapshot of `tick`: `plane` is the server's {x, y, rot} of our plane, or null while we have
   * none (not spawned, dead); `ack` is the newest of our inputs the server had applied.
   */
  reconcile(plane, ack, tick) {
    if (this.base && tick <= this.base.tick) return; // not newer than what we have
    let n = 0;
    while (n < this.pending.length && this.pending[n].seq <= ack) n++;
    const applied = this.pending.splice(0, n); // oldest first
    if (!plane) {
      this.state = null;
      this.base = null;
      this.server = null;
      this.offset = { x: 0, y: 0, rot: 0 };
      this.drawnRot = null;
      return;
    }
    const fresh = this.state === null || this.base === null;
    // a new plane spawns with throttle 0 and its held input cleared
    const last = applied[applied.length - 1];
    const held = last ? { thrust: last.thrust, turn: last.turn } : (fresh ? NO_INPUT : this.base.held);
    const throttle = fresh ? 0 : this.#throttleAt(plane, tick, applied);
    this.base = { tick, seq: ack, held, throttle, x: plane.x, y: plane.y };
    this.server = { x: plane.x, y: plane.y, rot: plane.rot };

    const before = this.state;
    const s = { x: plane.x, y: plane.y, rot: plane.rot, throttle, cooldown: 0 };
    const adjust = ack > 0 ? this.#lagAdjustment(tick - ack) : 0;
    if (adjust < 0) { // the acknowledged input came early: the server will hold it that much longer
      for (let i = adjust; i < 0; i++) stepPlane(s, held, this.tickRateHz, this.rules);
    }
    for (let i = Math.max(0, adjust); i < this.pending.length; i++) { // a late one will be skipped
      stepPlane(s, this.pending[i], this.tickRateHz, this.rules);
    }
    s.cooldown = fresh ? 0 : before.cooldown;
    this.state = s;
    if (fresh) {
      this.#snap();
      this.lastErrorPx = 0;
      return;
    }
    const dx = shortest(before.x - s.x, WORLD_W);
    const dy = shortest(before.y - s.y, WORLD_H);
    const dr = shortest(before.rot - s.rot, 2 * Math.PI);
    this.lastErrorPx = Math.hypot(dx, dy);
    if (this.lastErrorPx > 1e-6 || Math.abs(dr) > 1e-9) this.corrections += 1;
    const o = this.offset;
    o.x += dx;
    o.y += dy;
    o.rot = shortest(o.rot + dr, 2 * Math.PI);
    if (Math.hypot(o.x, o.y) > SNAP_PX || Math.abs(o.rot) > SNAP_RAD) this.#snap();
  }

  /**
   * The pose to draw now, or null without a plane: the predicted plane moved on by `alpha` (-1..1) of
   * the next tick with the input held now (so a key shows in the very next frame), plus what is left
   * of the last corrections, which decay over `frameMs`, the time since the previous frame.
   */
  pose(alpha, input, frameMs) {
    if (!this.state) return null;
    const o = this.offset;
    const ms = Math.max(0, frameMs);
    const keep = Math.exp(-ms / SMOOTH_MS);
    const length = Math.hypot(o.x, o.y);
    if (length > 0) {
      const shrink = Math.min(length * (1 - keep), (MAX_CORRECTION_SPEED * ms) / 1000);
      o.x *= (length - shrink) / length;
      o.y *= (length - shrink) / length;
    }
    o.rot *= keep;
    if (Math.abs(o.x) + Math.abs(o.y) < 0.01 && Math.abs(o.rot) < 1e-4) o.x = o.y = o.rot = 0;
    const p = partialStep(this.state, input, this.tickRateHz, clamp(alpha, -1, 1), this.rules);
    let rot = p.rot + o.rot;
    if (this.drawnRot !== null) {
      const limit = (MAX_DRAWN_TURN * this.rules.turnRate * Math.max(0, frameMs)) / 1000;
      const d = shortest(rot - this.drawnRot, 2 * Math.PI);
      if (Math.abs(d) > limit) {
        const excess = d - Math.sign(d) * limit;
        o.rot -= excess;
        rot -= excess;
      }
    }
    this.drawnRot = rot;
    return { x: wrapInto(p.x + o.x, WORLD.minX, WORLD_W), y: wrapInto(p.y + o.y, WORLD.minY, WORLD_H), rot };
  }

  /**
   * How much later (> 0) or earlier (< 0) than usual the acknowledged input is: `tick - ack` minus
   * its typical value. That follows the average slowly, each sample counting at most one tick off
   * the typical value, so a stall hardly moves it while a lasting change moves it a tick at a time.
   */
  #lagAdjustment(lag) {
    if (this.lagTypical === null) {
      this.lagAverage = lag;
      this.lagTypical = lag;
    }
    this.lagAverage += LAG_SMOOTHING * (clamp(lag, this.lagTypical - 1, this.lagTypical + 1) - this.lagAverage);
    if (Math.abs(this.lagAverage - this.lagTypical) > LAG_HYSTERESIS) this.lagTypical = Math.round(this.lagAverage);
    const adjust = lag - this.lagTypical;
    return Math.abs(adjust) <= LAG_MAX_ADJUST ? adjust : 0;
  }

  #snap() {
    this.offset = { x: 0, y: 0, rot: 0 };
    this.drawnRot = null;
    this.snaps += 1;
  }

  /**
   * The server's throttle at `tick`: the previous snapshot's, plus the thrust of the inputs applied
   * since (`applied`, oldest first), one a tick. Over more ticks than inputs the previous held input
   * filled the first ticks; over fewer, the first inputs were replaced before a tick used them. While
   * the thrust was 0 throughout, the positions' speed corrects what that may have got wrong.
   */
  #throttleAt(plane, tick, applied) {
    const b = this.base;
    const ticks = tick - b.tick;
    const thrusts = applied.slice(Math.max(0, applied.length - ticks)).map((e) => clampAxis(e.thrust));
    while (thrusts.length < ticks) thrusts.unshift(clampAxis(b.held.thrust));
    const throttleStep = this.rules.throttleRate * (1.0 / this.tickRateHz);
    let throttle = b.throttle;
    for (const t of thrusts) throttle = clamp(throttle + t * throttleStep, 0, 1);

    const dx = plane.x - b.x;
    const dy = plane.y - b.y;
    const wrapped = Math.abs(dx) > WORLD_W / 2 || Math.abs(dy) > WORLD_H / 2;
    if (ticks <= OBSERVER_MAX_TICKS && !wrapped && b.held.thrust === 0 && thrusts.every((t) => t === 0)) {
      const speedStep = this.rules.maxSpeed * (1.0 / this.tickRateHz);
      const measured = clamp(Math.hypot(dx, dy) / (ticks * speedStep), 0, 1);
      throttle += Math.min(0.5, OBSERVER_GAIN_PER_TICK * ticks) * (measured - throttle);
    }
    return throttle;
  }
}

function wrapInto(v, min, span) {
  if (v < min) return v + span;
  if (v > min + span) return v - span;
  return v;
}
