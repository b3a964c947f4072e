// Reconnect and spectate helpers (docs/PROTOCOL.md, "Reconnecting" and "Spectators").
//
// The resume token of the latest Identity is kept in sessionStorage, one per lobby: a reload of the
// page (which logs in anew) still takes the same plane back within the server's grace, while another
// tab starts its own session and so its own plane.

/** Close code of a connection whose plane a newer connection took over: do not reconnect. */
export const CLOSE_SUPERSEDED = 4001;

const KEY = (lobby) => `jr.resume.${lobby || ''}`;

export function loadResumeToken(lobby) {
  try { return sessionStorage.getItem(KEY(lobby)) || undefined; } catch { return undefined; }
}

export function storeResumeToken(lobby, token) {
  if (typeof token !== 'string' || !token) return;
  try { sessionStorage.setItem(KEY(lobby), token); } catch { /* storage disabled: no resume after reload */ }
}

/**
 * Spectator keys: F follows the next player on the scoreboard, R roams. `players()` gives the
 * scoreboard's ids in order, `followed()` the id followed now (or null), `follow(id|null)` asks the server.
 */
export function spectatorKeys(target, { players, followed, follow }) {
  target.addEventListener('keydown', (e) => {
    if (e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'r' || e.key === 'R') {
      follow(null);
    } else if (e.key === 'f' || e.key === 'F') {
      const ids = players();
      if (!ids.length) return;
      const next = ids[(ids.indexOf(followed()) + 1) % ids.length];
      follow(next);
    }
  });
}
