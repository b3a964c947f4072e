package org.jetraiders.server.protocol.json;

/**
 * The codes of {@code Error} messages (and of close reasons), with their wire spelling and a default
 * human-readable message.
 */
public enum ErrorCode {
    INVALID_JSON("invalid_json", "message is not a valid JSON object"),
    UNKNOWN_TYPE("unknown_type", "unknown message type"),
    NOT_FINITE("not_finite", "numbers must be finite"),
    INVALID_FIELD("invalid_field", "a field has the wrong type or value"),
    JOIN_REQUIRED("join_required", "join required"),
    ALREADY_JOINED("already_joined", "already joined"),
    LOBBY_FULL("lobby_full", "lobby is full"),
    LOBBY_UNAVAILABLE("lobby_unavailable", "lobby is not available"),
    TOO_MANY_LOBBIES_FROM_ADDRESS("too_many_lobbies_from_address", "too many lobbies created from this address"),
    TOO_MANY_INVALID("too_many_invalid", "too many invalid messages"),
    INPUT_FLOOD("input_flood", "input flood"),
    FRAME_TOO_LARGE("frame_too_large", "frame too large"),
    BINARY_NOT_SUPPORTED("binary_not_supported", "binary frames are not supported on a JSON connection"),
    INVALID_TOKEN("invalid_token", "invalid token"),
    TOO_SLOW("too_slow", "too slow"),
    SUPERSEDED("superseded", "replaced by a newer connection of the same player"),
    INVALID_RESUME_TOKEN("invalid_resume_token", "resume token is invalid; joined as a new player"),
    SPECTATORS_FULL("spectators_full", "lobby has its maximum of spectators"),
    SPECTATOR_INPUT("spectator_input", "spectators cannot send Input"),
    NOT_SPECTATING("not_spectating", "Spectate is for spectators"),
    UNKNOWN_PLAYER("unknown_player", "no such player in this lobby");

    private final String wireCode;
    private final String defaultMessage;

    ErrorCode(String wireCode, String defaultMessage) {
        this.wireCode = wireCode;
        this.defaultMessage = defaultMessage;
    }

    /** The snake_case code sent in {@code Error.data.code}. */
    public String wireCode() {
        return wireCode;
    }

    /** A short human-readable message, also usable as a WebSocket close reason (ASCII, under 123 bytes). */
    public String defaultMessage() {
        return defaultMessage;
    }
}
