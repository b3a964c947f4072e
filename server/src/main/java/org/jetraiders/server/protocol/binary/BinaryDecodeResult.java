package org.jetraiders.server.protocol.binary;

import org.jetraiders.server.protocol.json.ErrorCode;

/** Outcome of decoding one binary frame: OK, or why it was rejected. */
public enum BinaryDecodeResult {
    OK(null),
    /** Empty, truncated, an invalid or overlong varint, a value out of range, or inconsistent lists. */
    MALFORMED(ErrorCode.INVALID_FIELD),
    /** A valid envelope with a kind this side does not accept; the frame is to be ignored. */
    UNKNOWN_KIND(ErrorCode.UNKNOWN_TYPE),
    /** The version byte is not {@link BinaryProtocolDescriptor#VERSION}. */
    UNSUPPORTED_VERSION(ErrorCode.INVALID_FIELD),
    /** Client side only: a WorldDelta refers to a baseline tick this client does not hold. */
    UNKNOWN_BASELINE(null);

    private final ErrorCode errorCode;

    BinaryDecodeResult(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    /** The result for an envelope {@link BinaryReader#envelopeKind()} rejected (a negative kind). */
    public static BinaryDecodeResult ofEnvelope(int rejectedKind) {
        return rejectedKind == BinaryReader.ENVELOPE_UNSUPPORTED_VERSION ? UNSUPPORTED_VERSION : MALFORMED;
    }

    public boolean isOk() {
        return this == OK;
    }

    /** The JSON {@code Error} code the server answers with; null for OK (and for client-side results). */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
