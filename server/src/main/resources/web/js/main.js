// Jet Raiders browser client: start screen, login, game connection, input, render loop.

import { loadConfig, listLobbies, guestLogin, GameConnection } from './net.js';
import { SnapshotBuffer } from './interp.js';
import { Renderer } from './render.js';
import { Hud } from './hud.js';
import { Keyboard } from './input.js';
import { formatClock } from './util.js';
import { spectatorKeys } from './resume.js';
import { LocalPlayer } from './localplayer.js';
import { NetStats, NetGraph } from './netgraph.js';
import { simMs } from './simnet.js';
import { ReplayPlayer, ReplayControls, listReplays } from './replay.js';

// Ticks still run (inputs go out) while frames do not, e.g. in a hidden tab, from a timer this often.
const BACKUP_TICK_MS = 200;
// A snapshot arriving this long after the last frame first runs the ticks due.
const STALLED_FRAME_MS = 50;
const LOBBY_REFRESH_MS = 3000;
const LOBBY_NAME = /^[A-Za-z0-9_-]{1,32}$/;

const $ = (id) => document.getElementById(id);

const game = {
  state: 'menu',
  playerId: null,
  lobby: null,
  lastTick: -1,
  snapshots: 0,
  lastAck: 0,
  errors: 0,
  names: new Map(),
  scores: [],
  secondsLeft: -1,
  secondsLeftAt: 0,
  phase: null, // 'Lobby' | 'MatchStarting' | 'MatchRunning' | 'MatchEnded' | 'Stopping'
  countdown: 0,
  countdownAt: 0,
  pingMs: null,
  conn: null,
  format: 'binary', // 'binary' | 'json': the protocol in use (requested until a socket is open)
  frames: 0, // frames drawn
  lastFrameAt: null,
};

const params = new URLSearchParams(location.search);
const buffer = new SnapshotBuffer();
const renderer = new Renderer($('world'));
const hud = new Hud();
// `?predict=0` draws the own plane interpolated like the others (no prediction), to compare.
const local = new LocalPlayer({ predict: params.get('predict') !== '0' });
const netStats = new NetStats();
// the net graph: `?debug=1` shows it from the start, F3 toggles it
const netGraph = new NetGraph($('hud'), netStats);
netGraph.toggle(params.get('debug') === '1');
window.addEventListener('keydown', (e) => {
  if (e.key !== 'F3' && e.code !== 'F3') return;
  e.preventDefault(); // the browser's "find next"
  if (!e.repeat) netGraph.toggle();
});
const keyboard = new Keyboard(window, {
  enabled: () => game.conn !== null,
  onToggleScores: () => hud.toggleScores(),
});

// ---- read-only debug hook for tests ---------------------------------------------------------
window.addEventListener('error', () => { game.errors += 1; });
window.addEventListener('unhandledrejection', () => { game.errors += 1; });
window.__jr = Object.freeze(Object.defineProperties({}, {
  state: { get: () => game.state, enumerable: true },
  playerId: { get: () => game.playerId, enumerable: true },
  lobby: { get: () => game.lobby, enumerable: true },
  lastTick: { get: () => game.lastTick, enumerable: true },
  snapshots: { get: () => game.snapshots, enumerable: true },
  ack: { get: () => game.lastAck, enumerable: true },
  delayMs: { get: () => Math.round(buffer.delayMs), enumerable: true },
  // the interpolation clock: the tick duration it renders with (ms), smoothed jitter and interval (ms)
  interpClock: {
    get: () => ({ tickMs: buffer.tickMs, jitterMs: buffer.jitterMs, intervalMs: buffer.intervalMs }),
    enumerable: true,
  },
  frames: { get: () => buffer.frames, enumerable: true },
  starvedFrames: { get: () => buffer.starved, enumerable: true },
  pingMs: { get: () => game.pingMs, enumerable: true },
  phase: { get: () => game.phase, enumerable: true },
  errors: { get: () => game.errors, enumerable: true },
  format: { get: () => currentFormat(), enumerable: true },
  // binary protocol statistics (zeros on JSON): frames decoded as full or delta, decode errors
  // (each also counted in `errors`, and answered by a resync), frames dropped by ?sim_loss=
  net: { get: () => ({ ...(game.conn ? game.conn.stats : {}) }), enumerable: true },
  decodeErrors: { get: () => (game.conn ? game.conn.stats.decodeErrors : 0), enumerable: true },
  // the connection's recent closes (code, reason) and Stopping states, with the page's clock
  connectionEvents: { get: () => (game.conn ? [...game.conn.events] : []), enumerable: true },
  // the local plane's prediction: corrections and snaps so far, the newest correction (px), inputs in flight
  prediction: {
    get: () => ({
      enabled: local.predict,
      corrections: local.prediction.corrections,
      snaps: local.prediction.snaps,
      errorPx: local.prediction.lastErrorPx,
      unacknowledged: local.prediction.unacknowledged,
      shots: { ...local.shots.stats },
    }),
    enumerable: true,
  },
  lostSnapshots: { get: () => netStats.lost, enumerable: true },
  lateSnapshots: { get: () => netStats.late, enumerable: true },
}));

/**
 * For automated tests (documented in the README): the newest snapshot's tick and input ack, the
 * frames drawn, our plane as last drawn (`predicted` when prediction placed it) and as the newest
 * snapshot has it; `local`/`server` are null while we have no plane.
 */
window.jetRaiders = Object.freeze({
  // `?replay=<id>`: the player's state (tick, playing, speed, first/last tick, buffering, ticksPerSecond,
  // steadyMs, status, error) and its controls; null state outside a replay
  replay: Object.freeze({
    state: () => (replay ? replay.state() : null),
    play: () => replay && replay.play(),
    pause: () => replay && replay.pause(),
    speed: (n) => replay && replay.setSpeed(Number(n)),
    seek: (tick) => replay && replay.seek(tick),
  }),
  state: () => {
    const r = local.rendered;
    const s = local.serverPose;
    return {
      tick: game.lastTick,
      ack: game.lastAck,
      frame: game.frames,
      local: r ? { x: r.x, y: r.y, rot: r.rot, predicted: r.predicted } : null,
      server: s ? { x: s.x, y: s.y, rot: s.rot } : null,
    };
  },
});

/** 'binary' when the open socket negotiated it, 'json' when it did not or JSON was asked for. */
function currentFormat() {
  const c = game.conn;
  if (!c || !c.ws || c.ws.readyState !== WebSocket.OPEN) return game.format;
  return c.binary ? 'binary' : 'json';
}

// ---- start screen ---------------------------------------------------------------------------
const form = $('start-form');
const nameInput = $('name');
const lobbyInput = $('lobby');
const startMessage = $('start-message');
const playButton = $('play');
// `?sim_loss=0.25` drops that share of WorldUpdates on arrival, to see interpolation cope with loss.
const SIM_LOSS = Math.min(0.9, Math.max(0, Number.parseFloat(params.get('sim_loss')) || 0));
// `?sim_corrupt=0.05` truncates that share of binary world frames, to see the decoder resync.
const SIM_CORRUPT = Math.min(0.9, Math.max(0, Number.parseFloat(params.get('sim_corrupt')) || 0));
// `?sim_latency=100` delays every message by 100 ms each way (round trip +200 ms); `?sim_jitter=20`
// adds up to 20 ms more to each (order kept).
const SIM_LATENCY_MS = simMs(params, 'sim_latency');
const SIM_JITTER_MS = simMs(params, 'sim_jitter');
// The binary protocol is the default; `?format=json` speaks the JSON one.
game.format = params.get('format') === 'json' ? 'json' : 'binary';
// `?spectate=1` watches the lobby (`?lobby=`) without a plane; `?follow=ID` follows a player (F/R keys change it).
const SPECTATE = params.get('spectate') === '1';
const FOLLOW = params.get('follow');
nameInput.value = params.get('name') || localStorage.getItem('jr.name') || '';
lobbyInput.value = params.get('lobby') || localStorage.getItem('jr.lobby') || 'main';

async function refreshLobbies() {
  if (game.conn) return;
  try {
    const lobbies = await listLobbies();
    const items = lobbies.map((l) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = String(l.name);
      const info = document.createElement('span');
      info.className = 'muted';
      info.textContent = `${l.players}/${l.max_players} · ${l.status}`;
      li.append(name, info);
      li.classList.toggle('selected', l.name === lobbyInput.value);
      li.addEventListener('click', () => { lobbyInput.value = String(l.name); refreshLobbies(); });
      return li;
    });
    $('lobby-list').replaceChildren(...items);
    $('lobby-refresh').textContent = '';
  } catch {
    $('lobby-refresh').textContent = '(unavailable)';
  }
}
if (params.get('replay') === null) {
  refreshLobbies();
  setInterval(refreshLobbies, LOBBY_REFRESH_MS);
}

function showMenu(message) {
  game.conn = null;
  setState('menu');
  hud.show(false);
  $('start').classList.remove('hidden');
  startMessage.textContent = message || '';
  playButton.disabled = false;
  refreshLobbies();
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = nameInput.value.trim();
  const lobby = lobbyInput.value.trim() || 'main';
  if (!name) { startMessage.textContent = 'Enter a pilot name.'; return; }
  if (!LOBBY_NAME.test(lobby)) { startMessage.textContent = 'Lobby names use letters, digits, _ and - only.'; return; }
  localStorage.setItem('jr.name', name);
  localStorage.setItem('jr.lobby', lobby);
  playButton.disabled = true;
  startMessage.textContent = '';
  setState('logging_in');
  try {
    const [login, cfg] = await Promise.all([guestLogin(name), loadConfig()]);
    play(login, cfg, name, lobby);
  } catch (err) {
    showMenu(`Could not sign in: ${err.message}`);
  }
});

// ---- game session ---------------------------------------------------------------------------
function play(login, cfg, name, lobby, spectate = false) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.hostname}:${cfg.wsPort}${cfg.wsPath}?lobby_id=${encodeURIComponent(lobby)}`;
  document.activeElement?.blur();
  $('start').classList.add('hidden');
  hud.show(true);
  hud.setLobby(lobby);
  hud.setCenter(null);
  game.lobby = lobby;
  local.setTickRate(cfg.tickRate);
  buffer.setTickRate(cfg.tickRate);
  game.conn = new GameConnection({
    url,
    token: login.token,
    name: login.name || name,
    lobby,
    format: game.format,
    simLoss: SIM_LOSS,
    simCorrupt: SIM_CORRUPT,
    spectate,
    simLatencyMs: SIM_LATENCY_MS,
    simJitterMs: SIM_JITTER_MS,
    onDecodeError: (result) => {
      game.errors += 1;
      console.warn(`binary world frame rejected (${result}); asking the server for a full frame`);
    },
    relogin: async () => (await guestLogin(name)).token,
    onPing: (ms) => { game.pingMs = Math.round(ms); hud.setPing(ms); },
    onState: (state, detail) => onConnectionState(state, detail),
    handlers: {
      Identity: (d) => {
        game.playerId = String(d.player_id);
        if (d.lobby_id) { game.lobby = String(d.lobby_id); hud.setLobby(game.lobby); }
        buffer.reset();
        local.reset();
        netStats.reset();
      },
      Spectating: (d) => { // a spectator's Identity: the player it follows (highlighted as "me"), or null
        game.playerId = d && d.player_id ? String(d.player_id) : null;
        if (FOLLOW && !game.followAsked) { game.followAsked = true; game.conn.follow(FOLLOW); }
      },
      WorldUpdate: (d) => onWorldUpdate(d), // from JSON text or decoded binary frames (after ?sim_loss= drops)
      GameState: (d) => onGameState(d),
      Scoreboard: (d) => onScoreboard(d),
      KillFeed: (d) => { for (const k of (d && d.kills) || []) hud.addKill(k, performance.now()); },
      Lagged: (d) => hud.flash(`Connection lagging — skipped ${Number(d && d.missed) || 0} updates`, performance.now()),
      Error: (d) => {
        if (d && d.code !== 'lobby_full' && d.code !== 'lobby_unavailable') {
          hud.flash(`Server: ${String(d.message || d.code)}`, performance.now());
        }
      },
    },
  });
  game.conn.start();
}

function onWorldUpdate(d) {
  const now = performance.now();
  const tick = Number(d.tick);
  netStats.snapshot(tick, now, buffer.renderTick !== null && tick < buffer.renderTick);
  buffer.push(d, now);
  game.snapshots += 1;
  game.lastTick = tick;
  if (typeof d.ack === 'number') game.lastAck = d.ack;
  // after a stalled page, first the overdue ticks, so that the correction compares predictions for
  // the same moment and holds only what the prediction got wrong (otherwise frames drive the ticks)
  if (game.lastFrameAt !== null && now - game.lastFrameAt > STALLED_FRAME_MS) runTicks(now);
  const corrections = local.prediction.corrections;
  local.onSnapshot(d, ownPlaneId(), now, game.pingMs);
  if (local.prediction.corrections !== corrections) netStats.correction(local.prediction.lastErrorPx, now);
}

// The plane this page flies and predicts: none for a spectator (the player it follows is only highlighted).
function ownPlaneId() {
  return game.conn && game.conn.spectate ? null : game.playerId;
}

function setState(state) {
  game.state = state;
}

function onConnectionState(state, detail) {
  setState(state);
  switch (state) {
    case 'connecting': hud.setConnection(state, 'connecting…'); break;
    case 'joining': hud.setConnection('connecting', 'joining…'); break;
    case 'playing':
      hud.setConnection(state, game.conn && game.conn.spectate ? 'spectating' : 'connected');
      if (game.phase !== 'MatchEnded') hud.setCenter(null);
      break;
    case 'reconnecting':
      hud.setConnection(state, 'reconnecting…');
      if (game.conn && game.conn.stopping) {
        hud.setCenter('Server stopping', 'The server is shutting down. Reconnecting when it is back…');
      } else if (detail) {
        hud.setCenter('Connection lost', detail);
      }
      break;
    case 'stopped':
      hud.setConnection(state, 'server stopping');
      hud.setCenter('Server stopping', detail || 'The server is shutting down.');
      break;
    case 'lobby_full':
      showMenu(`Lobby "${game.lobby}" is full — pick another lobby or try again later.`);
      break;
    case 'error':
      showMenu(`Could not join: ${detail || 'unknown error'}`);
      break;
    default: break;
  }
}

function onGameState(d) {
  const now = performance.now();
  if (typeof d === 'string') {
    game.phase = d;
  } else if (d && typeof d === 'object') {
    const [key] = Object.keys(d);
    game.phase = key || null;
    if (key === 'MatchStarting') {
      game.countdown = Number(d.MatchStarting && d.MatchStarting.in_seconds) || 0;
      game.countdownAt = now;
    }
  }
  if (game.phase === 'MatchEnded') {
    hud.setCenter('Match over', finalScores());
  } else if (game.phase === 'Stopping') {
    hud.setCenter('Server stopping', 'The server is shutting down. We will reconnect when it is back.');
  } else {
    hud.setCenter(null);
  }
}

function onScoreboard(d) {
  if (!d || !Array.isArray(d.players)) return;
  game.names = new Map(d.players.map((p) => [String(p.id), String(p.name ?? '')]));
  game.scores = d.players
    .map((p) => ({ id: String(p.id), name: String(p.name ?? ''), kills: Number(p.kills) || 0, deaths: Number(p.deaths) || 0 }))
    .sort((a, b) => b.kills - a.kills || a.deaths - b.deaths || a.name.localeCompare(b.name));
  game.secondsLeft = typeof d.seconds_left === 'number' ? d.seconds_left : -1;
  game.secondsLeftAt = performance.now();
  hud.setScores(game.scores, game.playerId);
  if (game.phase === 'MatchEnded') hud.setCenter('Match over', finalScores());
}

function finalScores() {
  if (!game.scores.length) return '';
  return game.scores.slice(0, 8)
    .map((p, i) => `${i + 1}. ${p.name || `#${p.id}`} — ${p.kills} kills, ${p.deaths} deaths`)
    .join('\n');
}

function matchText(now) {
  switch (game.phase) {
    case 'Lobby': return 'Waiting for players…';
    case 'MatchStarting': {
      const left = Math.max(1, Math.ceil(game.countdown - (now - game.countdownAt) / 1000));
      return `Starting in ${left}`;
    }
    case 'MatchRunning':
      if (game.secondsLeft < 0) return 'Match running';
      return `Time left ${formatClock(game.secondsLeft - (now - game.secondsLeftAt) / 1000)}`;
    case 'MatchEnded': return 'Match over';
    case 'Stopping': return 'Server stopping';
    default: return '';
  }
}

// ---- loops ----------------------------------------------------------------------------------
/** Runs the fixed ticks due by `now`: each samples the keys, sends an Input and predicts it. */
function runTicks(now) {
  local.advance(now, () => keyboard.sample(),
    (input) => (game.conn && game.state === 'playing' ? game.conn.sendInput(input) : 0));
}
setInterval(() => {
  const now = performance.now();
  if (game.lastFrameAt === null || now - game.lastFrameAt > BACKUP_TICK_MS) runTicks(now);
}, BACKUP_TICK_MS);

function frame(now) {
  if (replay) {
    replayFrame(now);
    requestAnimationFrame(frame);
    return;
  }
  const frameMs = game.lastFrameAt === null ? 0 : now - game.lastFrameAt;
  game.lastFrameAt = now;
  runTicks(now); // ticks first, so that this frame draws a key pressed since the last one
  const world = local.compose(game.conn ? buffer.sample(now) : null, ownPlaneId(), keyboard.sample(), frameMs, now);
  renderer.draw(world, { me: game.playerId, names: game.names, time: now });
  game.frames += 1;
  if (game.conn) {
    const stats = game.conn.stats;
    netStats.sampleTraffic(stats.bytesIn, stats.bytesOut, now);
    const p = local.prediction;
    netGraph.update(now, {
      pingMs: game.pingMs,
      delayMs: buffer.delayMs,
      tickRateHz: local.tickRateHz,
      predicted: local.predict,
      errorPx: p.lastErrorPx,
      unacked: p.unacknowledged,
      corrections: p.corrections,
      snaps: p.snaps,
      shots: local.shots.stats,
    });
    let text = matchText(now);
    if (world && game.state === 'playing' && game.playerId && !world.planes.some((p) => p.id === game.playerId)
        && buffer.snaps.length > 0) {
      text = text ? `${text} · respawning…` : 'Respawning…';
    }
    hud.setMatchText(text);
    hud.tick(now);
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

// ---- replays (`?replay=<id>`, listed under "Recorded matches" on the start screen) ----------
let replay = null;
let replayControls = null;
const REPLAY = params.get('replay');

function startReplay(id) {
  $('start').classList.add('hidden');
  hud.show(true);
  hud.setConnection('playing', 'replay');
  hud.setLobby(null);
  $('hud-keys').classList.add('hidden');
  setState('replay');
  replay = new ReplayPlayer(id, {
    onMessage: (type, d) => {
      if (type === 'Scoreboard') onScoreboard(d);
      else if (type === 'GameState') onGameState(d);
      else if (type === 'KillFeed') for (const k of (d && d.kills) || []) hud.addKill(k, performance.now());
    },
  });
  replayControls = new ReplayControls($('replay-bar'), replay);
  replay.start();
}

function replayFrame(now) {
  const world = replay.frame(now);
  renderer.draw(world, { me: null, names: game.names, time: now });
  game.frames += 1;
  const s = replay.state();
  game.lastTick = s.tick;
  if (replay.info) hud.setLobby(`${replay.info.lobby} · match ${replay.info.match}`);
  replayControls.update();
  if (s.status === 'error') {
    hud.setCenter('Replay unavailable', s.error || 'unknown error');
  }
  hud.setMatchText(s.status === 'loading' ? 'Loading replay…' : matchText(now));
  hud.tick(now);
}

async function refreshReplays() {
  const list = $('replay-list');
  try {
    const { replays } = await listReplays();
    const items = replays.map((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/?replay=${encodeURIComponent(r.id)}`;
      a.textContent = `${r.lobby} · match ${r.match}`;
      const info = document.createElement('span');
      info.className = 'muted';
      const when = r.started_at ? new Date(r.started_at).toLocaleString() : '';
      info.textContent = `${when} · ${formatClock(r.seconds)}${r.state === 'complete' ? '' : ` · ${r.state}`}`;
      if (r.state === 'broken') a.removeAttribute('href');
      li.title = r.detail || '';
      li.append(a, info);
      return li;
    });
    if (!items.length) items.push(Object.assign(document.createElement('li'), { className: 'muted', textContent: 'none recorded yet' }));
    list.replaceChildren(...items);
  } catch (err) {
    list.replaceChildren(Object.assign(document.createElement('li'), { className: 'muted', textContent: `unavailable (${err.message})` }));
  }
}
$('replays-toggle').addEventListener('click', (e) => {
  e.preventDefault();
  const list = $('replay-list');
  list.classList.toggle('hidden');
  if (!list.classList.contains('hidden')) refreshReplays();
});

// `?name=Ada&autoplay=1` joins straight away (handy for demos and screenshots).
if (REPLAY !== null) {
  startReplay(REPLAY);
} else if (SPECTATE) {
  const lobby = params.get('lobby') || 'main';
  loadConfig().then((cfg) => play({}, cfg, null, lobby, true));
  spectatorKeys(window, {
    players: () => game.scores.map((p) => p.id),
    followed: () => game.playerId,
    follow: (id) => game.conn && game.conn.follow(id),
  });
} else if (params.has('autoplay') && nameInput.value.trim()) form.requestSubmit();
