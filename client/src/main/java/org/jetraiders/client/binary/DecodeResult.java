package org.jetraiders.client.binary;

/** Outcome of decoding one binary world frame: OK, or why it was rejected. */
public enum DecodeResult {
    OK,
    /** Empty, truncated, an invalid or overlong varint, a value out of range, or inconsistent lists. */
    MALFORMED,
    /** A valid envelope with a kind this client does not know (a later protocol revision); ignore the frame. */
    UNKNOWN_KIND,
    /** The version byte is not {@link ProtocolDescriptor#VERSION}. */
    UNSUPPORTED_VERSION,
    /** A WorldDelta refers to a baseline tick this client does not hold (after a reset, until a full frame). */
    UNKNOWN_BASELINE;

    /** The result for an envelope {@link BinaryReader#envelopeKind()} rejected (a negative kind). */
    static DecodeResult ofEnvelope(int rejectedKind) {
        return rejectedKind == BinaryReader.ENVELOPE_UNSUPPORTED_VERSION ? UNSUPPORTED_VERSION : MALFORMED;
    }

    public boolean isOk() {
        return this == OK;
    }
}
