package org.jetraiders.engine;

/** Outcome of submitting something to a lobby's input ring. No exceptions on the hot path. */
public enum InputResult {
    /** Published; the game loop applies it in order. */
    ACCEPTED,
    /** thrust or turn was NaN or infinite; nothing was published. */
    REJECTED_NOT_FINITE,
    /** The input ring was full (the game loop is behind); nothing was published. */
    RING_FULL,
    /** The lobby is not running. */
    LOBBY_STOPPED
}
