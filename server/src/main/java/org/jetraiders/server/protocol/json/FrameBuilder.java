package org.jetraiders.server.protocol.json;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A reusable, growable byte array for building one outgoing frame at a time (for example a
 * {@code WorldUpdate} with this client's {@code ack}). Grows by doubling, so after warm-up building a
 * frame allocates nothing.
 *
 * <p>Not thread-safe: one builder per client consumer thread. The content (and {@link #view()}) is
 * valid until the next {@link #reset()} or write.
 */
public final class FrameBuilder {
    private byte[] bytes;
    private int length;
    private ByteBuffer view;

    public FrameBuilder(int initialCapacity) {
        bytes = new byte[Math.max(64, initialCapacity)];
        view = ByteBuffer.wrap(bytes);
    }

    /** Backing array; valid bytes are {@code [0, length())}. */
    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
    }

    /**
     * The frame as a ByteBuffer over the backing array: position 0, limit {@link #length()}. The same
     * instance is returned until the array grows; do not keep it past the next write.
     *
     * <p>To send it as a <em>text</em> frame with Java-WebSocket ({@code conn.send(ByteBuffer)} would
     * send a binary one): {@code textFrame.setPayload(builder.view()); textFrame.setFin(true);
     * conn.sendFrame(textFrame);}. Version 1.6.0 copies the payload inside {@code sendFrame}
     * ({@code Draft_6455.createBinaryFrame}), so the builder may be reused as soon as it returns.
     */
    public ByteBuffer view() {
        view.clear().limit(length);
        return view;
    }

    /** A copy of the frame's bytes (for tests and rare paths; allocates). */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Makes room for {@code capacity} bytes in total, keeping the content; returns the (maybe new) array. */
    public byte[] ensureCapacity(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
            view = ByteBuffer.wrap(bytes);
        }
        return bytes;
    }

    public void put(byte b) {
        ensureCapacity(length + 1)[length++] = b;
    }

    public void put(byte[] src, int offset, int count) {
        System.arraycopy(src, offset, ensureCapacity(length + count), length, count);
        length += count;
    }

    /** Appends {@code v} in decimal. */
    public void putLong(long v) {
        byte[] dst = ensureCapacity(length + JsonBytes.MAX_LONG_CHARS);
        length = JsonBytes.writeLong(dst, length, v);
    }
}
