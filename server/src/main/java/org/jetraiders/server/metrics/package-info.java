/**
 * The server's metrics on the Prometheus client library: transport counters ({@code ServerMetrics}),
 * the game loops' tick-time histogram ({@code TickDurations}) and each lobby's recent tick window
 * ({@code RecentTicks}) that {@code /health} judges on.
 *
 * <p>Threads: any thread may count (WebSocket threads, client consumer threads); each lobby's
 * game-loop thread feeds {@code TickRecorder} (histogram and window) after every tick; HTTP threads
 * read everything at scrape or health-check time. Counting a message or a tick allocates nothing;
 * reading does.
 */
package org.jetraiders.server.metrics;
