/**
 * Running as an Agones game server ({@code --agones}; docs/DEPLOY.md): Ready, health pings, the
 * {@code lobbies} list and {@code players} counter (Agones Counters &amp; Lists), lobbies opened for
 * allocations, and shutdown once allocated and empty, all through the SDK sidecar's REST API
 * ({@link org.jetraiders.server.agones.SdkClient}) with the JDK's {@code HttpClient}.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code jr-agones} (one daemon thread, {@link org.jetraiders.server.agones.AgonesThread}) owns
 *       all state here: the timers (Ready retries, health pings, sync rounds), the HTTP client's
 *       completions, and the watch stream's lines are all run on it, so no class here needs locks.
 *       It reads the lobbies and the health rule through {@link org.jetraiders.server.agones.LobbyHost},
 *       which is thread-safe, and opens a lobby for an allocation from this thread.</li>
 *   <li>The HTTP client's own selector thread ({@code HttpClient-N-SelectorManager}) does the socket
 *       I/O and hands every result to {@code jr-agones}.</li>
 *   <li>A client's or the {@code jr-timers} thread calls {@link org.jetraiders.server.agones.AgonesAgent#lobbyOpened}
 *       / {@code lobbyRetired} when a lobby opens or retires: that only queues a sync round.</li>
 *   <li>The game loops, client threads and WebSocket selector never call into this package: the
 *       players counter is read by polling the lobby manager, not by hooking joins.</li>
 * </ul>
 *
 * <p>With {@code --agones} off, none of this is created.
 */
package org.jetraiders.server.agones;
