package org.jetraiders.server.transport;

import org.java_websocket.framing.CloseFrame;

/** Every close the server initiates: WebSocket code, the reason text the client sees, the metrics label. */
enum CloseReason {
    JOIN_REQUIRED(CloseFrame.POLICY_VALIDATION, "join required", "join_required"),
    JOIN_TIMEOUT(CloseFrame.POLICY_VALIDATION, "join timeout", "join_timeout"),
    TOO_MANY_INVALID(CloseFrame.POLICY_VALIDATION, "too many invalid messages", "too_many_invalid"),
    INPUT_FLOOD(CloseFrame.POLICY_VALIDATION, "input flood", "input_flood"),
    INVALID_TOKEN(CloseFrame.POLICY_VALIDATION, "invalid token", "invalid_token"),
    TOKEN_REQUIRED(CloseFrame.POLICY_VALIDATION, "session token required", "token_required"),
    LOBBY_FULL(CloseFrame.POLICY_VALIDATION, "lobby full", "lobby_full"),
    LOBBY_UNAVAILABLE(CloseFrame.POLICY_VALIDATION, "lobby unavailable", "lobby_unavailable"),
    TOO_SLOW(CloseFrame.POLICY_VALIDATION, "too slow", "too_slow"),
    MALFORMED_BINARY(CloseFrame.NO_UTF8, "too many malformed binary frames", "malformed_binary"),
    BINARY_NOT_SUPPORTED(CloseFrame.REFUSE, "binary frames are not supported on a JSON connection", "binary_frame"),
    OVER_CAPACITY(CloseFrame.TRY_AGAIN_LATER, "too many connections", "over_capacity"),
    SERVER_STOPPING(CloseFrame.GOING_AWAY, "server stopping", "server_stopping"),
    INTERNAL_ERROR(1011, "internal error", "internal_error");

    final int code;
    final String text;
    final String label;

    CloseReason(int code, String text, String label) {
        this.code = code;
        this.text = text;
        this.label = label;
    }

    /** Metrics label for a close we did not initiate. */
    static String labelForRemoteClose(int code) {
        return switch (code) {
            case CloseFrame.NORMAL -> "client_closed";
            case CloseFrame.GOING_AWAY -> "client_going_away";
            case CloseFrame.TOOBIG -> "frame_too_large";
            case CloseFrame.ABNORMAL_CLOSE -> "connection_lost";
            case CloseFrame.NO_UTF8 -> "invalid_utf8";
            case CloseFrame.PROTOCOL_ERROR -> "protocol_error";
            default -> "closed_" + code;
        };
    }
}
