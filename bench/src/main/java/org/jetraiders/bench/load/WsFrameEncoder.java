package org.jetraiders.bench.load;

import java.nio.ByteBuffer;

/**
 * Writes client-to-server WebSocket frames (RFC 6455 section 5.2-5.3): FIN set, the payload masked
 * with a fresh 32-bit key per frame, straight into the connection's outbound buffer, so sending
 * allocates nothing. The keys come from a xorshift generator seeded once from a secure source: the
 * masking only has to keep a load generator's frames from looking like anything else to proxies,
 * not to resist an attacker. One encoder per I/O thread, shared by its connections; not thread-safe.
 */
final class WsFrameEncoder {

    /** The largest header: 2 bytes, 8 of extended length, 4 of mask key. */
    static final int MAX_HEADER = 14;

    private long state;

    WsFrameEncoder(long seed) {
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    /** Bytes one frame of {@code payloadLength} takes on the wire. */
    static int frameLength(int payloadLength) {
        return payloadLength + 4 + (payloadLength < 126 ? 2 : payloadLength < 65_536 ? 4 : 10);
    }

    /**
     * Appends one final, masked frame at {@code out}'s position (write mode, array-backed); the caller
     * makes sure {@link #frameLength} bytes remain.
     */
    void encode(int opcode, byte[] payload, int offset, int length, ByteBuffer out) {
        byte[] a = out.array();
        int p = out.arrayOffset() + out.position();
        a[p++] = (byte) (0x80 | opcode);
        if (length < 126) {
            a[p++] = (byte) (0x80 | length);
        } else if (length < 65_536) {
            a[p++] = (byte) (0x80 | 126);
            a[p++] = (byte) (length >>> 8);
            a[p++] = (byte) length;
        } else {
            a[p++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                a[p++] = (byte) ((long) length >>> shift);
            }
        }
        int key = nextKey();
        byte k0 = (byte) (key >>> 24);
        byte k1 = (byte) (key >>> 16);
        byte k2 = (byte) (key >>> 8);
        byte k3 = (byte) key;
        a[p++] = k0;
        a[p++] = k1;
        a[p++] = k2;
        a[p++] = k3;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            a[p + i] = (byte) (payload[offset + i] ^ k0);
            a[p + i + 1] = (byte) (payload[offset + i + 1] ^ k1);
            a[p + i + 2] = (byte) (payload[offset + i + 2] ^ k2);
            a[p + i + 3] = (byte) (payload[offset + i + 3] ^ k3);
        }
        for (; i < length; i++) {
            a[p + i] = (byte) (payload[offset + i] ^ (key >>> (24 - 8 * (i & 3))));
        }
        out.position(p + length - out.arrayOffset());
    }

    /** Appends a close frame with {@code code} and no reason. */
    void encodeClose(int code, ByteBuffer out) {
        byte[] payload = {(byte) (code >>> 8), (byte) code};
        encode(WsFrameParser.OP_CLOSE, payload, 0, code == WsFrameParser.CLOSE_NO_STATUS ? 0 : 2, out);
    }

    private int nextKey() {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        return (int) (x >>> 32);
    }
}
