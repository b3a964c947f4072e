/**
 * A Java client for the Jet Raiders server: {@link org.jetraiders.client.GuestLogin} (the HTTP guest
 * login), {@link org.jetraiders.client.JetRaidersClient} (connect in JSON or binary, join, send
 * inputs with sequence numbers and acks handled, receive the world) and
 * {@link org.jetraiders.client.JetRaidersListener}. Sub-packages: {@code world} (snapshots and
 * interpolation), {@code message} (the JSON messages as records), {@code input} (input sequencing and
 * acks), {@code binary} (the binary codec, allocation-free for load generators), {@code example}.
 *
 * <p>Threads:
 * <pre>
 *   your threads ──join / sendInput / ping / getters──▶ JetRaidersClient (thread-safe)
 *                                                          │ send (Java-WebSocket's write thread
 *                                                          ▼  flushes the socket)
 *   server ──frames──▶ read thread "WebSocketConnectReadThread-N" (one per connection, Java-WebSocket's)
 *                         parses JSON / decodes binary world frames, applies input acks,
 *                         updates the getters' state, then calls every listener, one call at a time
 * </pre>
 * Listeners therefore run on that read thread, in the order the server sent the messages, never two at
 * once for one client; while one runs, nothing more is read, so they must return quickly and must not
 * wait for later messages ({@code join()} refuses to run there). Hand work to your own thread (a game
 * loop) through the immutable snapshots and records, or read the latest state with the client's
 * getters ({@code latestWorld()}, {@code scoreboard()}, ...), which any thread may call.
 */
package org.jetraiders.client;
