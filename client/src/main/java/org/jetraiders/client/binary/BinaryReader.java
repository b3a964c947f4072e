package org.jetraiders.client.binary;

/**
 * A bounds-checked little-endian cursor over a byte range that never throws: a read past the end or an
 * invalid varint sets {@link #failed()} and returns 0, and every later read fails too. Callers check
 * {@code failed()} before using a value that sizes anything. Not thread-safe; reusable via
 * {@link #wrap}.
 *
 * <p>The same reading rules as the server's {@code BinaryReader} (this library depends on nothing of
 * the server); the doc's hex vectors and the server's encoders are decoded with it in tests on both sides.
 */
final class BinaryReader {
    private byte[] buf = new byte[0];
    private int pos;
    private int limit;
    private boolean failed;

    /** Reads {@code buf[offset, offset + length)}; an out-of-range window reads as failed. */
    public BinaryReader wrap(byte[] bytes, int offset, int length) {
        failed = false;
        if (bytes == null || offset < 0 || length < 0 || offset > bytes.length - length) {
            buf = new byte[0];
            pos = 0;
            limit = 0;
            failed = true;
            return this;
        }
        buf = bytes;
        pos = offset;
        limit = offset + length;
        return this;
    }

    public boolean failed() {
        return failed;
    }

    public int remaining() {
        return failed ? 0 : limit - pos;
    }

    /** Marks the input as invalid (for semantic checks by the caller). */
    public void fail() {
        failed = true;
    }

    /** {@link #envelopeKind()} when the frame is too short for its two envelope bytes. */
    public static final int ENVELOPE_MALFORMED = -1;
    /** {@link #envelopeKind()} when the version byte is not {@link ProtocolDescriptor#VERSION}. */
    public static final int ENVELOPE_UNSUPPORTED_VERSION = -2;

    /**
     * Reads the envelope every frame starts with (version, then kind) and returns the kind, or
     * {@link #ENVELOPE_MALFORMED} / {@link #ENVELOPE_UNSUPPORTED_VERSION}; see
     * {@link DecodeResult#ofEnvelope(int)}.
     */
    public int envelopeKind() {
        int version = u8();
        if (failed()) {
            return ENVELOPE_MALFORMED;
        }
        if (version != ProtocolDescriptor.VERSION) {
            return ENVELOPE_UNSUPPORTED_VERSION;
        }
        int kind = u8();
        return failed() ? ENVELOPE_MALFORMED : kind;
    }

    public int u8() {
        if (failed || pos >= limit) {
            failed = true;
            return 0;
        }
        return buf[pos++] & 0xFF;
    }

    public int u16() {
        if (failed || limit - pos < 2) {
            failed = true;
            return 0;
        }
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    /** An unsigned varint that must fit 63 bits (ticks, sequence numbers). */
    public long uvarint63() {
        long v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (failed || pos >= limit) {
                failed = true;
                return 0;
            }
            int b = buf[pos++];
            if (shift == 56 && (b & 0x80) != 0) {
                failed = true; // a 10th byte would exceed 63 bits
                return 0;
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        failed = true;
        return 0;
    }

    /** An unsigned varint that must fit 31 bits (ids, counts, gaps, tick distances). */
    public int uvarint31() {
        long v = varint32Bits();
        if (v > Integer.MAX_VALUE) {
            failed = true;
            return 0;
        }
        return (int) v;
    }

    /** A zigzag varint of a signed 32-bit value. */
    public int zigzag() {
        long v = varint32Bits();
        int n = (int) v;
        return (n >>> 1) ^ -(n & 1);
    }

    /** At most 5 bytes and at most 32 bits. */
    private long varint32Bits() {
        long v = 0;
        for (int i = 0; i < ProtocolDescriptor.MAX_VARINT32_BYTES; i++) {
            if (failed || pos >= limit) {
                failed = true;
                return 0;
            }
            int b = buf[pos++];
            v |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (v > 0xFFFFFFFFL) {
                    failed = true;
                    return 0;
                }
                return v;
            }
        }
        failed = true;
        return 0;
    }
}
