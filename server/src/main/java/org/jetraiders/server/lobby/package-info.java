/**
 * The server's lobbies around the engine's: creating them on demand, the caps on how many exist and
 * how many one address has created ({@link org.jetraiders.server.lobby.LobbyCreators}), retiring idle
 * ones, the players' seats ({@link org.jetraiders.server.lobby.Seats}: who holds which plane, the
 * reconnect grace) and spectator places, and the computer-controlled bots.
 *
 * <p>Threads: {@link org.jetraiders.server.lobby.LobbyManager#enter} runs on the WebSocket selector
 * thread (a connection's Join), and so do seat resumes; a seat is released on whichever thread saw its
 * connection close; {@code retireIdle} (once a second) and {@code expireHeldSeats} (a tenth of the
 * grace, 0.1 to 1 s) on the {@code jr-timers} thread; the HTTP workers read the lobby list. Creation,
 * retirement and seat changes are rare and take a lock; entering an existing lobby is a
 * compare-and-set. Nothing here runs per tick.
 */
package org.jetraiders.server.lobby;
