package org.jetraiders.client.message;

/** One player's line of a {@link Scoreboard}. */
public record Score(int playerId, String name, int kills, int deaths) {
}
