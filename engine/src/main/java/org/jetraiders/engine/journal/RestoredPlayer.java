package org.jetraiders.engine.journal;

/**
 * A player of a restored world ({@link RestorePoint#players()}): who it is, the key it joined with
 * ({@code Lobby.join(name, clientKey)}; 0 for none), and its score. The embedder maps a reconnecting
 * client to it by the key.
 */
public record RestoredPlayer(int id, String name, long clientKey, int kills, int deaths) {
}
