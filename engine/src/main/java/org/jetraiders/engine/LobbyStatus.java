package org.jetraiders.engine;

/**
 * A lobby's latest-value status (the design's {@code watch}): immutable, compared by identity-free
 * {@link #equals}, and pre-allocated so that changing it never allocates on the game loop.
 */
public final class LobbyStatus {
    /** The match phases, plus the server-wide {@link #STOPPING}. */
    public enum Phase {
        /** Waiting for enough players. */
        LOBBY,
        /** Counting down; {@link #secondsLeft()} says how long. Planes fly, shots do no damage. */
        MATCH_STARTING,
        /** Match in progress; shots do damage. */
        MATCH_RUNNING,
        /** Match over, final scores stand; a new countdown follows after a pause. */
        MATCH_ENDED,
        /** The lobby is shutting down; nothing follows. */
        STOPPING
    }

    private static final int CACHED_COUNTDOWN = 61;
    private static final LobbyStatus[] STARTING = new LobbyStatus[CACHED_COUNTDOWN];

    public static final LobbyStatus LOBBY = new LobbyStatus(Phase.LOBBY, 0);
    public static final LobbyStatus MATCH_RUNNING = new LobbyStatus(Phase.MATCH_RUNNING, 0);
    public static final LobbyStatus MATCH_ENDED = new LobbyStatus(Phase.MATCH_ENDED, 0);
    public static final LobbyStatus STOPPING = new LobbyStatus(Phase.STOPPING, 0);

    static {
        for (int i = 0; i < CACHED_COUNTDOWN; i++) {
            STARTING[i] = new LobbyStatus(Phase.MATCH_STARTING, i);
        }
    }

    private final Phase phase;
    private final int secondsLeft;

    private LobbyStatus(Phase phase, int secondsLeft) {
        this.phase = phase;
        this.secondsLeft = secondsLeft;
    }

    /** MatchStarting with the given whole seconds left; cached up to 60 s. */
    public static LobbyStatus matchStarting(int secondsLeft) {
        if (secondsLeft < 0) {
            throw new IllegalArgumentException("secondsLeft must be >= 0");
        }
        return secondsLeft < CACHED_COUNTDOWN ? STARTING[secondsLeft] : new LobbyStatus(Phase.MATCH_STARTING, secondsLeft);
    }

    public Phase phase() {
        return phase;
    }

    /** Seconds left in the countdown; 0 for every other phase. */
    public int secondsLeft() {
        return secondsLeft;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LobbyStatus s && s.phase == phase && s.secondsLeft == secondsLeft;
    }

    @Override
    public int hashCode() {
        return phase.hashCode() * 31 + secondsLeft;
    }

    @Override
    public String toString() {
        return phase == Phase.MATCH_STARTING ? "MatchStarting(" + secondsLeft + ")" : phase.name();
    }
}
