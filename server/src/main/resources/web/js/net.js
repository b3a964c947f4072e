// HTTP side (config, lobbies, guest login) and the game WebSocket with reconnect and ping.

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

/** `{ws_port, ws_path}` from /config.json; `?ws_port=` in the page URL wins. */
export async function loadConfig() {
  let cfg = {};
  try { cfg = await getJson('/config.json'); } catch { /* fall back to defaults */ }
  const params = new URLSearchParams(location.search);
  const port = Number.parseInt(params.get('ws_port') || cfg.ws_port || '3001', 10);
  const path = typeof cfg.ws_path === 'string' && cfg.ws_path.startsWith('/') ? cfg.ws_path : '/ws';
  return { wsPort: port, wsPath: path };
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
 * Callbacks: onState(state, detail) with state in
 *   'connecting' | 'joining' | 'playing' | 'reconnecting' | 'stopped' | 'lobby_full' | 'error'.
 */
export class GameConnection {
  constructor({ url, token, name, lobby, handlers, onState, onPing, relogin }) {
    Object.assign(this, { url, token, name, lobby, handlers, onState, onPing, relogin });
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

  /** Sends an Input with the next seq; returns the seq, or 0 when not connected. */
  sendInput(input) {
    if (!this.joined || !this.ws || this.ws.readyState !== WebSocket.OPEN) return 0;
    this.seq += 1;
    this.#send('Input', { thrust: input.thrust, turn: input.turn, shoot: input.shoot, seq: this.seq });
    return this.seq;
  }

  #send(type, data) {
    this.ws.send(JSON.stringify({ type, data }));
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
      ws = new WebSocket(this.url);
    } catch (e) {
      this.#retry(e.message);
      return;
    }
    this.ws = ws;
    this.joined = false;
    ws.onopen = () => {
      this.onState('joining');
      this.#send('Join', { session_token: this.token, name: this.name, lobby_id: this.lobby });
      this.#ping();
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.#ping(), PING_EVERY_MS);
    };
    ws.onmessage = (ev) => this.#receive(ev.data);
    ws.onclose = (ev) => this.#closed(ev);
    ws.onerror = () => { /* onclose follows with the details */ };
  }

  #ping() {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.#send('Ping', { t: Math.round(performance.now()) });
  }

  #receive(raw) {
    if (typeof raw !== 'string') return; // binary frames are not part of the JSON protocol
    let msg;
    try { msg = JSON.parse(raw); } catch { return; }
    if (!msg || typeof msg.type !== 'string') return;
    const { type, data } = msg;
    if (type === 'Identity') {
      this.joined = true;
      this.backoff = BACKOFF_START_MS; // a successful join resets the backoff
      this.stopping = false;
      this.onState('playing');
    } else if (type === 'Pong') {
      if (data && typeof data.t === 'number') this.onPing(performance.now() - data.t);
      return;
    } else if (type === 'GameState' && data === 'Stopping') {
      this.stopping = true;
    } else if (type === 'Error' && data) {
      if (data.code === 'lobby_full' || data.code === 'lobby_unavailable') this.fatal = data;
      if (data.code === 'invalid_token') this.needRelogin = true;
    }
    const handler = this.handlers[type];
    if (handler) handler(data); // unknown types are ignored
  }

  #closed(ev) {
    clearInterval(this.pingTimer);
    this.joined = false;
    this.ws = null;
    if (this.closed) return;
    if (this.fatal) {
      this.onState(this.fatal.code === 'lobby_full' ? 'lobby_full' : 'error', this.fatal.message || this.fatal.code);
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
