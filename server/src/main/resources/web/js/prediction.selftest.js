// Self-test of prediction.js against a simulated server that runs flight.js exactly as the engine
// does (each tick applies the newest input that has arrived), with latency, jitter, lost snapshots,
// stalls of either direction and a server that stalls and then runs its missed ticks at once. Seeded,
// so every run is the same. Run it in any ES module host:
//   const { runPredictionSelfTest } = await import('/js/prediction.selftest.js'); runPredictionSelfTest()
// returns { ok, passed, failures: [message, ...] }. BrowserPredictionIT runs it in Chromium.

import { Prediction } from './prediction.js';
import { stepPlane } from './flight.js';
import { FixedStepClock } from './clock.js';

const STEADY = () => ({ thrust: 1, turn: 0.5, shoot: false });
/** Throttle up and down, turns both ways: key changes every second or so. */
const CHANGING = (t) => ({ thrust: t % 200 < 80 ? 1 : (t % 200 < 120 ? -1 : 0), turn: t % 90 < 45 ? 1 : -1, shoot: false });
const SHOOTING = (t) => ({ thrust: 0, turn: 0, shoot: t >= 60 && t < 124 });

/**
 * One client and one server, `ticks` ticks of 1/60 s. The client sends and predicts one input a tick;
 * inputs reach the server `lat` ticks later plus up to `jitter`, snapshots come back as late; `loss`
 * drops snapshots; stallOut / stallIn hold up every input / snapshot of that many ticks in every 150
 * and deliver them together; stallServer stops the server for that many ticks in every 150, after
 * which it runs the missed ticks at once (with the newest input).
 */
export function simulate({ input = STEADY, ticks = 600, lat = 6, jitter = 0, loss = 0, stallOut = 0, stallIn = 0,
  stallServer = 0, seed = 1 } = {}) {
  let r = seed;
  const random = () => ((r = (r * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const p = new Prediction(60);
  const server = { x: 0, y: 0, rot: 0, throttle: 0, cooldown: 0 };
  const inputs = [];
  const snapshots = [];
  let held = { thrust: 0, turn: 0, shoot: false };
  let ack = 0;
  let serverTick = 0;
  const out = { maxErrorPx: 0, errors: 0, reconciles: 0, clientShots: 0, serverShots: 0, maxThrottleError: 0 };
  const stalled = (t, n, phase) => n > 0 && (t + phase) % 150 < n;
  const releaseAt = (t, n, phase) => t - ((t + phase) % 150) + n;
  for (let t = 1; t <= ticks; t++) {
    const i = input(t);
    if (p.step(i, t)) out.clientShots += 1;
    let at = t + lat + random() * jitter;
    if (stalled(t, stallOut, 100)) at = Math.max(at, releaseAt(t, stallOut, 100) + lat);
    inputs.push({ at, seq: t, input: i });
    if (!stalled(t, stallServer, 40)) {
      while (serverTick < t) { // a stalled server catches up at once
        serverTick += 1;
        while (inputs.length && inputs[0].at <= t - 0.5) {
          const a = inputs.shift();
          held = a.input;
          ack = a.seq;
        }
        if (stepPlane(server, held, 60)) out.serverShots += 1;
        let back = t + lat;
        if (stalled(t, stallIn, 70)) back = releaseAt(t, stallIn, 70) + lat;
        snapshots.push({ at: back, tick: serverTick, ack, throttle: server.throttle,
          plane: { x: server.x, y: server.y, rot: server.rot } });
      }
    }
    while (snapshots.length && snapshots[0].at <= t) {
      const s = snapshots.shift();
      if (random() < loss) continue;
      const corrections = p.corrections;
      p.reconcile(s.plane, s.ack, s.tick);
      out.reconciles += 1;
      if (p.corrections !== corrections) {
        out.errors += 1;
        out.maxErrorPx = Math.max(out.maxErrorPx, p.lastErrorPx);
      }
      if (p.base) out.maxThrottleError = Math.max(out.maxThrottleError, Math.abs(p.base.throttle - s.throttle));
    }
  }
  out.snaps = p.snaps;
  return out;
}

export function runPredictionSelfTest() {
  const failures = [];
  let passed = 0;
  const check = (cond, what, got) => {
    if (cond) passed += 1;
    else failures.push(`${what}: ${JSON.stringify(got)}`);
  };
  const TICK_PX = 2.5; // one tick at full speed

  let o = simulate({});
  check(o.errors === 0 && o.snaps === 1, 'steady keys, no jitter: the prediction is never corrected', o);
  o = simulate({ input: CHANGING, loss: 0.25 });
  check(o.errors === 0 && o.maxThrottleError < 1e-9, 'changing keys, a quarter of snapshots lost: never corrected', o);
  o = simulate({ input: CHANGING, jitter: 0.9, seed: 3 });
  check(o.maxThrottleError < 1e-9, 'changing keys, jittered inputs: the throttle is followed exactly', o);
  check(o.errors < o.reconciles / 20, 'changing keys, jittered inputs: few corrections', o);
  for (const [name, cfg] of [
    ['jittered inputs', { jitter: 2, seed: 5 }],
    ['jitter and loss, 200 ms round trip', { jitter: 1.5, loss: 0.25, lat: 12, seed: 7 }],
    ['inputs held up 100 ms', { stallOut: 6 }],
    ['snapshots held up 100 ms', { stallIn: 6 }],
    ['a server that stalls 100 ms and catches up', { stallServer: 6 }],
  ]) {
    o = simulate({ ...cfg, ticks: 900 });
    check(o.maxErrorPx <= TICK_PX + 1e-9, `steady keys, ${name}: corrections of at most a tick`, o);
    check(o.errors <= o.reconciles / 50, `steady keys, ${name}: few corrections`, o);
    check(o.snaps === 1, `steady keys, ${name}: never snapped`, o);
  }
  for (const cfg of [{}, { jitter: 2, seed: 9 }, { jitter: 1.5, loss: 0.25, seed: 11 }]) {
    o = simulate({ input: SHOOTING, ...cfg });
    check(o.clientShots === o.serverShots && o.serverShots > 5,
      `held fire ${JSON.stringify(cfg)}: the page fires as many shots as the server`, o);
  }

  // a respawn far away snaps; the plane's absence clears the prediction
  const p = new Prediction(60);
  p.step({ thrust: 1, turn: 0, shoot: false }, 1);
  p.reconcile({ x: 0, y: 0, rot: 0 }, 0, 1);
  check(p.state !== null && p.snaps === 1, 'the first sight of the plane starts the prediction', p.snaps);
  p.reconcile(null, 1, 2);
  check(p.state === null, 'a plane missing from a snapshot (dead) is not predicted', p.state);
  p.reconcile({ x: 300, y: -100, rot: 0 }, 1, 62);
  check(p.state && p.state.x === 300 && p.state.throttle === 0 && p.snaps === 2,
    'a respawned plane starts at the server pose with throttle 0, drawn at once', p.state);

  // the tick clock: one tick per 1/60 s, and a timestamp older than the last one adds no time
  const clock = new FixedStepClock(60);
  let steps = 0;
  for (const t of [0, 20, 10, 30]) clock.advance(t, () => { steps += 1; });
  check(steps === 1, 'the tick clock never runs backwards (frames and messages interleave)', steps);
  for (const t of [40, 1000]) clock.advance(t, () => { steps += 1; });
  check(steps === 2 + 8, 'after a stall the tick clock runs at most 8 ticks at once', steps);

  return { ok: failures.length === 0 && passed > 0, passed, failures };
}
