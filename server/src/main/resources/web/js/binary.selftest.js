// Self-test of binary.js against the golden hex vectors of docs/PROTOCOL.md ("Binary protocol"),
// plus malformed-frame, baseline-history and Input-encoding checks. Runs in any ES module host:
//   const { runSelfTest } = await import('/js/binary.selftest.js'); runSelfTest()
// returns { ok, passed, failures: [message, ...] }. The browser test (BrowserPlayIT) runs it in Chromium.

import {
  SnapshotDecoder, Result, encodeInput, toWorldUpdate, Reader,
} from './binary.js';

/** The vectors exactly as in docs/PROTOCOL.md (bytes only; the doc's comments are left out). */
export const VECTORS = Object.freeze({
  'input': '01 10 40 81 01 ac 02 7b',
  'world-quantized': '01 01 7b 2a 02 07 14 37 00 20 64 01 81 19 c0 0c 00 c0 28 01 09 07 a8 01 24 00 20',
  'world-delta-full': '01 02 7b 2a 3c 00 00 00 02 07 14 37 00 20 64 01 81 19 c0 0c 00 c0 28 00'
    + ' 01 09 07 71 be 02 98 2c 97 2c 03 00',
  'world-delta': '01 02 7d 2b 3c 02 02 01 08 01 0c 00 00 00 00 64 01 07 0b 1c 1b 46'
    + ' 01 0a 0c 00 ff 02 00 bf 3e 00 01 09',
  'world-events': '01 02 7d 2b 3c 00 02 00 02 07 30 53 00 20 46 05 00 00 00 00 64 00'
    + ' 01 0a 0c 00 ff 02 00 bf 3e 00 01 09',
});

export function hex(s) {
  const parts = s.trim().split(/\s+/).filter(Boolean);
  return Uint8Array.from(parts.map((h) => Number.parseInt(h, 16)));
}

const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const PI = Math.PI;

export function runSelfTest() {
  const failures = [];
  let passed = 0;
  const check = (cond, what) => {
    if (cond) passed += 1;
    else failures.push(what);
  };
  const near = (a, b, what, eps = 1e-9) => check(typeof a === 'number' && Math.abs(a - b) <= eps,
    `${what}: got ${a}, expected ${b}`);
  const eq = (a, b, what) => check(a === b, `${what}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);

  /** Compares a WorldUpdate-shaped object with expected planes/projectiles (px, radians). */
  const expectWorld = (name, w, exp) => {
    eq(w.tick, exp.tick, `${name} tick`);
    eq(w.ack, exp.ack, `${name} ack`);
    eq(w.entities.length, exp.planes.length, `${name} plane count`);
    exp.planes.forEach((p, i) => {
      const e = w.entities[i] || {};
      eq(e.id, p.id, `${name} plane ${i} id`);
      near(e.x, p.x, `${name} plane ${p.id} x`);
      near(e.y, p.y, `${name} plane ${p.id} y`);
      near(e.rot, p.rot, `${name} plane ${p.id} rot`);
      eq(e.hp, p.hp, `${name} plane ${p.id} hp`);
    });
    eq(w.projectiles.length, exp.projectiles.length, `${name} projectile count`);
    exp.projectiles.forEach((q, i) => {
      const e = w.projectiles[i] || {};
      eq(e.id, q.id, `${name} projectile ${i} id`);
      eq(e.owner_id, q.owner, `${name} projectile ${q.id} owner`);
      near(e.x, q.x, `${name} projectile ${q.id} x`);
      near(e.y, q.y, `${name} projectile ${q.id} y`);
      near(e.rot, q.rot, `${name} projectile ${q.id} rot`);
    });
  };

  const guard = (name, fn) => {
    try { fn(); } catch (e) { failures.push(`${name} threw ${e && e.stack ? e.stack : e}`); }
  };

  // ---- varints and zigzag (Conventions) ----
  guard('varints', () => {
    const r = new Reader(hex('ac 02 00 01 02 1b'));
    eq(r.uvarint31(), 300, 'varint ac 02');
    eq(r.zigzag(), 0, 'zigzag 00');
    eq(r.zigzag(), -1, 'zigzag 01');
    eq(r.zigzag(), 1, 'zigzag 02');
    eq(r.zigzag(), -14, 'zigzag 1b');
    check(!r.failed, 'varint reads ok');
    const big = new Reader(hex('ff ff ff ff 0f'));
    eq(big.zigzag(), -2147483648, 'zigzag of 2^32 - 1');
    const over = new Reader(hex('ff ff ff ff 1f'));
    over.zigzag();
    check(over.failed, 'a 32-bit varint above 2^32 - 1 is malformed');
    const six = new Reader(hex('80 80 80 80 80 00'));
    six.uvarint31();
    check(six.failed, 'a 6-byte 32-bit varint is malformed');
    const ten = new Reader(hex('80 80 80 80 80 80 80 80 80 00'));
    ten.uvarint63();
    check(ten.failed, 'a 10-byte varint is malformed');
    const nine = new Reader(hex('80 80 80 80 80 80 80 80 01'));
    nine.uvarint63();
    check(nine.failed, 'a 63-bit value beyond 2^53 is rejected by the JavaScript decoder');
    const u31 = new Reader(hex('80 80 80 80 08'));
    u31.uvarint31();
    check(u31.failed, 'an id of 2^31 is malformed');
  });

  // ---- vector: input ----
  guard('input', () => {
    eq(toHex(encodeInput(0.5, -1, true, 300, 123)), VECTORS.input, 'Input vector');
    eq(toHex(encodeInput(2, Number.NaN, false, -5, 0)), '01 10 7f 00 00 00 00', 'Input clamps, NaN as 0, negatives as 0');
    eq(toHex(encodeInput(-0.5, -3, false, 128, 2 ** 40)), '01 10 c1 81 00 80 01 80 80 80 80 80 20',
      'Input: half up rounding, 40-bit ackedTick');
  });

  const plane7 = { id: '7', x: 1.25, y: -3.5, rot: PI / 4, hp: 100 };
  const plane8 = { id: '8', x: -200.125, y: 100, rot: (3 * PI) / 2, hp: 40 };

  // ---- vector: world-quantized ----
  guard('world-quantized', () => {
    const d = new SnapshotDecoder();
    eq(d.decode(hex(VECTORS['world-quantized'])), Result.OK, 'world-quantized decodes');
    eq(d.latestTick, 123, 'world-quantized latestTick');
    expectWorld('world-quantized', toWorldUpdate(d.latest), {
      tick: 123, ack: 42, planes: [plane7, plane8],
      projectiles: [{ id: '9', owner: '7', x: 10.5, y: 2.25, rot: PI / 4 }],
    });
    // an ArrayBuffer (what a WebSocket with binaryType 'arraybuffer' delivers) works the same
    const d2 = new SnapshotDecoder();
    eq(d2.decode(hex(VECTORS['world-quantized']).buffer), Result.OK, 'world-quantized from an ArrayBuffer');
    // a WorldDelta may not use a WorldQuantized state as its projectile baseline
    eq(d.decode(hex('01 02 7c 2a 3c 00 01 00 00 00 00 00')), Result.UNKNOWN_BASELINE,
      'projectile baseline without projectile motion');
  });

  // ---- vector: world-delta-full, then world-delta / world-events on it ----
  const full = {
    tick: 123, ack: 42, planes: [plane7, plane8],
    // origin (-57, 159)/8 moved 3 ticks at (2828, -2828)/8 px/s: (10.55, 2.2), quantization error < 0.25 px
    projectiles: [{ id: '9', owner: '7', x: (-57 + (2828 * 3) / 60) / 8, y: (159 - (2828 * 3) / 60) / 8, rot: PI / 4 }],
  };
  const at125 = {
    tick: 125, ack: 43,
    planes: [{ id: '7', x: 3, y: -5.25, rot: PI / 4, hp: 70 }, { id: '12', x: 0, y: 0, rot: 0, hp: 100 }],
    projectiles: [{ id: '10', owner: '12', x: 0, y: -24, rot: 0 }],
  };
  guard('world-delta-full', () => {
    const d = new SnapshotDecoder();
    eq(d.decode(hex(VECTORS['world-delta-full'])), Result.OK, 'world-delta-full decodes');
    expectWorld('world-delta-full', toWorldUpdate(d.latest), full);
    near(full.projectiles[0].x, 10.5, 'world-delta-full projectile within 0.25 px of the true x', 0.25);
    const s = d.latest;
    eq(s.projectiles[0].spawnTick, 120, 'world-delta-full spawn tick');
    near(s.projectileX(0, 120), -57 / 8, 'projectile at its spawn tick');
    near(s.projectileX(0, 180), (-57 + 2828) / 8, 'projectile one second after spawn');
    eq(d.lastPlaneBase + d.lastProjectileBase, 0, 'world-delta-full is a full frame');
  });
  guard('world-delta', () => {
    const d = new SnapshotDecoder();
    d.decode(hex(VECTORS['world-delta-full']));
    eq(d.decode(hex(VECTORS['world-delta'])), Result.OK, 'world-delta decodes on tick 123');
    expectWorld('world-delta', toWorldUpdate(d.latest), at125);
    eq(d.lastPlaneBase, 2, 'world-delta plane base');
  });
  guard('world-events', () => {
    const d = new SnapshotDecoder();
    d.decode(hex(VECTORS['world-delta-full']));
    eq(d.decode(hex(VECTORS['world-events'])), Result.OK, 'world-events decodes on tick 123');
    expectWorld('world-events', toWorldUpdate(d.latest), at125);
    const d2 = new SnapshotDecoder();
    d2.decode(hex(VECTORS['world-delta-full']));
    d2.decode(hex(VECTORS['world-delta']));
    check(d.latest.sameWorld(d2.latest), 'world-events and world-delta give the same world');
  });

  // ---- history: a delta against an older baseline than the newest state ----
  guard('history', () => {
    const d = new SnapshotDecoder();
    d.decode(hex(VECTORS['world-delta-full']));
    // tick 124, relative to 123 for both, nothing changed
    eq(d.decode(hex('01 02 7c 2a 3c 01 01 00 00 00 00 00')), Result.OK, 'an empty delta at tick 124');
    eq(d.latestTick, 124, 'latestTick after the empty delta');
    eq(d.decode(hex(VECTORS['world-delta'])), Result.OK, 'world-delta against tick 123, older than the newest');
    expectWorld('world-delta via history', toWorldUpdate(d.latest), at125);
    // history bounded: with room for 2 states, tick 123 is gone after two more frames
    const small = new SnapshotDecoder(2);
    small.decode(hex(VECTORS['world-delta-full']));
    small.decode(hex('01 02 7c 2a 3c 01 01 00 00 00 00 00'));
    small.decode(hex('01 02 7e 2a 3c 02 02 00 00 00 00 00')); // tick 126 relative to 124
    eq(small.decode(hex(VECTORS['world-delta'])), Result.UNKNOWN_BASELINE, 'a baseline beyond the history');
  });

  // ---- changed rotations wrap mod 65536 both ways, positions add up ----
  guard('rotation wrap', () => {
    const d = new SnapshotDecoder();
    d.decode(hex(VECTORS['world-delta-full']));
    // tick 124 on 123: plane 7 rot 0x2000 - 0x3000 -> 0xf000, x + 3 units; plane 8 rot 0xc000 + 0x5000 -> 0x1000
    eq(d.decode(hex('01 02 7c 2a 3c 01 01 00 00 02 07 05 06 ff bf 01 01 04 80 c0 02 00 00')), Result.OK,
      'a delta turning both planes across 0');
    expectWorld('rotation wrap', toWorldUpdate(d.latest), {
      tick: 124, ack: 42,
      planes: [{ ...plane7, x: 1.625, rot: (15 * PI) / 8 }, { ...plane8, rot: PI / 8 }],
      projectiles: [{ ...full.projectiles[0], x: (-57 + (2828 * 4) / 60) / 8, y: (159 - (2828 * 4) / 60) / 8 }],
    });
  });

  // ---- malformed frames: rejected, state unchanged, never a throw ----
  guard('malformed', () => {
    const fresh = new SnapshotDecoder();
    eq(fresh.decode(hex(VECTORS['world-delta'])), Result.UNKNOWN_BASELINE, 'world-delta without its baseline');
    eq(fresh.latest, null, 'nothing decoded');
    eq(fresh.decode(new Uint8Array(0)), Result.MALFORMED, 'empty frame');
    eq(fresh.decode(hex('02 01 7b')), Result.UNSUPPORTED_VERSION, 'version 2');
    eq(fresh.decode(hex('01 7f 00')), Result.UNKNOWN_KIND, 'unknown kind');
    eq(fresh.decode(hex('01 10 40 81 01 ac 02 7b')), Result.UNKNOWN_KIND, 'an Input is not a server frame');
    eq(fresh.decode('not bytes'), Result.MALFORMED, 'a string is malformed');
    for (const name of ['world-quantized', 'world-delta-full']) {
      const bytes = hex(VECTORS[name]);
      for (let n = 0; n < bytes.length; n++) {
        const d = new SnapshotDecoder();
        const res = d.decode(bytes.subarray(0, n));
        check(res === Result.MALFORMED && d.latest === null, `${name} truncated to ${n} bytes: ${res}`);
      }
    }
    const base = new SnapshotDecoder();
    base.decode(hex(VECTORS['world-delta-full']));
    const wd = hex(VECTORS['world-delta']);
    for (let n = 0; n < wd.length; n++) {
      const res = base.decode(wd.subarray(0, n));
      check(res !== Result.OK && base.latestTick === 123, `world-delta truncated to ${n} bytes: ${res}`);
    }
    // removing a plane the baseline lacks (id 9), changing one it lacks, adding one it has
    eq(base.decode(hex('01 02 7d 2b 3c 02 02 01 09 00 00 00 00')), Result.MALFORMED, 'removing an unknown plane');
    eq(base.decode(hex('01 02 7d 2b 3c 02 02 00 00 01 09 01 02 00 00')), Result.MALFORMED, 'changing an unknown plane');
    eq(base.decode(hex('01 02 7d 2b 3c 02 02 00 01 07 00 00 00 00 64 00 00 00')), Result.MALFORMED, 'adding a known plane');
    eq(base.decode(hex('01 02 7d 2b 3c 02 02 00 00 01 07 10 00 00 00')), Result.MALFORMED, 'reserved mask bits');
    eq(base.decode(hex('01 02 7d 2b 3c 02 02 00 00 00 00 01 0b')), Result.MALFORMED, 'ending an unknown projectile');
    eq(base.decode(hex('01 02 7d 2b 3c 02 02 00 00 00 01 09 07 00 00 00 00 00 00')), Result.MALFORMED,
      'spawning a known projectile');
    eq(base.decode(hex('01 02 7d 2b 3c 00 00 01 07 00 00 00 00')), Result.MALFORMED, 'removing from the empty state');
    eq(base.decode(hex('01 02 7d 2b 00 00 00 00 00 00 00 00')), Result.MALFORMED, 'tickRate 0');
    eq(base.decode(hex('01 02 7d 2b 3c 7e 00 00 00 00 00 00')), Result.MALFORMED, 'planeBase beyond the tick');
    eq(base.decode(hex('01 02 7d 2b 3c 00 00 00 02 07 14 37 00 20 64 00 00 00 00 00 00 00 00')), Result.MALFORMED,
      'ids not ascending (gap 0)');
    eq(base.decode(hex('01 02 7d 2b 3c 00 00 00 ff ff ff 07')), Result.MALFORMED, 'a count larger than the frame');
    eq(base.latestTick, 123, 'rejected frames leave the state alone');
    eq(base.decode(wd), Result.OK, 'the real frame still decodes after the rejected ones');
    expectWorld('world-delta after rejects', toWorldUpdate(base.latest), at125);
  });

  // ---- reset: forgets every baseline, acknowledges 0 (asks for a full frame) ----
  guard('reset', () => {
    const d = new SnapshotDecoder();
    d.decode(hex(VECTORS['world-delta-full']));
    d.reset();
    eq(d.latestTick, 0, 'latestTick after reset');
    eq(d.decode(hex(VECTORS['world-delta'])), Result.UNKNOWN_BASELINE, 'deltas need a full frame after reset');
    eq(d.decode(hex(VECTORS['world-delta-full'])), Result.OK, 'a full frame after reset');
  });

  return { ok: failures.length === 0 && passed > 0, passed, failures };
}
