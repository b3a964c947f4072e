// Binary protocol, version 1 (docs/PROTOCOL.md, "Binary protocol"): world-frame decoder and Input
// encoder. A port of the server's reference client (protocol/binary/client/BinarySnapshotDecoder,
// ClientWorldState, BinaryInputEncoder, and BinaryReader/BinaryQuantizer): same checks, same results.
//
// The decoder keeps the states of the last `history` frames it decoded, keyed by tick, because a
// WorldDelta names its baselines by distance in ticks and the server encodes against whatever tick
// the client last acknowledged (Input.ackedTick = decoder.latestTick). Decoded states stay in wire
// units (1/8 px, u16 rotations, 1/8 px/s); `toWorldUpdate` turns one into the JSON WorldUpdate's
// `data` shape, so interpolation and rendering are shared by both formats.

export const SUBPROTOCOL = 'jetraiders.v1.bin';
export const VERSION = 1;
export const KIND_WORLD_QUANTIZED = 0x01;
export const KIND_WORLD_DELTA = 0x02;
export const KIND_INPUT = 0x10;

export const POSITION_SCALE = 8;
export const VELOCITY_SCALE = 8;
export const ROTATION_UNITS = 65536;
export const AXIS_SCALE = 127;
export const BUTTON_SHOOT = 0x01;
export const MASK_X = 0x01;
export const MASK_Y = 0x02;
export const MASK_ROT = 0x04;
export const MASK_HP = 0x08;
export const MASK_ALL = MASK_X | MASK_Y | MASK_ROT | MASK_HP;
/** Received states kept as possible baselines (the server uses its last 32 sent frames). */
export const DEFAULT_CLIENT_HISTORY = 64;

/** Outcome of decoding one frame (BinaryDecodeResult). */
export const Result = Object.freeze({
  OK: 'OK',
  /** Empty, truncated, an invalid or overlong varint, a value out of range, or inconsistent lists. */
  MALFORMED: 'MALFORMED',
  /** A valid envelope with a kind this side does not accept: ignore the frame. */
  UNKNOWN_KIND: 'UNKNOWN_KIND',
  /** The version byte is not 1. */
  UNSUPPORTED_VERSION: 'UNSUPPORTED_VERSION',
  /** A WorldDelta refers to a baseline tick this client does not hold. */
  UNKNOWN_BASELINE: 'UNKNOWN_BASELINE',
});

const TWO_PI = 2 * Math.PI;
const U31_MAX = 0x7fffffff;
const U32_MAX = 0xffffffff;

/**
 * Bounds-checked little-endian cursor that never throws: a read past the end or an invalid varint
 * sets `failed` and returns 0, and every later read fails too (BinaryReader).
 */
export class Reader {
  constructor(bytes) {
    this.buf = bytes;
    this.pos = 0;
    this.limit = bytes.length;
    this.failed = false;
  }

  remaining() { return this.failed ? 0 : this.limit - this.pos; }

  fail() { this.failed = true; }

  u8() {
    if (this.failed || this.pos >= this.limit) { this.failed = true; return 0; }
    return this.buf[this.pos++];
  }

  u16() {
    if (this.failed || this.limit - this.pos < 2) { this.failed = true; return 0; }
    const v = this.buf[this.pos] | (this.buf[this.pos + 1] << 8);
    this.pos += 2;
    return v;
  }

  /**
   * An unsigned varint of at most 63 bits (ticks, sequence numbers). JavaScript numbers are exact up
   * to 2^53, so larger values (over 4 million years of ticks) are rejected as malformed here.
   */
  uvarint63() {
    let v = 0;
    for (let shift = 0; shift < 63; shift += 7) {
      if (this.failed || this.pos >= this.limit) { this.failed = true; return 0; }
      const b = this.buf[this.pos++];
      if (shift === 56 && (b & 0x80) !== 0) { this.failed = true; return 0; } // a 10th byte
      v += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (v > Number.MAX_SAFE_INTEGER) { this.failed = true; return 0; }
        return v;
      }
    }
    this.failed = true;
    return 0;
  }

  /** An unsigned varint that must fit 31 bits (ids, counts, gaps, tick distances). */
  uvarint31() {
    const v = this.#varint32Bits();
    if (v > U31_MAX) { this.failed = true; return 0; }
    return v;
  }

  /** A zigzag varint of a signed 32-bit value. */
  zigzag() {
    const n = this.#varint32Bits() | 0;
    return (n >>> 1) ^ -(n & 1);
  }

  /** At most 5 bytes and at most 32 bits. */
  #varint32Bits() {
    let v = 0;
    for (let i = 0; i < 5; i++) {
      if (this.failed || this.pos >= this.limit) { this.failed = true; return 0; }
      const b = this.buf[this.pos++];
      v += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) {
        if (v > U32_MAX) { this.failed = true; return 0; }
        return v;
      }
    }
    this.failed = true;
    return 0;
  }
}

/**
 * The world of one decoded frame (ClientWorldState), planes and projectiles sorted by id, in wire
 * units. From a WorldQuantized frame projectiles carry their current x, y, rot; from a WorldDelta
 * frame their origin (x, y), velocity (vx, vy) and spawnTick (`projectileMotion` is true).
 */
export class WorldState {
  constructor() {
    this.tick = 0;
    this.ack = 0;
    this.tickRate = 0;
    this.projectileMotion = false;
    this.planes = []; // { id, x, y, rot, hp }
    this.projectiles = []; // { id, owner, x, y, rot, vx, vy, spawnTick }
  }

  /** Projectile i's position in px at `atTick` (default: this state's tick). */
  projectileX(i, atTick = this.tick) {
    const p = this.projectiles[i];
    if (!this.projectileMotion) return p.x / POSITION_SCALE;
    return (p.x + (p.vx * (atTick - p.spawnTick)) / this.tickRate) / POSITION_SCALE;
  }

  projectileY(i, atTick = this.tick) {
    const p = this.projectiles[i];
    if (!this.projectileMotion) return p.y / POSITION_SCALE;
    return (p.y + (p.vy * (atTick - p.spawnTick)) / this.tickRate) / POSITION_SCALE;
  }

  /** Radians; from the velocity for spawn records: atan2(vx, -vy). */
  projectileRot(i) {
    const p = this.projectiles[i];
    if (!this.projectileMotion) return rotationRad(p.rot);
    return Math.atan2(p.vx, -p.vy);
  }

  /** Quantized equality of everything a frame carries except the input ack. */
  sameWorld(o) {
    if (this.tick !== o.tick || this.planes.length !== o.planes.length
        || this.projectiles.length !== o.projectiles.length || this.projectileMotion !== o.projectileMotion) {
      return false;
    }
    for (let i = 0; i < this.planes.length; i++) {
      const a = this.planes[i];
      const b = o.planes[i];
      if (a.id !== b.id || a.x !== b.x || a.y !== b.y || a.rot !== b.rot || a.hp !== b.hp) return false;
    }
    for (let i = 0; i < this.projectiles.length; i++) {
      const a = this.projectiles[i];
      const b = o.projectiles[i];
      if (a.id !== b.id || a.owner !== b.owner || a.x !== b.x || a.y !== b.y || a.rot !== b.rot
          || a.vx !== b.vx || a.vy !== b.vy || a.spawnTick !== b.spawnTick) return false;
    }
    return true;
  }
}

export const positionPx = (q) => q / POSITION_SCALE;
export const rotationRad = (q) => (q * TWO_PI) / ROTATION_UNITS;

/**
 * The JSON `WorldUpdate` data of a decoded state: `{tick, ack, entities: [{id, x, y, rot, hp}],
 * projectiles: [{id, owner_id, x, y, rot}]}`, ids as decimal strings, px and radians.
 */
export function toWorldUpdate(s) {
  const entities = s.planes.map((p) => ({
    id: String(p.id), x: positionPx(p.x), y: positionPx(p.y), rot: rotationRad(p.rot), hp: p.hp,
  }));
  const projectiles = s.projectiles.map((p, i) => ({
    id: String(p.id), owner_id: String(p.owner), x: s.projectileX(i), y: s.projectileY(i), rot: s.projectileRot(i),
  }));
  return { tick: s.tick, ack: s.ack, entities, projectiles };
}

function asBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/**
 * Decodes the server's world frames (BinarySnapshotDecoder). `decode` never throws; on OK `latest`
 * is the new state, otherwise nothing changed. Acknowledge `latestTick` in every Input.
 */
export class SnapshotDecoder {
  constructor(history = DEFAULT_CLIENT_HISTORY) {
    if (!(history >= 1 && history <= 4096)) throw new RangeError(`history ${history} outside [1, 4096]`);
    this.history = history;
    this.states = []; // oldest first, at most `history`
    /** Base distances of the last WorldDelta decoded OK (both 0: a full frame), for statistics. */
    this.lastPlaneBase = 0;
    this.lastProjectileBase = 0;
    this.lastKind = 0;
  }

  /** The state of the last frame decoded OK, or null before the first. */
  get latest() {
    return this.states.length ? this.states[this.states.length - 1] : null;
  }

  /** The tick to acknowledge: the last frame decoded OK, or 0 (asks the server for a full frame). */
  get latestTick() {
    const s = this.latest;
    return s ? s.tick : 0;
  }

  /** Forgets every state (the next acknowledgement is 0, so the server answers with a full frame). */
  reset() {
    this.states = [];
  }

  /** Decodes one frame (ArrayBuffer or Uint8Array); returns a `Result`. */
  decode(data) {
    const bytes = asBytes(data);
    if (!bytes) return Result.MALFORMED;
    const target = new WorldState();
    let result;
    try {
      result = this.#decodeInto(new Reader(bytes), target);
    } catch {
      result = Result.MALFORMED; // unreachable by design; never throw past the API
    }
    if (result === Result.OK) {
      this.states.push(target);
      if (this.states.length > this.history) this.states.shift();
    }
    return result;
  }

  #decodeInto(r, t) {
    const version = r.u8();
    if (r.failed) return Result.MALFORMED;
    if (version !== VERSION) return Result.UNSUPPORTED_VERSION;
    const kind = r.u8();
    if (r.failed) return Result.MALFORMED;
    let result;
    if (kind === KIND_WORLD_QUANTIZED) result = this.#quantized(r, t);
    else if (kind === KIND_WORLD_DELTA) result = this.#delta(r, t);
    else return Result.UNKNOWN_KIND;
    if (result === Result.OK) this.lastKind = kind;
    return result;
  }

  // ---- WorldQuantized ---------------------------------------------------------------------------

  #quantized(r, t) {
    t.tick = r.uvarint63();
    t.ack = r.uvarint63();
    t.tickRate = 0;
    t.projectileMotion = false;
    const planes = count(r, 6);
    if (r.failed) return Result.MALFORMED;
    let prev = -1;
    for (let i = 0; i < planes; i++) {
      prev = nextId(r, prev, i);
      t.planes.push({ id: prev, x: r.zigzag(), y: r.zigzag(), rot: r.u16(), hp: r.u8() });
    }
    const projectiles = count(r, 6);
    if (r.failed) return Result.MALFORMED;
    prev = -1;
    for (let i = 0; i < projectiles; i++) {
      prev = nextId(r, prev, i);
      const owner = r.uvarint31();
      const x = r.zigzag();
      const y = r.zigzag();
      const rot = r.u16();
      t.projectiles.push({ id: prev, owner, x, y, rot, vx: 0, vy: 0, spawnTick: 0 });
    }
    return r.failed ? Result.MALFORMED : Result.OK;
  }

  // ---- WorldDelta -------------------------------------------------------------------------------

  #delta(r, t) {
    const tick = r.uvarint63();
    const ack = r.uvarint63();
    const tickRate = r.uvarint31();
    const planeBase = r.uvarint63();
    const projectileBase = r.uvarint63();
    if (r.failed || tickRate < 1 || planeBase > tick || projectileBase > tick) return Result.MALFORMED;
    let pb = null;
    let qb = null;
    if (planeBase > 0 && (pb = this.#find(tick - planeBase)) === null) return Result.UNKNOWN_BASELINE;
    if (projectileBase > 0 && ((qb = this.#find(tick - projectileBase)) === null || !qb.projectileMotion)) {
      return Result.UNKNOWN_BASELINE;
    }
    // planes: removed ids, added records, changed records
    const nRemoved = count(r, 1);
    const removed = [];
    let prev = -1;
    for (let i = 0; i < nRemoved; i++) {
      prev = nextId(r, prev, i);
      removed.push(prev);
    }
    const nAdded = count(r, 6);
    const added = [];
    prev = -1;
    for (let i = 0; i < nAdded; i++) {
      prev = nextId(r, prev, i);
      added.push({ id: prev, x: r.zigzag(), y: r.zigzag(), rot: r.u16(), hp: r.u8() });
    }
    const nChanged = count(r, 2);
    const changed = [];
    prev = -1;
    for (let i = 0; i < nChanged; i++) {
      prev = nextId(r, prev, i);
      const mask = r.u8();
      if ((mask & ~MASK_ALL) !== 0) r.fail();
      const dx = (mask & MASK_X) !== 0 ? r.zigzag() : 0;
      const dy = (mask & MASK_Y) !== 0 ? r.zigzag() : 0;
      const drot = (mask & MASK_ROT) !== 0 ? r.zigzag() : 0;
      const hp = (mask & MASK_HP) !== 0 ? r.u8() : 0;
      changed.push({ id: prev, mask, dx, dy, drot, hp });
    }
    // projectiles: spawn records, ended ids
    const nSpawned = count(r, 7);
    const spawned = [];
    prev = -1;
    for (let i = 0; i < nSpawned; i++) {
      prev = nextId(r, prev, i);
      const owner = r.uvarint31();
      const x = r.zigzag();
      const y = r.zigzag();
      const vx = r.zigzag();
      const vy = r.zigzag();
      const age = r.uvarint63();
      if (age > tick) r.fail();
      spawned.push({ id: prev, owner, x, y, rot: 0, vx, vy, spawnTick: tick - age });
    }
    const nEnded = count(r, 1);
    const ended = [];
    prev = -1;
    for (let i = 0; i < nEnded; i++) {
      prev = nextId(r, prev, i);
      ended.push(prev);
    }
    if (r.failed) return Result.MALFORMED;
    if ((pb === null && (nRemoved > 0 || nChanged > 0)) || (qb === null && nEnded > 0)) return Result.MALFORMED;
    t.tick = tick;
    t.ack = ack;
    t.tickRate = tickRate;
    t.projectileMotion = true;
    const planes = applyPlanes(pb, removed, added, changed);
    const projectiles = planes && applyProjectiles(qb, spawned, ended);
    if (!planes || !projectiles) return Result.MALFORMED;
    t.planes = planes;
    t.projectiles = projectiles;
    this.lastPlaneBase = planeBase;
    this.lastProjectileBase = projectileBase;
    return Result.OK;
  }

  #find(tick) {
    for (let i = this.states.length - 1; i >= 0; i--) {
      if (this.states[i].tick === tick) return this.states[i];
    }
    return null;
  }
}

/** baseline − removed, with changed fields applied, + added; null when the ids contradict the baseline. */
function applyPlanes(base, removed, added, changed) {
  const basePlanes = base ? base.planes : [];
  const out = [];
  let ri = 0;
  let ci = 0;
  for (const b of basePlanes) {
    const id = b.id;
    if ((ri < removed.length && removed[ri] < id) || (ci < changed.length && changed[ci].id < id)) {
      return null; // refers to a plane the baseline does not have
    }
    if (ri < removed.length && removed[ri] === id) {
      ri++;
      if (ci < changed.length && changed[ci].id === id) return null;
      continue;
    }
    const p = { id, x: b.x, y: b.y, rot: b.rot, hp: b.hp };
    if (ci < changed.length && changed[ci].id === id) {
      const c = changed[ci++];
      p.x = (p.x + c.dx) | 0;
      p.y = (p.y + c.dy) | 0;
      p.rot = (p.rot + c.drot) & 0xffff;
      if ((c.mask & MASK_HP) !== 0) p.hp = c.hp;
    }
    out.push(p);
  }
  if (ri < removed.length || ci < changed.length) return null;
  return mergeById(out, added);
}

/** baseline − ended + spawned; null when the ids contradict the baseline. */
function applyProjectiles(base, spawned, ended) {
  const baseProjectiles = base ? base.projectiles : [];
  const out = [];
  let ei = 0;
  for (const b of baseProjectiles) {
    if (ei < ended.length && ended[ei] < b.id) return null;
    if (ei < ended.length && ended[ei] === b.id) {
      ei++;
      continue;
    }
    out.push({ id: b.id, owner: b.owner, x: b.x, y: b.y, rot: 0, vx: b.vx, vy: b.vy, spawnTick: b.spawnTick });
  }
  if (ei < ended.length) return null;
  return mergeById(out, spawned);
}

/** Merges two id-ascending lists; null when an id is in both. */
function mergeById(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i].id === b[j].id) return null;
    if (j >= b.length || (i < a.length && a[i].id < b[j].id)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** A count whose records take at least `minRecordBytes` each: more than the bytes left is malformed. */
function count(r, minRecordBytes) {
  const n = r.uvarint31();
  if (n * minRecordBytes > r.remaining()) {
    r.fail();
    return 0;
  }
  return n;
}

/** The next id of an ascending gap-coded list: the first is the gap itself, later gaps are at least 1. */
function nextId(r, prev, index) {
  const gap = r.uvarint31();
  const id = index === 0 ? gap : prev + gap;
  if ((index > 0 && gap < 1) || id > U31_MAX) {
    r.fail();
    return prev < 0 ? 0 : prev;
  }
  return id;
}

// ---- Input ----------------------------------------------------------------------------------------

function axis(v) {
  if (typeof v !== 'number' || Number.isNaN(v)) return 0;
  const c = v < -1 ? -1 : v > 1 ? 1 : v;
  return Math.round(c * AXIS_SCALE) & 0xff; // i8, two's complement
}

function pushVarint(out, value) {
  let v = Math.max(0, Math.floor(Number(value) || 0));
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/**
 * A binary Input frame (BinaryInputEncoder): thrust and turn in [-1, 1] (clamped, NaN as 0) sent as
 * round(v × 127), the shoot button, the input seq and the tick of the latest world frame decoded.
 */
export function encodeInput(thrust, turn, shoot, seq, ackedTick) {
  const out = [VERSION, KIND_INPUT, axis(thrust), axis(turn), shoot ? BUTTON_SHOOT : 0];
  pushVarint(out, seq);
  pushVarint(out, ackedTick);
  return Uint8Array.from(out);
}
