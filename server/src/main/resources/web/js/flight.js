// The engine's flight rules for one live plane (GAME_RULES.md, World.fly() and World.shoot()), in the
// same order and with the same floating-point operations, so that the page can predict its own plane.
// flight.selftest.js checks them against vectors that the Java engine generated (flight.vectors.json).

import { WORLD } from './util.js';

/** The default tuning (engine Tuning.defaults()); the server runs every lobby with these. */
export const RULES = Object.freeze({
  minX: WORLD.minX,
  maxX: WORLD.maxX,
  minY: WORLD.minY,
  maxY: WORLD.maxY,
  turnRate: 3.0, // rad/s at turn = ±1
  throttleRate: 2.0, // throttle per second at thrust = ±1
  maxSpeed: 150, // px/s at full throttle
  noseOffset: 24, // px from the centre to where shots spawn
  projectileSpeed: 500, // px/s
  shotCooldownSeconds: 0.1,
  projectileLifetimeSeconds: 3.0,
});

/** Whole ticks for a duration, as the engine counts them: round(seconds * rate), at least 1. */
export function ticks(seconds, tickRateHz) {
  return Math.max(1, Math.round(seconds * tickRateHz));
}

/** An input axis as the engine stores it: clamped to [-1, 1], a non-finite value is 0. */
export function clampAxis(v) {
  if (!Number.isFinite(v)) return 0;
  return v < -1 ? -1 : (v > 1 ? 1 : v);
}

/** A new plane's state at (x, y): rot 0, throttle 0, no cooldown (the engine's spawn). */
export function spawnState(x, y) {
  return { x, y, rot: 0, throttle: 0, cooldown: 0 };
}

/**
 * One fixed tick of a live plane, in place: turn, throttle, move, wrap (World.fly), then the
 * cooldown and the shot (World.shoot). `s` is {x, y, rot, throttle, cooldown (ticks)};
 * `input` is {thrust, turn, shoot}. Returns the shot fired this tick as {x, y, rot, vx, vy}, or null.
 */
export function stepPlane(s, input, tickRateHz, rules = RULES) {
  const dt = 1.0 / tickRateHz;
  const turnStep = rules.turnRate * dt;
  const throttleStep = rules.throttleRate * dt;
  const speed = rules.maxSpeed * dt;
  const rot = s.rot + clampAxis(input.turn) * turnStep;
  let throttle = s.throttle + clampAxis(input.thrust) * throttleStep;
  throttle = throttle < 0 ? 0 : (throttle > 1 ? 1 : throttle);
  const fx = Math.sin(rot);
  const fy = -Math.cos(rot);
  const distance = throttle * speed;
  s.x = wrapEdge(s.x + fx * distance, rules.minX, rules.maxX);
  s.y = wrapEdge(s.y + fy * distance, rules.minY, rules.maxY);
  s.rot = rot;
  s.throttle = throttle;

  if (s.cooldown > 0) s.cooldown -= 1;
  if (input.shoot && s.cooldown === 0) {
    s.cooldown = ticks(rules.shotCooldownSeconds, tickRateHz);
    const nose = rules.noseOffset;
    return {
      x: s.x + fx * nose, y: s.y + fy * nose, rot, vx: fx * rules.projectileSpeed, vy: fy * rules.projectileSpeed,
    };
  }
  return null;
}

/**
 * A fraction `alpha` of the next tick's flight, for drawing between ticks: the same motion as
 * stepPlane with dt scaled by alpha (negative: back from `s`), without the shot. Returns {x, y, rot}.
 */
export function partialStep(s, input, tickRateHz, alpha, rules = RULES) {
  const dt = alpha / tickRateHz;
  const rot = s.rot + clampAxis(input.turn) * rules.turnRate * dt;
  let throttle = s.throttle + clampAxis(input.thrust) * rules.throttleRate * dt;
  throttle = throttle < 0 ? 0 : (throttle > 1 ? 1 : throttle);
  const distance = throttle * rules.maxSpeed * dt;
  return {
    x: wrapEdge(s.x + Math.sin(rot) * distance, rules.minX, rules.maxX),
    y: wrapEdge(s.y - Math.cos(rot) * distance, rules.minY, rules.maxY),
    rot,
  };
}

/** The engine's wrap: past one edge re-enters exactly at the opposite edge. */
export function wrapEdge(v, min, max) {
  if (v < min) return max;
  if (v > max) return min;
  return v;
}
