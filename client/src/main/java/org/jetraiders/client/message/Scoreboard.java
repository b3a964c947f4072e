package org.jetraiders.client.message;

import java.util.List;

/**
 * {@code Scoreboard}: every player in the lobby, alive or dead; sent on every score or player change
 * and at least once a second.
 *
 * @param players     the players, in the server's order
 * @param secondsLeft whole seconds left in the running match, or -1 (no match running, or no limit)
 */
public record Scoreboard(List<Score> players, int secondsLeft) {
    public Scoreboard {
        players = List.copyOf(players);
    }

    /** The line of this player, or null when it is not in the lobby. */
    public Score player(int playerId) {
        for (Score s : players) {
            if (s.playerId() == playerId) {
                return s;
            }
        }
        return null;
    }
}
