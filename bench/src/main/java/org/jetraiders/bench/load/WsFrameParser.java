package org.jetraiders.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Incremental parser of server-to-client WebSocket frames (RFC 6455 section 5): call {@link #parse}
 * with whatever bytes have arrived; it hands every complete frame to the {@link Sink} and leaves the
 * bytes of an incomplete one in the buffer for the next call, so a frame split across any number of
 * reads comes out whole. Unfragmented text and binary messages are handed over in place (a view of
 * the caller's buffer, valid only during the call); fragmented ones are reassembled in a buffer of
 * the parser's own, which grows to the largest message and is then reused. Control frames (ping,
 * pong, close) may arrive between fragments, as the RFC allows.
 *
 * <p>Protocol violations (a masked frame, RSV bits without an extension, an unknown opcode, a bad
 * control frame, a continuation out of place) end parsing with close code 1002; a message over the
 * size limit with 1009. One parser per connection; used only by the connection's I/O thread.
 */
final class WsFrameParser {

    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;

    static final int CLOSE_NORMAL = 1000;
    static final int CLOSE_PROTOCOL_ERROR = 1002;
    static final int CLOSE_NO_STATUS = 1005;
    static final int CLOSE_ABNORMAL = 1006;
    static final int CLOSE_TOO_BIG = 1009;

    /** Where parsed messages go. The byte ranges are views, valid only during the call. */
    interface Sink {
        /** A whole text ({@code text}) or binary message. */
        void onMessage(boolean text, byte[] a, int offset, int length);

        void onPing(byte[] a, int offset, int length);

        /** A close frame; 1005 when it carried no code. Nothing after it is parsed. */
        void onClose(int code, String reason);
    }

    private final int maxMessage;
    private byte[] fragments = new byte[0];
    private int fragmentLength;
    /** Opcode of the fragmented message being reassembled, or 0. */
    private int fragmentOpcode;
    private int needed = 2;
    private boolean closeReceived;
    private String error;

    WsFrameParser(int maxMessageBytes) {
        this.maxMessage = maxMessageBytes;
    }

    /**
     * Consumes every complete frame in {@code in} (read mode, array-backed), stopping at an
     * incomplete one or after a close frame.
     *
     * @return 0, or the close code of a protocol violation ({@link #error()} says which)
     */
    int parse(ByteBuffer in, Sink sink) {
        byte[] a = in.array();
        int base = in.arrayOffset();
        while (!closeReceived) {
            int p = base + in.position();
            int available = in.remaining();
            if (available < 2) {
                needed = 2;
                return 0;
            }
            int b0 = a[p] & 0xFF;
            int b1 = a[p + 1] & 0xFF;
            if ((b0 & 0x70) != 0) {
                return fail(CLOSE_PROTOCOL_ERROR, "RSV bits set, no extension was negotiated");
            }
            if ((b1 & 0x80) != 0) {
                return fail(CLOSE_PROTOCOL_ERROR, "masked frame from the server");
            }
            int header = 2;
            long length = b1 & 0x7F;
            if (length == 126) {
                header = 4;
                if (available < header) {
                    needed = header;
                    return 0;
                }
                length = ((a[p + 2] & 0xFFL) << 8) | (a[p + 3] & 0xFFL);
            } else if (length == 127) {
                header = 10;
                if (available < header) {
                    needed = header;
                    return 0;
                }
                length = 0;
                for (int i = 2; i < 10; i++) {
                    length = (length << 8) | (a[p + i] & 0xFFL);
                }
                if (length < 0) {
                    return fail(CLOSE_TOO_BIG, "frame length over 2^63");
                }
            }
            if (length > maxMessage) {
                return fail(CLOSE_TOO_BIG, "frame of " + length + " bytes, limit " + maxMessage);
            }
            if (available < header + length) {
                needed = header + (int) length;
                return 0;
            }
            in.position(in.position() + header + (int) length);
            int rc = frame((b0 & 0x80) != 0, b0 & 0x0F, a, p + header, (int) length, sink);
            if (rc != 0) {
                return rc;
            }
        }
        in.position(in.limit()); // nothing after a close frame counts
        return 0;
    }

    private int frame(boolean fin, int opcode, byte[] a, int offset, int length, Sink sink) {
        switch (opcode) {
            case OP_TEXT, OP_BINARY -> {
                if (fragmentOpcode != 0) {
                    return fail(CLOSE_PROTOCOL_ERROR, "new message inside a fragmented one");
                }
                if (fin) {
                    sink.onMessage(opcode == OP_TEXT, a, offset, length);
                } else {
                    fragmentOpcode = opcode;
                    fragmentLength = 0;
                    append(a, offset, length);
                }
                return 0;
            }
            case OP_CONTINUATION -> {
                if (fragmentOpcode == 0) {
                    return fail(CLOSE_PROTOCOL_ERROR, "continuation frame without a message");
                }
                if ((long) fragmentLength + length > maxMessage) {
                    return fail(CLOSE_TOO_BIG, "fragmented message over " + maxMessage + " bytes");
                }
                append(a, offset, length);
                if (fin) {
                    int op = fragmentOpcode;
                    fragmentOpcode = 0;
                    sink.onMessage(op == OP_TEXT, fragments, 0, fragmentLength);
                }
                return 0;
            }
            case OP_CLOSE, OP_PING, OP_PONG -> {
                if (!fin || length > 125) {
                    return fail(CLOSE_PROTOCOL_ERROR, "fragmented or oversized control frame");
                }
                if (opcode == OP_PING) {
                    sink.onPing(a, offset, length);
                } else if (opcode == OP_CLOSE) {
                    return close(a, offset, length, sink);
                }
                return 0; // an unsolicited pong is ignored (RFC 6455 5.5.3)
            }
            default -> {
                return fail(CLOSE_PROTOCOL_ERROR, "unknown opcode " + opcode);
            }
        }
    }

    private int close(byte[] a, int offset, int length, Sink sink) {
        if (length == 1) {
            return fail(CLOSE_PROTOCOL_ERROR, "close frame with a 1-byte payload");
        }
        closeReceived = true;
        int code = length == 0 ? CLOSE_NO_STATUS : ((a[offset] & 0xFF) << 8) | (a[offset + 1] & 0xFF);
        String reason = length <= 2 ? "" : new String(a, offset + 2, length - 2, StandardCharsets.UTF_8);
        sink.onClose(code, reason);
        return 0;
    }

    private void append(byte[] a, int offset, int length) {
        if (fragmentLength + length > fragments.length) {
            fragments = Arrays.copyOf(fragments, Math.max(fragmentLength + length, 2 * fragments.length));
        }
        System.arraycopy(a, offset, fragments, fragmentLength, length);
        fragmentLength += length;
    }

    private int fail(int code, String why) {
        error = why;
        return code;
    }

    /** Bytes the incomplete frame at the front of the buffer needs in all (header included). */
    int needed() {
        return needed;
    }

    boolean closeReceived() {
        return closeReceived;
    }

    /** Why {@link #parse} returned a close code. */
    String error() {
        return error;
    }
}
