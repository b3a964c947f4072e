package org.jetraiders.server.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;

/**
 * Reads one connection's client frames straight out of the selector's read buffer, on the selector
 * thread, instead of handing each read to a Java-WebSocket worker thread (a context switch per input)
 * whose decoder allocates a frame object, a payload buffer, a list and, for text, a charset decoder
 * and a String per message.
 *
 * <p>The common frames — complete, final, masked, unextended text (ASCII) or binary frames within the
 * frame cap — are unmasked into a reusable buffer and handed to the {@link Handler} with no
 * allocation, and so are pongs (the answers to our keep-alive pings). A complete ping or close frame or
 * a text frame with non-ASCII bytes is given to the library's decoder on its own, so the library still
 * answers pings, runs the close handshake and validates UTF-8 (1007). Anything else (fragmented messages, reserved bits, unmasked or
 * oversized frames) hands this and every later byte of the connection to the library's decoder, which
 * closes with the right code. A frame split across reads waits in {@link #carry}.
 *
 * <p>Selector thread only.
 */
final class InboundFrameReader {
    /** Where the frames this reader takes go. */
    interface Handler {
        /** A text frame of ASCII bytes, viewed as characters (valid until the call returns). */
        void onText(CharSequence text);

        /** A binary frame's payload (position 0, valid until the call returns). */
        void onBinary(ByteBuffer payload);

        /** A pong (the answer to a keep-alive ping). */
        void onPong();
    }

    private static final int NEED_MORE = -1;
    private static final int TAKE_OVER = -2;
    private static final int MAX_HEADER = 14;
    /** Bytes of unmasking room a connection starts with; a Join or an Input fits. */
    static final int INITIAL_PAYLOAD = 256;
    private static final VarHandle INCOMPLETE_FRAME;
    private static final VarHandle CONTINUOUS_FRAME;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Draft_6455.class, MethodHandles.lookup());
            INCOMPLETE_FRAME = lookup.findVarHandle(Draft_6455.class, "incompleteframe", ByteBuffer.class);
            CONTINUOUS_FRAME = lookup.findVarHandle(Draft_6455.class, "currentContinuousFrame",
                    org.java_websocket.framing.Framedata.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int maxPayload;
    private final int carryCapacity;
    private byte[] carry; // allocated when a frame first arrives split across reads
    /** Where frames are unmasked: small at first (an Input is tens of bytes), grown to the largest frame taken. */
    private byte[] payload;
    private ByteBuffer payloadView;
    private AsciiView text;
    private int carryLength;
    private boolean checkedLibraryState;
    private boolean libraryOwnsStream;

    InboundFrameReader(int maxPayload) {
        this.maxPayload = maxPayload;
        this.carryCapacity = MAX_HEADER + Math.max(maxPayload, 125);
        // Not the frame cap (4 KiB by default) for every connection: at 1,024 clients that was 4 MB of
        // live heap, copied by the first young collection after they connected (see BENCHMARKS.md).
        usePayload(new byte[Math.min(maxPayload, INITIAL_PAYLOAD)]);
    }

    /** Whether every byte of this connection now goes to the library's decoder. */
    boolean libraryOwnsStream() {
        return libraryOwnsStream;
    }

    /** Reads what one socket read brought. */
    void read(ByteBuffer buf, WebSocketImpl ws, Handler handler) {
        if (!checkedLibraryState) {
            // The handshake's read may have carried the start of a frame, which the library now holds.
            checkedLibraryState = true;
            libraryOwnsStream = libraryHoldsPartialState(ws.getDraft());
        }
        if (libraryOwnsStream || !buf.hasArray()) {
            libraryOwnsStream = true;
            ws.decode(buf);
            return;
        }
        byte[] src = buf.array();
        int pos = buf.arrayOffset() + buf.position();
        int end = buf.arrayOffset() + buf.limit();
        if (carryLength > 0) {
            pos = completeCarried(src, pos, end, ws, handler);
            if (pos < 0) {
                return; // still incomplete, or handed over
            }
        }
        while (pos < end) {
            int size = frameSize(src, pos, end - pos);
            if (size == NEED_MORE || size > end - pos) {
                if (carry == null) {
                    carry = new byte[carryCapacity];
                }
                System.arraycopy(src, pos, carry, 0, end - pos);
                carryLength = end - pos;
                return;
            }
            if (size == TAKE_OVER) {
                handOver(ws, null, 0, src, pos, end);
                return;
            }
            dispatch(src, pos, size, ws, handler);
            pos += size;
        }
    }

    /** Tops the carried partial frame up from {@code src}; the new read position, or -1 if not done. */
    private int completeCarried(byte[] src, int pos, int end, WebSocketImpl ws, Handler handler) {
        while (true) {
            int size = frameSize(carry, 0, carryLength);
            if (size == TAKE_OVER) {
                handOver(ws, carry, carryLength, src, pos, end);
                return -1;
            }
            // how many more bytes we need to know more: the whole frame, or the rest of the header
            int want = size == NEED_MORE ? headerBytesWanted() : size;
            int take = Math.min(want - carryLength, end - pos);
            System.arraycopy(src, pos, carry, carryLength, take);
            carryLength += take;
            pos += take;
            if (size != NEED_MORE && carryLength == size) {
                carryLength = 0;
                dispatch(carry, 0, size, ws, handler);
                return pos;
            }
            if (pos == end && carryLength < want) {
                return -1;
            }
        }
    }

    /** Bytes of header the carried bytes announce (2 until the length byte is known). */
    private int headerBytesWanted() {
        return carryLength < 2 ? 2 : headerLength(carry[1]);
    }

    /** A masked client frame's header length (base, extended length, mask), from its second byte. */
    private static int headerLength(byte second) {
        int len7 = second & 0x7F;
        return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + 4;
    }

    /**
     * The size of the frame at {@code off} if it is one this reader takes (whether or not all of it
     * has arrived; it always fits {@link #carry}), {@link #NEED_MORE} when its header is incomplete,
     * and {@link #TAKE_OVER} for frames the library must handle from here on.
     */
    private int frameSize(byte[] b, int off, int available) {
        if (available < 2) {
            return NEED_MORE;
        }
        int b0 = b[off] & 0xFF;
        int b1 = b[off + 1] & 0xFF;
        int opcode = b0 & 0x0F;
        boolean fin = (b0 & 0x80) != 0;
        if (!fin || (b0 & 0x70) != 0 || (b1 & 0x80) == 0) {
            return TAKE_OVER; // fragmented, extension bits, or unmasked (a protocol error the library reports)
        }
        int len7 = b1 & 0x7F;
        int header = headerLength(b[off + 1]);
        if (available < header) {
            return NEED_MORE;
        }
        long length;
        if (len7 == 126) {
            length = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        } else if (len7 == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (b[off + 2 + i] & 0xFF);
            }
        } else {
            length = len7;
        }
        boolean data = opcode == 0x1 || opcode == 0x2;
        boolean control = opcode == 0x8 || opcode == 0x9 || opcode == 0xA;
        if (length < 0) {
            return TAKE_OVER; // a 64-bit length with its top bit set (RFC 6455 forbids it; the library closes)
        }
        if (!(data && length <= maxPayload) && !(control && length <= 125)) {
            return TAKE_OVER; // continuation, unknown opcode, or over the frame cap (the library closes 1009)
        }
        return header + (int) length; // may be more than is available yet

    }

    private void dispatch(byte[] b, int off, int size, WebSocketImpl ws, Handler handler) {
        int opcode = b[off] & 0x0F;
        if (opcode >= 0x8) {
            if (opcode == 0xA) {
                handler.onPong(); // the answer to our keep-alive: every client, every interval
            } else {
                ws.decode(ByteBuffer.wrap(b, off, size)); // ping → pong, close handshake: the library's job
            }
            return;
        }
        int p = off + headerLength(b[off + 1]) - 4; // the mask key
        int m0 = b[p], m1 = b[p + 1], m2 = b[p + 2], m3 = b[p + 3];
        p += 4;
        int length = off + size - p;
        if (length > payload.length) {
            // rare (a frame larger than any before on this connection, at most the frame cap): grow once
            usePayload(new byte[Math.min(maxPayload, Math.max(length, 2 * payload.length))]);
        }
        int nonAscii = 0;
        for (int i = 0; i < length; i++) {
            int mask = switch (i & 3) {
                case 0 -> m0;
                case 1 -> m1;
                case 2 -> m2;
                default -> m3;
            };
            byte v = (byte) (b[p + i] ^ mask);
            payload[i] = v;
            nonAscii |= v;
        }
        if (opcode == 0x2) {
            payloadView.clear().limit(length);
            handler.onBinary(payloadView);
        } else if (nonAscii >= 0) {
            text.length(length);
            handler.onText(text);
        } else {
            ws.decode(ByteBuffer.wrap(b, off, size)); // non-ASCII text: the library validates the UTF-8
        }
    }

    private void usePayload(byte[] bytes) {
        payload = bytes;
        payloadView = ByteBuffer.wrap(bytes);
        text = new AsciiView(bytes);
    }

    /** Bytes of unmasking room this connection holds now (for tests). */
    int payloadCapacity() {
        return payload.length;
    }

    /** From here on the library decodes this connection: give it what we hold and the rest of the read. */
    private void handOver(WebSocketImpl ws, byte[] held, int heldLength, byte[] src, int pos, int end) {
        libraryOwnsStream = true;
        carryLength = 0;
        ByteBuffer rest = ByteBuffer.allocate(heldLength + end - pos);
        if (heldLength > 0) {
            rest.put(held, 0, heldLength);
        }
        rest.put(src, pos, end - pos).flip();
        if (rest.hasRemaining()) {
            ws.decode(rest);
        }
    }

    private static boolean libraryHoldsPartialState(Draft draft) {
        if (!(draft instanceof Draft_6455 d)) {
            return true;
        }
        return INCOMPLETE_FRAME.get(d) != null || CONTINUOUS_FRAME.get(d) != null;
    }

    /** ASCII bytes as a CharSequence, without copying them into a String. */
    static final class AsciiView implements CharSequence {
        private final byte[] bytes;
        private int length;

        AsciiView(byte[] bytes) {
            this.bytes = bytes;
        }

        void length(int length) {
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return (char) bytes[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
