package org.jetraiders.engine;

/** Why a client consumer stopped delivering to its sink. */
public enum DetachReason {
    /** {@link ClientSubscription#detach()} was called. */
    REQUESTED,
    /** The sink stayed unable to keep up for longer than the lobby's {@code maxLagTime}. */
    TOO_SLOW,
    /** A sink call did not return within the lobby's {@code sinkBlockTimeout}. */
    SINK_BLOCKED,
    /** A sink call threw; the exception was logged. */
    SINK_FAILED,
    /** The lobby stopped. */
    LOBBY_STOPPED
}
