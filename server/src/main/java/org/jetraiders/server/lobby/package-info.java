/**
 * The server's lobbies around the engine's: creating them on demand, the caps on how many exist and
 * how many one address has created ({@link org.jetraiders.server.lobby.LobbyCreators}), retiring idle
 * ones, and the computer-controlled bots.
 *
 * <p>Threads: {@link org.jetraiders.server.lobby.LobbyManager#enter} runs on the WebSocket selector
 * thread (a connection's Join); {@code retireIdle} on the {@code jr-timers} thread once a second; the
 * HTTP workers read the lobby list. Creation and retirement are rare and take a lock; entering an
 * existing lobby is a compare-and-set. Nothing here runs per tick.
 */
package org.jetraiders.server.lobby;
