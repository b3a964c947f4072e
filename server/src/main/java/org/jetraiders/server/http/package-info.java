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
 *                                         ├─ /replays, /replays/frames ─▶ ReplayRoutes (permit) ─▶ ReplayCatalog,
 *                                         │                                  ReplayFrames ─▶ engine journal.Replay
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
 *
 * <h2>Replays: why HTTP chunks of re-simulated JSON</h2>
 * {@code GET /replays} lists the journal files ({@link org.jetraiders.server.http.ReplayCatalog}); a
 * request's id is only ever matched against that listing, never made into a path.
 * {@code GET /replays/frames?id&from&count&step} re-simulates the match with the engine's
 * {@code Replay} from the latest world snapshot before {@code from} and writes each tick with the
 * server's own JSON encoders ({@link org.jetraiders.server.http.ReplayFrames}): the page gets the messages
 * a live JSON client gets, so it plays them through the same renderer and HUD. The alternative, a
 * WebSocket session that streams a replay at the chosen speed, would keep a re-simulation and a thread or
 * timer per watcher for as long as the watcher stays, and would put pause, speed and seek on the server.
 * Chunks keep every request short and independent: the page holds the playhead, fetches a few seconds
 * ahead, pauses and changes speed without asking the server, and seeks by fetching from another tick;
 * the server holds no state per watcher besides a small cache of file summaries. The cost is a
 * re-simulation of up to one snapshot interval (5 s of ticks by default) before each chunk, a few
 * milliseconds.
 *
 * <p>Bounds: a chunk is at most {@code --replay-max-frames} frames, a listing page at most
 * {@code --replay-list-max} entries, and at most {@code --replay-concurrency} replay requests run at once
 * (a {@code Semaphore} tried, never waited on: past it, 503 {@code replay_busy}, counted), so replays
 * can occupy at most that many HTTP workers and never a game loop or client thread. The re-simulation
 * runs on the {@code jr-http-N} worker that serves the request, in a {@code World} of its own.
 */
package org.jetraiders.server.http;
