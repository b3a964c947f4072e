// Self-test of flight.js against flight.vectors.json, which FlightVectorsTest generated from the Java
// engine: every scripted input is replayed through stepPlane and every state and shot must match the
// engine's within TOLERANCE. Runs in any ES module host with fetch:
//   const { runFlightSelfTest } = await import('/js/flight.selftest.js'); await runFlightSelfTest()
// resolves to { ok, passed, failures: [message, ...], ticks }. BrowserPredictionIT runs it in Chromium.

import { stepPlane } from './flight.js';

/** px and radians; Math.sin/cos may differ from Java's StrictMath in the last bit. */
export const TOLERANCE = 1e-6;
const MAX_FAILURES = 20;

export async function runFlightSelfTest(url = '/js/flight.vectors.json') {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) return { ok: false, passed: 0, failures: [`${url}: HTTP ${res.status}`], ticks: 0 };
  return checkVectors(await res.json());
}

/** Replays every scenario of `vectors` (the parsed flight.vectors.json). */
export function checkVectors(vectors) {
  const failures = [];
  let passed = 0;
  let ticks = 0;
  const near = (got, want, what) => {
    if (typeof got === 'number' && Math.abs(got - want) <= TOLERANCE) passed += 1;
    else if (failures.length < MAX_FAILURES) failures.push(`${what}: got ${got}, engine ${want}`);
  };
  for (const sc of vectors.scenarios) {
    const name = `${sc.tickRateHz} Hz`;
    const [x, y, rot, throttle] = sc.start;
    const s = { x, y, rot, throttle, cooldown: 0 };
    const shots = [];
    let tick = 0;
    for (const [thrust, turn, shoot, n] of sc.inputs) {
      for (let i = 0; i < n; i++) {
        const shot = stepPlane(s, { thrust, turn, shoot: shoot === 1 }, sc.tickRateHz);
        tick += 1;
        if (shot) shots.push([tick, shot.x, shot.y, shot.rot, shot.vx, shot.vy]);
        const want = sc.states[tick - 1];
        if (!want) {
          failures.push(`${name}: more ticks than states (${tick})`);
          break;
        }
        ['x', 'y', 'rot', 'throttle'].forEach((k, j) => near(s[k], want[j], `${name} tick ${tick} ${k}`));
      }
    }
    ticks += tick;
    if (tick !== sc.states.length) failures.push(`${name}: ${tick} ticks replayed, ${sc.states.length} states`);
    if (shots.length !== sc.shots.length) {
      failures.push(`${name}: ${shots.length} shots, engine ${sc.shots.length}`);
    } else {
      passed += 1;
    }
    sc.shots.forEach((want, i) => {
      const got = shots[i] || [];
      if (got[0] === want[0]) passed += 1;
      else failures.push(`${name} shot ${i}: fired at tick ${got[0]}, engine ${want[0]}`);
      ['x', 'y', 'rot', 'vx', 'vy'].forEach((k, j) => near(got[j + 1], want[j + 1], `${name} shot ${i} ${k}`));
    });
  }
  return { ok: failures.length === 0 && passed > 0, passed, failures, ticks };
}
