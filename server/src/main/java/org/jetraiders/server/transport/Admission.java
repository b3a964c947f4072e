package org.jetraiders.server.transport;

import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.protocol.json.ErrorCode;

/**
 * What {@link LobbyDoor#admit} decided for a Join: a player (new or resumed) or a spectator in a
 * lobby, or a refusal with the error to send and the close that follows it.
 *
 * @param lobby       the lobby entered (its place claimed), or null when refused
 * @param playerId    the player's id; 0 for a spectator
 * @param name        the display name, for the log
 * @param resumeToken the token that takes this player's plane back, for its Identity; null for a spectator
 * @param resumed     whether the Join took an existing plane back
 * @param warning     an error to report while admitting anyway (a resume token that does not verify), or null
 * @param error       why it was refused, or null
 * @param detail      the refusal's message for the client
 * @param close       how the refused connection is closed
 */
record Admission(ManagedLobby lobby, int playerId, String name, String resumeToken, boolean resumed,
                 ErrorCode warning, ErrorCode error, String detail, CloseReason close) {

    static Admission player(ManagedLobby lobby, int playerId, String name, String resumeToken, boolean resumed,
                            ErrorCode warning) {
        return new Admission(lobby, playerId, name, resumeToken, resumed, warning, null, null, null);
    }

    static Admission spectator(ManagedLobby lobby) {
        return new Admission(lobby, 0, null, null, false, null, null, null, null);
    }

    /** Refused: {@code error} (null: none is sent) with {@code detail}, then {@code close}. */
    static Admission refused(ErrorCode error, String detail, CloseReason close) {
        return new Admission(null, 0, null, null, false, null, error, detail, close);
    }

    /**
     * The server is stopping: the client hears what every connected client hears on a stop (the
     * Stopping state, then 1001), so it retries with its backoff instead of giving up on an error.
     */
    static Admission serverStopping() {
        return new Admission(null, 0, null, null, false, null, null, null, CloseReason.SERVER_STOPPING);
    }

    boolean isServerStopping() {
        return close == CloseReason.SERVER_STOPPING;
    }

    boolean isRefused() {
        return lobby == null;
    }

    boolean isSpectator() {
        return lobby != null && playerId == 0;
    }
}
