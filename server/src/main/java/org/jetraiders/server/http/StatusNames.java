package org.jetraiders.server.http;

import org.jetraiders.engine.LobbyStatus;

/** The protocol's names for lobby phases ({@code GameState}): Lobby, MatchStarting, MatchRunning... */
final class StatusNames {
    private StatusNames() {
    }

    static String of(LobbyStatus.Phase phase) {
        return switch (phase) {
            case LOBBY -> "Lobby";
            case MATCH_STARTING -> "MatchStarting";
            case MATCH_RUNNING -> "MatchRunning";
            case MATCH_ENDED -> "MatchEnded";
            case STOPPING -> "Stopping";
        };
    }
}
