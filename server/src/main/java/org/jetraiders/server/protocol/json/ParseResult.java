package org.jetraiders.server.protocol.json;

/** Outcome of {@link ClientMessageParser#parse}: OK, or why the message was rejected. */
public enum ParseResult {
    OK(null),
    /** Not one JSON object (syntax error, trailing data, too deep, empty, not an object). */
    INVALID_JSON(ErrorCode.INVALID_JSON),
    /** Valid JSON with a {@code type} this server does not know; the message is to be ignored. */
    UNKNOWN_TYPE(ErrorCode.UNKNOWN_TYPE),
    /** NaN, Infinity or a number too big for a double (1e999) where a finite number is needed. */
    NOT_FINITE(ErrorCode.NOT_FINITE),
    /** A field has the wrong JSON type or an invalid value (shoot:"yes", seq:-1, missing type). */
    INVALID_FIELD(ErrorCode.INVALID_FIELD);

    private final ErrorCode errorCode;

    ParseResult(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    public boolean isOk() {
        return this == OK;
    }

    /** The code for the {@code Error} message; null for {@link #OK}. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
