package org.jetraiders.engine.sim;

import org.jetraiders.engine.LobbyStatus;

/**
 * The match cycle in whole ticks: Lobby, MatchStarting (countdown), MatchRunning (time limit, or
 * none), MatchEnded (pause), then a new countdown with scores reset. Dropping below the minimum
 * player count during the countdown or the match returns to Lobby.
 *
 * <p>A phase entered in tick t is the status published with tick t; a phase of n ticks is the
 * status of exactly n consecutive ticks. Status objects are LobbyStatus's cached constants.
 */
final class MatchClock {
    private final int tickRate;
    private final long countdownTicks;
    private final long matchTicks;
    private final long pauseTicks;
    private final int minPlayers;

    private LobbyStatus status = LobbyStatus.LOBBY;
    private long ticksLeft;

    MatchClock(int tickRate, int countdownSeconds, int matchSeconds, int pauseSeconds, int minPlayers) {
        this.tickRate = tickRate;
        this.countdownTicks = (long) countdownSeconds * tickRate;
        this.matchTicks = (long) matchSeconds * tickRate;
        // the final scores must be published at least once, so the pause lasts at least one tick
        this.pauseTicks = Math.max(1, (long) pauseSeconds * tickRate);
        this.minPlayers = minPlayers;
    }

    LobbyStatus status() {
        return status;
    }

    LobbyStatus.Phase phase() {
        return status.phase();
    }

    /** Whole seconds (rounded up) left in a running match with a time limit, else -1. */
    int matchSecondsLeft() {
        if (status.phase() != LobbyStatus.Phase.MATCH_RUNNING || matchTicks == 0) {
            return -1;
        }
        return secondsCeil(ticksLeft);
    }

    /**
     * Advances one tick with the current player count. Returns true when a new match begins
     * (entering the countdown), which is when the caller resets kills and deaths.
     */
    boolean advance(int players) {
        LobbyStatus.Phase phase = status.phase();
        if (phase == LobbyStatus.Phase.LOBBY) {
            if (players >= minPlayers) {
                startCountdown();
                return true;
            }
        } else if (phase == LobbyStatus.Phase.MATCH_STARTING) {
            if (players < minPlayers) {
                status = LobbyStatus.LOBBY;
            } else if (--ticksLeft <= 0) {
                startRunning();
            } else {
                showCountdown();
            }
        } else if (phase == LobbyStatus.Phase.MATCH_RUNNING) {
            if (players < minPlayers) {
                status = LobbyStatus.LOBBY;
            } else if (matchTicks > 0 && --ticksLeft <= 0) {
                status = LobbyStatus.MATCH_ENDED;
                ticksLeft = pauseTicks;
            }
        } else if (phase == LobbyStatus.Phase.MATCH_ENDED) {
            if (--ticksLeft <= 0) {
                if (players >= minPlayers) {
                    startCountdown();
                } else {
                    status = LobbyStatus.LOBBY;
                }
                return true;
            }
        }
        return false;
    }

    private void startCountdown() {
        if (countdownTicks == 0) {
            startRunning();
        } else {
            ticksLeft = countdownTicks;
            showCountdown();
        }
    }

    private void showCountdown() {
        int seconds = secondsCeil(ticksLeft);
        if (status.phase() != LobbyStatus.Phase.MATCH_STARTING || status.secondsLeft() != seconds) {
            status = LobbyStatus.matchStarting(seconds); // only allocates beyond 60 s, once a second
        }
    }

    private void startRunning() {
        status = LobbyStatus.MATCH_RUNNING;
        ticksLeft = matchTicks;
    }

    /** Phase, countdown seconds shown and ticks left: all that later ticks depend on. */
    void writeState(StateWriter out) {
        out.putInt(status.phase().ordinal());
        out.putInt(status.secondsLeft());
        out.putLong(ticksLeft);
    }

    void readState(StateReader in) {
        int phase = in.getInt();
        int secondsLeft = in.getInt();
        long left = in.getLong();
        LobbyStatus.Phase[] phases = LobbyStatus.Phase.values();
        if (phase < 0 || phase >= phases.length || phases[phase] == LobbyStatus.Phase.STOPPING || secondsLeft < 0
                || left < 0) {
            throw new IllegalArgumentException("malformed match clock: phase " + phase + ", " + secondsLeft
                    + " s shown, " + left + " ticks left");
        }
        status = switch (phases[phase]) {
            case MATCH_STARTING -> LobbyStatus.matchStarting(secondsLeft);
            case MATCH_RUNNING -> LobbyStatus.MATCH_RUNNING;
            case MATCH_ENDED -> LobbyStatus.MATCH_ENDED;
            default -> LobbyStatus.LOBBY;
        };
        ticksLeft = left;
    }

    private int secondsCeil(long ticks) {
        return (int) ((ticks + tickRate - 1) / tickRate);
    }
}
