/**
 * The server's HTTP side on the JDK's {@code com.sun.net.httpserver}: guest login for the Godot
 * client, health, Prometheus metrics, the lobby list and the static web files.
 *
 * <pre>
 *   client ──HTTP──▶ HttpServer dispatcher ──▶ jr-http-N workers ──▶ Router
 *                                                                   ├─ /guest/init, /guest/login ─▶ GuestRoutes ─▶ GuestAuth
 *                                                                   ├─ /health, /metrics, /lobbies,
 *                                                                   │  /config.json ─────────────▶ InfoRoutes ─▶ LobbyDirectory,
 *                                                                   │                                            ServerMetrics, HealthCheck
 *                                                                   └─ anything else (GET) ──────▶ StaticFiles (classpath /web/)
 * </pre>
 *
 * <p>Threads: requests run on the {@code jr-http-N} worker threads. They only read lobby state
 * through {@link org.jetraiders.server.http.LobbyDirectory}, which must be thread-safe; they never
 * block a lobby's game loop.
 */
package org.jetraiders.server.http;
