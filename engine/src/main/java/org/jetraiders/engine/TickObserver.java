package org.jetraiders.engine;

/**
 * Told about every tick a lobby steps, on the game-loop thread, right after the tick: the hook for
 * an embedder's own metrics (the server feeds a Prometheus histogram and its health window from
 * it). The engine itself knows no metrics library.
 *
 * <p>It runs inside the beat that steps every lobby of its game-loop thread, so it must be quick,
 * must not block, should not allocate, and must not throw (a throw is logged and the tick counted
 * all the same). One observer per lobby; it is called by one thread at a time.
 */
@FunctionalInterface
public interface TickObserver {
    /** Observes nothing: the default. */
    TickObserver NONE = (lobby, durationNanos) -> { };

    /**
     * @param lobby the lobby's counters, already counting this tick ({@link LobbyMetrics#ticks()},
     *     {@link LobbyMetrics#lastTickNanos()} when it finished, and the late and skipped ticks so far)
     * @param durationNanos this tick's step and publish time, in nanoseconds
     */
    void onTick(LobbyMetrics lobby, long durationNanos);
}
