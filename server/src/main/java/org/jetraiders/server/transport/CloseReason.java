package org.jetraiders.server.transport;

import org.java_websocket.framing.CloseFrame;

/**
 * Every close the server initiates: WebSocket code, the reason text the client sees, the metrics label,
 * and whether a player closed this way keeps its plane for the reconnect grace (a connection that was
 * lost or fell behind may come back; one sent away for misbehaving, or that left, may not).
 */
enum CloseReason {
    JOIN_REQUIRED(CloseFrame.POLICY_VALIDATION, "join required", "join_required"),
    JOIN_TIMEOUT(CloseFrame.POLICY_VALIDATION, "join timeout", "join_timeout"),
    TOO_MANY_INVALID(CloseFrame.POLICY_VALIDATION, "too many invalid messages", "too_many_invalid"),
    INPUT_FLOOD(CloseFrame.POLICY_VALIDATION, "input flood", "input_flood"),
    INVALID_TOKEN(CloseFrame.POLICY_VALIDATION, "invalid token", "invalid_token"),
    TOKEN_REQUIRED(CloseFrame.POLICY_VALIDATION, "session token required", "token_required"),
    LOBBY_FULL(CloseFrame.POLICY_VALIDATION, "lobby full", "lobby_full"),
    LOBBY_UNAVAILABLE(CloseFrame.POLICY_VALIDATION, "lobby unavailable", "lobby_unavailable"),
    TOO_MANY_LOBBIES_FROM_ADDRESS(CloseFrame.POLICY_VALIDATION, "too many lobbies from this address",
            "too_many_lobbies_from_address"),
    SPECTATORS_FULL(CloseFrame.POLICY_VALIDATION, "spectators full", "spectators_full"),
    TOO_SLOW(CloseFrame.POLICY_VALIDATION, "too slow", "too_slow", true),
    MALFORMED_BINARY(CloseFrame.NO_UTF8, "too many malformed binary frames", "malformed_binary"),
    BINARY_NOT_SUPPORTED(CloseFrame.REFUSE, "binary frames are not supported on a JSON connection", "binary_frame"),
    SERVER_STOPPING(CloseFrame.GOING_AWAY, "server stopping", "server_stopping"),
    /** No pong in time: the TCP connection is cut (1006 is never sent, only reported locally). */
    CONNECTION_LOST(CloseFrame.ABNORMAL_CLOSE, "no pong within 1.5 ping intervals", "connection_lost", true),
    INTERNAL_ERROR(1011, "internal error", "internal_error", true),
    /** The client sent {@code Leave}: its plane leaves now. */
    LEFT(CloseFrame.NORMAL, "left", "left"),
    /**
     * A newer connection presented this player's session or resume token and took the plane over. An
     * application code of its own, so a client can tell it apart and not reconnect (which would take
     * the plane back from the newer one).
     */
    SUPERSEDED(4001, "replaced by a newer connection", "superseded");

    final int code;
    final String text;
    final String label;
    final boolean keepsPlane;

    CloseReason(int code, String text, String label) {
        this(code, text, label, false);
    }

    CloseReason(int code, String text, String label, boolean keepsPlane) {
        this.code = code;
        this.text = text;
        this.label = label;
        this.keepsPlane = keepsPlane;
    }

    /**
     * Whether a close the client started leaves the game for good: a normal closure (1000, or a close
     * frame without a code, 1005) is a client saying goodbye; anything else (going away, 1001, as a
     * browser reloading its page; the connection lost, 1006; an error code) is a drop, after which
     * the player's plane waits the reconnect grace.
     */
    static boolean isLeaveByClient(int code) {
        return code == CloseFrame.NORMAL || code == CloseFrame.NOCODE;
    }

    /** Every label {@link #labelForRemoteClose} can return: a fixed set, whatever codes clients send. */
    static final java.util.List<String> REMOTE_LABELS = java.util.List.of("client_closed", "client_going_away",
            "protocol_error", "client_error", "connection_lost", "invalid_utf8", "client_policy", "frame_too_large",
            "client_application_code", "client_invalid_code");

    /**
     * Metrics label for a close we did not initiate. Clients choose the code, so the labels are a fixed
     * set (a label per code would let them fill the metric's label table and push the server's own
     * reasons into "other"): the standard codes by meaning, 3000–4999 as one application label.
     */
    static String labelForRemoteClose(int code) {
        return switch (code) {
            case CloseFrame.NORMAL, CloseFrame.NOCODE -> "client_closed";
            case CloseFrame.GOING_AWAY -> "client_going_away";
            case CloseFrame.PROTOCOL_ERROR -> "protocol_error";
            case CloseFrame.ABNORMAL_CLOSE -> "connection_lost";
            case CloseFrame.NO_UTF8 -> "invalid_utf8";
            case CloseFrame.POLICY_VALIDATION -> "client_policy";
            case CloseFrame.TOOBIG -> "frame_too_large";
            default -> code >= 3000 && code <= 4999 ? "client_application_code"
                    : code >= 1000 && code <= 2999 ? "client_error" : "client_invalid_code";
        };
    }
}
