package org.jetraiders.engine;

/** One line of a lobby's scoreboard. */
public record PlayerScore(int playerId, String name, int kills, int deaths) {
}
