package org.jetraiders.engine.sim;

import org.jetraiders.engine.LobbyStatus;

/**
 * The match as the world keeps it: the {@link MatchClock} advanced once a tick (step 6), the count of
 * matches begun, kills and deaths reset whenever a new countdown begins, and the scores version that
 * every change of the scores or the player set bumps (so readers can skip an unchanged scoreboard).
 *
 * <p>Only the game-loop thread of the world's lobby touches it.
 */
final class MatchScores {
    private final MatchClock clock;
    private final Planes planes;

    private long scoresVersion;
    private long matchNumber;

    MatchScores(MatchClock clock, Planes planes) {
        this.clock = clock;
        this.planes = planes;
    }

    /** A kill or death count, or the player set, changed. */
    void changed() {
        scoresVersion++;
    }

    /** True when the status published by the last step is MatchRunning: only then do hits deal damage. */
    boolean matchRunning() {
        return clock.phase() == LobbyStatus.Phase.MATCH_RUNNING;
    }

    /** Step 6: the clock advances with the current player count; a new countdown resets the scores. */
    void advance() {
        if (clock.advance(planes.count)) {
            resetScores();
            LobbyStatus.Phase phase = clock.phase();
            if (phase == LobbyStatus.Phase.MATCH_STARTING || phase == LobbyStatus.Phase.MATCH_RUNNING) {
                matchNumber++;
            }
        }
    }

    private void resetScores() {
        Planes p = planes;
        for (int s = 0; s < p.capacity; s++) {
            p.kills[s] = 0;
            p.deaths[s] = 0;
        }
        scoresVersion++;
    }

    long scoresVersion() {
        return scoresVersion;
    }

    long matchNumber() {
        return matchNumber;
    }

    /** Restoring a world image. */
    void restore(long version, long matchesBegun) {
        this.scoresVersion = version;
        this.matchNumber = matchesBegun;
    }
}
