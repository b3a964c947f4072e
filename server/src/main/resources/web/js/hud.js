// DOM HUD. Every piece of server or player text is set with textContent, never as HTML.

import { colourFor, formatClock } from './util.js';

const FEED_MAX = 5;
const FEED_HOLD_MS = 4000;
const FEED_FADE_MS = 2000;

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class Hud {
  constructor() {
    this.root = $('hud');
    this.conn = $('conn');
    this.ping = $('ping');
    this.lobbyName = $('lobby-name');
    this.match = $('match');
    this.notice = $('notice');
    this.scoreboard = $('scoreboard');
    this.scoreRows = $('score-rows');
    this.feed = $('killfeed');
    this.center = $('center');
    this.centerTitle = $('center-title');
    this.centerBody = $('center-body');
    this.feedItems = [];
    this.noticeUntil = 0;
    this.lastMatchText = '';
  }

  show(visible) {
    this.root.classList.toggle('hidden', !visible);
  }

  setConnection(state, text) {
    this.conn.className = `conn ${state}`;
    this.conn.textContent = text;
  }

  setPing(ms) {
    this.ping.textContent = `ping ${Math.round(ms)} ms`;
  }

  setLobby(name) {
    this.lobbyName.textContent = name ? `lobby ${name}` : '';
  }

  toggleScores() {
    this.scoreboard.classList.toggle('hidden');
  }

  /** Shows a short notice (e.g. Lagged) for `ms`. */
  flash(text, now, ms = 3000) {
    this.notice.textContent = text;
    this.notice.classList.remove('hidden');
    this.noticeUntil = now + ms;
  }

  setMatchText(text) {
    if (text !== this.lastMatchText) {
      this.match.textContent = text;
      this.lastMatchText = text;
    }
  }

  /** A big centred message; null hides it. */
  setCenter(title, body = '') {
    if (title === null) {
      this.center.classList.add('hidden');
      return;
    }
    this.centerTitle.textContent = title;
    this.centerBody.textContent = body;
    this.center.classList.remove('hidden');
  }

  /** players: [{id, name, kills, deaths}] already sorted. */
  setScores(players, me) {
    const rows = players.map((p) => {
      const li = el('li', p.id === me ? 'me' : '');
      const name = el('span');
      const swatch = el('i', 'swatch');
      swatch.style.background = colourFor(p.id);
      name.append(swatch, document.createTextNode(p.name || `#${p.id}`));
      li.append(name, el('span', '', String(p.kills)), el('span', '', String(p.deaths)));
      return li;
    });
    this.scoreRows.replaceChildren(...rows);
  }

  addKill(kill, now) {
    const li = el('li');
    const killer = el('span', 'killer', kill.killer || `#${kill.killer_id}`);
    killer.style.color = colourFor(kill.killer_id);
    const victim = el('span', 'killer', kill.victim || `#${kill.victim_id}`);
    victim.style.color = colourFor(kill.victim_id);
    li.append(killer, el('span', 'verb', 'shot down'), victim);
    this.feedItems.push({ li, at: now });
    while (this.feedItems.length > FEED_MAX) this.feedItems.shift().li.remove();
    this.feed.append(li);
  }

  /** Per frame: fades kill-feed entries and expires the notice. */
  tick(now) {
    for (const item of [...this.feedItems]) {
      const age = now - item.at;
      if (age > FEED_HOLD_MS + FEED_FADE_MS) {
        item.li.remove();
        this.feedItems.splice(this.feedItems.indexOf(item), 1);
      } else if (age > FEED_HOLD_MS) {
        item.li.style.opacity = String(1 - (age - FEED_HOLD_MS) / FEED_FADE_MS);
      }
    }
    if (this.noticeUntil && now > this.noticeUntil) {
      this.notice.classList.add('hidden');
      this.noticeUntil = 0;
    }
  }
}

export { formatClock };
