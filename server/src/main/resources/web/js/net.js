// HTTP side (config, lobbies, guest login) and the game WebSocket with reconnect and ping.
//
// The game WebSocket speaks the binary protocol by default (subprotocol jetraiders.v1.bin: world
// frames and Input are binary frames, everything else stays JSON text) or plain JSON. Both formats
// hand the same WorldUpdate-shaped data to `handlers.WorldUpdate`.

import {
  SUBPROTOCOL, KIND_WORLD_DELTA, SnapshotDecoder, Result, encodeInput, toWorldUpdate,
} from './binary.js';
import { CLOSE_SUPERSEDED, loadResumeToken, storeResumeToken } from './resume.js';
import { DelayLine, utf8Length } from './simnet.js';

async function getJson(path) {
  const res = await fetch(path, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

async function postJson(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  let json = null;
  try { json = await res.json(); } catch { /* not JSON */ }
  if (!res.ok || !json || typeof json !== 'object' || Array.isArray(json)) {
    const why = json && typeof json.message === 'string' ? json.message : `HTTP ${res.status}`;
    throw new Error(`${path}: ${why}`);
  }
  return json;
}

/**
 * `{wsPort, wsPath, tickRate}` from /config.json (`ws_port`, `ws_path`, `tick_rate`: the server's
 * ticks per second, which the page's prediction steps at); `?ws_port=` in the page URL wins.
 */
export async function loadConfig() {
  let cfg = {};
  try { cfg = await getJson('/config.json'); } catch { /* fall back to defaults */ }
  const params = new URLSearchParams(location.search);
  const port = Number.parseInt(params.get('ws_port') || cfg.ws_port || '3001', 10);
  const path = typeof cfg.ws_path === 'string' && cfg.ws_path.startsWith('/') ? cfg.ws_path : '/ws';
  const rate = Number.isInteger(cfg.tick_rate) && cfg.tick_rate >= 1 && cfg.tick_rate <= 1000 ? cfg.tick_rate : 60;
  return { wsPort: port, wsPath: path, tickRate: rate };
}

export async function listLobbies() {
  const json = await getJson('/lobbies');
  return Array.isArray(json.lobbies) ? json.lobbies : [];
}

/** POST /guest/init then /guest/login; returns `{token, name}`. */
export async function guestLogin(displayName) {
  const init = await postJson('/guest/init', { display_name: displayName });
  if (typeof init.guest_id !== 'string' || !init.guest_id) throw new Error('login failed: no guest_id');
  const login = await postJson('/guest/login', { guest_id: init.guest_id, display_name: displayName });
  if (typeof login.session_token !== 'string' || !login.session_token.trim()) {
    throw new Error('login failed: no session_token');
  }
  return { token: login.session_token, name: typeof login.display_name === 'string' ? login.display_name : displayName };
}

const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 6000;
const PING_EVERY_MS = 2000;

/**
 * One game session: connects, sends Join, dispatches messages to `handlers[type](data)`, pings,
 * and reconnects with backoff (0.5 s doubling to 6 s) until `close()` or a fatal error.
 *
 * `format` is 'binary' (default) or 'json'. On a binary connection world frames are decoded here
 * and passed to `handlers.WorldUpdate` in the JSON shape; every Input acknowledges the latest tick
 * decoded, so the server sends deltas against it. A frame that does not decode is counted
 * (`stats.decodeErrors`, `onDecodeError(result)`), and the decoder forgets its baselines: the next
 * Input acknowledges tick 0, which makes the server send a full frame (a resync).
 *
 * `simLoss` (0..0.9) drops that share of world frames on arrival, before decoding, as if lost;
 * `simCorrupt` (0..0.9) cuts the last byte off that share of binary world frames, so they do not
 * decode (to see the resync work); `simLatencyMs` delays every message (and the close) by that much
 * in each direction and `simJitterMs` by up to that much more, in order (see simnet.js). All are
 * debugging aids. `stats.bytesIn` / `bytesOut` count message payloads (text as UTF-8), before the
 * simulated loss and delay, without the WebSocket's own framing.
 *
 * Reconnecting resumes the same plane: the `resume_token` of each Identity is kept in
 * sessionStorage (per lobby, so it survives a page reload but not the tab) and sent with every Join
 * (see resume.js). `spectate: true` joins as a spectator (answered by Spectating, no Input sent).
 *
 * Callbacks: onState(state, detail) with state in
 *   'connecting' | 'joining' | 'playing' | 'reconnecting' | 'stopped' | 'lobby_full' | 'error'.
 */
export class GameConnection {
  constructor({ url, token, name, lobby, handlers, onState, onPing, relogin, format = 'binary', simLoss = 0,
    simCorrupt = 0, simLatencyMs = 0, simJitterMs = 0, onDecodeError = () => {}, spectate = false }) {
    Object.assign(this, {
      url, token, name, lobby, handlers, onState, onPing, relogin, simLoss, simCorrupt, onDecodeError, spectate,
    });
    this.format = format === 'json' ? 'json' : 'binary';
    this.inbound = new DelayLine(simLatencyMs, simJitterMs);
    this.outbound = new DelayLine(simLatencyMs, simJitterMs);
    this.decoder = new SnapshotDecoder();
    this.resyncing = false; // after a decode error: deltas are skipped quietly until a full frame
    this.stats = {
      binaryFrames: 0, fullFrames: 0, deltaFrames: 0, decodeErrors: 0, resyncs: 0, resyncSkipped: 0,
      simDropped: 0, bytesIn: 0, bytesOut: 0,
    };
    // what ended each socket and when the Stopping state came, newest last (for tests and bug reports)
    this.events = [];
    this.ws = null;
    this.backoff = BACKOFF_START_MS;
    this.closed = false;
    this.fatal = null;
    this.stopping = false;
    this.needRelogin = false;
    this.seq = 0;
    this.joined = false;
    this.pingTimer = null;
    this.retryTimer = null;
  }

  start() {
    this.#open();
  }

  close() {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    if (this.ws) this.ws.close(1000, 'bye');
  }

  /** True when the open socket negotiated the binary protocol. */
  get binary() {
    return !!this.ws && this.ws.protocol === SUBPROTOCOL;
  }

  /** Sends an Input with the next seq; returns the seq, or 0 when not connected. */
  sendInput(input) {
    if (this.spectate || !this.joined || !this.ws || this.ws.readyState !== WebSocket.OPEN) return 0;
    this.seq += 1;
    if (this.binary) {
      this.#transmit(encodeInput(input.thrust, input.turn, input.shoot, this.seq, this.decoder.latestTick));
    } else {
      this.#send('Input', { thrust: input.thrust, turn: input.turn, shoot: input.shoot, seq: this.seq });
    }
    return this.seq;
  }

  /** Spectators: follow a player (its id), or roam (null). */
  follow(playerId) {
    if (this.spectate && this.joined) this.#send('Spectate', { player_id: playerId === null ? null : String(playerId) });
  }

  #send(type, data) {
    this.#transmit(JSON.stringify({ type, data }));
  }

  /** Sends on the current socket, after the simulated latency if any (dropped if it closed meanwhile). */
  #transmit(payload) {
    const ws = this.ws;
    this.stats.bytesOut += typeof payload === 'string' ? utf8Length(payload) : payload.byteLength;
    this.outbound.run(() => {
      if (ws.readyState === WebSocket.OPEN) ws.send(payload);
    });
  }

  async #open() {
    if (this.closed) return;
    if (this.needRelogin && this.relogin) {
      try {
        this.token = await this.relogin();
        this.needRelogin = false;
      } catch (e) {
        this.#retry(`login failed: ${e.message}`);
        return;
      }
    }
    this.onState(this.stopping ? 'reconnecting' : 'connecting');
    let ws;
    try {
      ws = this.format === 'binary' ? new WebSocket(this.url, [SUBPROTOCOL]) : new WebSocket(this.url);
      ws.binaryType = 'arraybuffer';
    } catch (e) {
      this.#retry(e.message);
      return;
    }
    this.ws = ws;
    this.joined = false;
    this.decoder.reset(); // a new connection starts from a full frame
    this.resyncing = false;
    ws.onopen = () => {
      this.#log('open');
      this.onState('joining');
      this.#send('Join', this.spectate ? { session_token: this.token, lobby_id: this.lobby, spectate: true }
        : { session_token: this.token, name: this.name, lobby_id: this.lobby, resume_token: loadResumeToken(this.lobby) });
      this.#ping();
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.#ping(), PING_EVERY_MS);
    };
    // with simulated latency, messages and then the close arrive late, in order
    ws.onmessage = (ev) => {
      this.stats.bytesIn += typeof ev.data === 'string' ? utf8Length(ev.data) : ev.data.byteLength;
      this.inbound.run(() => this.#receive(ev.data));
    };
    ws.onclose = (ev) => this.inbound.run(() => this.#closed(ev));
    ws.onerror = () => { /* onclose follows with the details */ };
  }

  #ping() {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.#send('Ping', { t: Math.round(performance.now()) });
  }

  #receive(raw) {
    if (typeof raw !== 'string') {
      this.#receiveBinary(raw);
      return;
    }
    let msg;
    try { msg = JSON.parse(raw); } catch { return; }
    if (!msg || typeof msg.type !== 'string') return;
    const { type, data } = msg;
    if (type === 'WorldUpdate' && this.#simDrop()) return;
    if (type === 'Identity' || type === 'Spectating') {
      if (type === 'Identity' && data) storeResumeToken(this.lobby, data.resume_token);
      if (this.joined) { // a spectator's later Spectating: whom it follows now
        if (this.handlers[type]) this.handlers[type](data);
        return;
      }
      this.joined = true;
      this.#log(`joined as ${type === 'Identity' && data ? data.player_id : 'spectator'}`);
      this.backoff = BACKOFF_START_MS; // a successful join resets the backoff
      this.stopping = false;
      this.onState('playing');
    } else if (type === 'Pong') {
      if (data && typeof data.t === 'number') this.onPing(performance.now() - data.t);
      return;
    } else if (type === 'GameState' && data === 'Stopping') {
      this.stopping = true;
      this.#log('Stopping state');
    } else if (type === 'Error' && data) {
      if (data.code === 'lobby_full' || data.code === 'lobby_unavailable' || data.code === 'spectators_full') this.fatal = data;
      if (data.code === 'invalid_token') this.needRelogin = true;
    }
    const handler = this.handlers[type];
    if (handler) handler(data); // unknown types are ignored
  }

  /** A binary world frame: decode it, or count the error and ask for a full frame. */
  #receiveBinary(raw) {
    if (!(raw instanceof ArrayBuffer)) return; // binaryType is 'arraybuffer'
    if (!this.binary || this.#simDrop()) return; // a dropped frame is never decoded, so never acknowledged
    this.stats.binaryFrames += 1;
    let bytes = new Uint8Array(raw);
    if (this.simCorrupt > 0 && Math.random() < this.simCorrupt) bytes = bytes.subarray(0, bytes.length - 1);
    const result = this.decoder.decode(bytes);
    if (result === Result.UNKNOWN_KIND) return; // a later revision's frame: ignored
    if (result !== Result.OK) {
      if (this.resyncing && result === Result.UNKNOWN_BASELINE) {
        this.stats.resyncSkipped += 1; // sent before the server saw our ack 0; the full frame follows
        return;
      }
      this.stats.decodeErrors += 1;
      this.stats.resyncs += 1;
      this.decoder.reset(); // acknowledge 0 from now on: the server's next frame stands alone
      this.resyncing = true;
      this.onDecodeError(result);
      return;
    }
    const d = this.decoder;
    if (d.lastKind === KIND_WORLD_DELTA && (d.lastPlaneBase > 0 || d.lastProjectileBase > 0)) {
      this.stats.deltaFrames += 1;
    } else {
      this.stats.fullFrames += 1;
      this.resyncing = false;
    }
    const handler = this.handlers.WorldUpdate;
    if (handler) handler(toWorldUpdate(d.latest));
  }

  #simDrop() {
    if (this.simLoss > 0 && Math.random() < this.simLoss) {
      this.stats.simDropped += 1;
      return true;
    }
    return false;
  }

  #log(what) {
    this.events.push(`${Math.round(performance.now())} ms: ${what}`);
    if (this.events.length > 16) this.events.shift();
  }

  #closed(ev) {
    this.#log(`closed ${ev.code} "${ev.reason}"${ev.wasClean ? '' : ' (not clean)'}`);
    clearInterval(this.pingTimer);
    this.joined = false;
    this.ws = null;
    if (this.closed) return;
    if (this.fatal) {
      this.onState(this.fatal.code === 'lobby_full' ? 'lobby_full' : 'error', this.fatal.message || this.fatal.code);
      this.closed = true;
      return;
    }
    if (ev.code === CLOSE_SUPERSEDED) { // another window took this plane over: reconnecting would take it back
      this.onState('error', 'This pilot is now flying in another window.');
      this.closed = true;
      return;
    }
    if (ev.code === 1008 && /token/i.test(ev.reason || '')) this.needRelogin = true;
    if (ev.code === 1001 || this.stopping) {
      this.stopping = true;
      this.onState('stopped', 'The server is stopping. Reconnecting when it is back…');
    }
    this.#retry(ev.reason || `connection closed (${ev.code})`);
  }

  #retry(why) {
    if (this.closed) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MAX_MS);
    if (!this.stopping) this.onState('reconnecting', `${why} — retrying in ${(wait / 1000).toFixed(1)} s`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.#open(), wait);
  }
}
