// The local plane's own shots, drawn from the tick the prediction fires them, then matched to the
// server's projectiles when those arrive: a matched server projectile is not drawn (its predicted twin
// is, in step with the predicted plane), and the twin goes when the server's projectile goes (a hit,
// or the end of its life). A predicted shot the server never fired (the cooldowns disagreed by a tick)
// is dropped a round trip later. Shots of other players are not touched.

import { shortest } from './util.js';
import { RULES, ticks } from './flight.js';

/** A server projectile matches a predicted shot flying within this angle (rad) ... */
const MATCH_RAD = 0.15;
/** ... and within this distance (px) of its line. */
const MATCH_PX = 14;
/** A predicted shot still unmatched this long (ms) after a round trip is dropped. */
const UNCONFIRMED_MS = 250;

export class OwnShots {
  constructor(rules = RULES) {
    this.rules = rules;
    this.reset();
  }

  reset() {
    this.shots = []; // {id, x, y, rot, vx, vy, tick, firedAt, serverId}
    this.seen = new Set(); // server projectile ids of ours already considered for matching
    this.nextId = 1;
    this.stats = { predicted: 0, confirmed: 0, unconfirmed: 0 };
  }

  /** The prediction fired `shot` ({x, y, rot, vx, vy} in px and px/s) in predicted tick `tick`. */
  fire(shot, tick, now) {
    this.shots.push({ ...shot, id: `predicted-${this.nextId++}`, tick, firedAt: now, serverId: null });
    this.stats.predicted += 1;
  }

  /**
   * A snapshot's projectiles (`list` as in WorldUpdate: {id, owner_id, x, y, rot}): matches new ones
   * of ours (`me`) to predicted shots, and drops predicted shots whose server twin is gone, that
   * outlived their lifetime (`nowTick`, predicted ticks at `tickRateHz`), or that the server never fired.
   */
  onSnapshot(list, me, nowTick, tickRateHz, now, rttMs) {
    const present = new Set();
    for (const q of list) {
      if (String(q.owner_id) !== me) continue;
      const id = String(q.id);
      present.add(id);
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      const twin = this.shots.find((s) => s.serverId === null && matches(s, q));
      if (twin) {
        twin.serverId = id;
        this.stats.confirmed += 1;
      }
    }
    for (const id of this.seen) if (!present.has(id)) this.seen.delete(id);
    const lifetime = ticks(this.rules.projectileLifetimeSeconds, tickRateHz);
    const patience = (Number.isFinite(rttMs) ? rttMs : 200) + UNCONFIRMED_MS;
    this.shots = this.shots.filter((s) => {
      if (s.serverId !== null) return present.has(s.serverId);
      if (now - s.firedAt > patience) {
        this.stats.unconfirmed += 1;
        return false;
      }
      return nowTick - s.tick < lifetime;
    });
  }

  /** True when the server projectile `id` has a predicted twin (draw the twin, not it). */
  hides(id) {
    return this.shots.some((s) => s.serverId === id);
  }

  /** The predicted shots where they are at predicted tick `t` (fractional), for drawing. */
  positions(t, tickRateHz, me) {
    return this.shots.map((s) => {
      const age = Math.max(0, t - s.tick) / tickRateHz;
      return { id: s.id, owner: me, x: s.x + s.vx * age, y: s.y + s.vy * age, rot: s.rot };
    });
  }
}

/** Same heading, and the server's projectile lies on the predicted shot's line (ahead or behind). */
function matches(s, q) {
  if (Math.abs(shortest(Number(q.rot) - s.rot, 2 * Math.PI)) > MATCH_RAD) return false;
  const speed = Math.hypot(s.vx, s.vy) || 1;
  const dx = Number(q.x) - s.x;
  const dy = Number(q.y) - s.y;
  const across = Math.abs(dx * s.vy - dy * s.vx) / speed;
  return across <= MATCH_PX;
}
