package org.jetraiders.engine;

/**
 * Live counters of one lobby, readable from any thread without locks. Counters only grow; sample them
 * twice to get rates.
 */
public interface LobbyMetrics {
    /** Ticks the game loop has stepped. */
    long ticks();

    /** Ticks the ticker fired more than half a period after their deadline. */
    long lateTicks();

    /** Deadlines the ticker skipped because it fell more than a few periods behind. */
    long skippedTicks();

    /** {@link System#nanoTime()} when the game loop finished its latest tick, 0 before the first. */
    long lastTickNanos();

    /** Step + publish time of the game loop, in nanoseconds, at quantile q in [0, 1] (approximate, ±12.5%). */
    long tickDurationNanos(double quantile);

    /** Inputs submitted with NaN or infinite values. */
    long inputsRejectedNotFinite();

    /** Events dropped because the input ring was full. */
    long inputsDroppedRingFull();

    /** Inputs for a player not (or no longer) in the lobby. */
    long inputsUnknownPlayer();

    /** Inputs whose sequence number was not above the player's last one. */
    long inputsStale();

    /** Snapshots the game loop published. */
    long snapshotsPublished();

    /** Snapshots the game loop could not publish because the output ring was full. */
    long snapshotsDroppedRingFull();

    /** Snapshots client consumers skipped because their sink was full or they were too far behind. */
    long snapshotsSkipped();

    /** Client consumers attached right now. */
    int consumers();

    /** Consumers detached so far for this reason. */
    long detached(DetachReason reason);
}
