package org.jetraiders.server.lobby;

/**
 * What {@link LobbyManager#enter} gives back: the lobby, with a place claimed in it, or why there is
 * none.
 */
public record LobbyEntry(ManagedLobby lobby, Refusal refusal) {

    /** Why a connection could not enter a lobby. */
    public enum Refusal {
        /** The name is not 1–32 characters of {@code [A-Za-z0-9_.-]}. */
        INVALID_NAME,
        /** Creating it would exceed {@code --max-lobbies}. */
        LOBBY_LIMIT,
        /** Its address already created {@code --max-lobbies-per-address} lobbies that are still open. */
        ADDRESS_LOBBY_LIMIT,
        /** The server is stopping. */
        CLOSING
    }

    static LobbyEntry entered(ManagedLobby lobby) {
        return new LobbyEntry(lobby, null);
    }

    static LobbyEntry refused(Refusal refusal) {
        return new LobbyEntry(null, refusal);
    }

    public boolean isEntered() {
        return lobby != null;
    }
}
