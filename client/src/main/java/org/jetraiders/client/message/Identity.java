package org.jetraiders.client.message;

/**
 * {@code Identity}: who this connection plays as, sent once after a successful {@code Join}.
 *
 * @param playerId this player's id, also its plane's id in world snapshots
 * @param lobbyId  the lobby joined, or null when the server did not say
 */
public record Identity(int playerId, String lobbyId) {
}
