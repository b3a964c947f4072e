// Small shared helpers: world constants, angles, colours.

/** World bounds from GAME_RULES.md (y grows down). */
export const WORLD = Object.freeze({ minX: -400, maxX: 400, minY: -230, maxY: 230 });
export const WORLD_W = WORLD.maxX - WORLD.minX;
export const WORLD_H = WORLD.maxY - WORLD.minY;

export const clamp = (v, lo, hi) => (v < lo ? lo : v > hi ? hi : v);
export const lerp = (a, b, t) => a + (b - a) * t;

/** Interpolates two angles (radians) the short way round. */
export function lerpAngle(a, b, t) {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return a + d * t;
}

/** `d` reduced to the shortest equivalent in (-period/2, period/2]. */
export function shortest(d, period) {
  let r = d % period;
  if (r > period / 2) r -= period;
  if (r <= -period / 2) r += period;
  return r;
}

/** A stable, well-spread colour for a player id (golden-angle hue). */
export function colourFor(id) {
  const n = Number.parseInt(id, 10);
  const key = Number.isFinite(n) ? n : hashString(String(id));
  const hue = (key * 137.508 + 200) % 360;
  return `hsl(${hue.toFixed(1)}, 80%, 62%)`;
}

function hashString(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** Formats whole seconds as m:ss. */
export function formatClock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
