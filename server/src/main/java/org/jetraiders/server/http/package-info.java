/**
 * The server's HTTP side on an embedded Jetty 12 (core Handler API, no servlets): guest login for the
 * Godot client, health, Prometheus metrics, the lobby list and the static web files.
 *
 * <pre>
 *   client ──HTTP──▶ jr-http selector (accepts, reads, writes; ConnectionCap, RequestDeadlines)
 *                      │ headers in
 *                      ▼
 *                    jr-http-N worker ──▶ Router ─ POST: BodyReader (no thread waits for the body)
 *                                         ├─ /guest/init, /guest/login ─▶ GuestRoutes ─▶ GuestAuth
 *                                         ├─ /health, /metrics, /lobbies,
 *                                         │  /config.json ─────────────▶ InfoRoutes ─▶ LobbyDirectory,
 *                                         │                                            ServerMetrics, HealthCheck
 *                                         └─ anything else (GET) ──────▶ StaticFiles (classpath /web/)
 *   errors Jetty answers itself (400, 414, 431) ──▶ JsonErrorHandler
 * </pre>
 *
 * <p>Limits ({@link org.jetraiders.server.http.HttpLimits}): a request's headers must arrive within
 * the request timeout of the connection opening or its previous response ({@code RequestDeadlines}
 * closes it otherwise) and its body within the same timeout of its first byte ({@code BodyReader}
 * answers 408); a silent connection is closed after the idle timeout; connections are capped
 * ({@code ConnectionCap}); headers and bodies are size-limited (431/414, 413). Each refusal is
 * counted in {@code ServerMetrics.httpRefused}. Stalled clients therefore cost a socket and a few
 * KiB, never a thread, and cannot starve {@code /health}.
 *
 * <p>Threads: one {@code jr-http-N} thread is Jetty's selector (it also accepts); routes run on the
 * other {@code jr-http-N} worker threads (2 by default), each to completion without waiting on a
 * client; deadlines fire on {@code jr-http-timer}. Routes only read lobby state through
 * {@link org.jetraiders.server.http.LobbyDirectory}, which must be thread-safe; they never block a
 * lobby's game loop.
 */
package org.jetraiders.server.http;
