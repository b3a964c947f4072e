package org.jetraiders.engine;

/**
 * Where one client's consumer delivers the lobby's output; the transport implements it (a WebSocket
 * connection, a test recorder). The engine knows nothing of sockets.
 *
 * <p>Called from one of the pool's consumer threads, never concurrently for the same sink, and in
 * stream order: a status change is delivered before the first snapshot that carries it, a lag notice
 * before the snapshot that ends the gap. Calls must return quickly; a sink that blocks for longer than
 * the lobby's {@code sinkBlockTimeout} is cut off ({@link DetachReason#SINK_BLOCKED}) and its
 * neighbours move to a fresh thread, so it cannot hold anyone else up. The watchdog times one
 * consumer pass, which may hold several calls (up to {@code maxLagSnapshots + 1} snapshots when
 * catching up), so keep each call well under the timeout divided by that.
 */
public interface ClientSink {
    /**
     * Whether the sink can take another snapshot now (for a socket: its queued bytes are under the
     * limit). When false, the consumer skips snapshots and counts them until it turns true again.
     */
    default boolean canAccept() {
        return true;
    }

    /** Next snapshot in order. The view is valid only during this call. */
    void onSnapshot(Snapshot snapshot);

    /** {@code missed} snapshots were skipped since the last one delivered (the design's Lagged). */
    default void onLagged(long missed) {
    }

    /** The lobby's status changed; each change observed is delivered once, in order with snapshots. */
    default void onStatus(LobbyStatus status) {
    }

    /** The consumer stopped for good; no further calls follow. */
    default void onDetached(DetachReason reason) {
    }
}
