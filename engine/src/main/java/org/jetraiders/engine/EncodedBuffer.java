package org.jetraiders.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A reusable byte buffer that grows by doubling, so after warm-up writing into it allocates nothing.
 * Each output-ring slot owns one per encoder: the encoding stage resets and fills it once per tick and
 * client sinks read {@link #array()} from 0 to {@link #length()}. Transports use the same class for
 * the frames they build per client.
 *
 * <p>Thread-safety: none of its own. A slot's buffers are written only by the encoding stage and read
 * by client consumers after the stage's sequence passed the slot (the ring's barriers publish them).
 */
public final class EncodedBuffer {
    private byte[] bytes;
    private int length;
    private ByteBuffer view;
    private final SharedCapacity shared;

    public EncodedBuffer(int initialCapacity) {
        this(initialCapacity, null);
    }

    /**
     * A buffer that grows with the others of its ring: to what any of them has needed, by a quarter
     * at a time (see {@link SharedCapacity}), instead of doubling on its own. Only the thread that
     * writes the ring's buffers may write this one.
     */
    public EncodedBuffer(int initialCapacity, SharedCapacity shared) {
        bytes = new byte[Math.max(16, initialCapacity)];
        view = ByteBuffer.wrap(bytes);
        this.shared = shared;
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

    /** Sets the valid length after writing directly into {@link #ensureCapacity(int)}'s array. */
    public void setLength(int newLength) {
        if (newLength < 0 || newLength > bytes.length) {
            throw new IllegalArgumentException("length " + newLength + " outside [0, " + bytes.length + "]");
        }
        length = newLength;
    }

    /** Makes room for {@code capacity} bytes in total, keeping the content; returns the (maybe new) array. */
    public byte[] ensureCapacity(int capacity) {
        if (capacity > bytes.length) {
            int grown = shared == null ? Math.max(capacity, bytes.length * 2) : shared.fit(capacity);
            bytes = Arrays.copyOf(bytes, grown);
            view = ByteBuffer.wrap(bytes);
        }
        return bytes;
    }

    /**
     * Empties the buffer and, if it shares its capacity with a ring's others, grows it to what they
     * have needed (nothing to copy, as it is empty). The writer calls it before filling the buffer.
     */
    public void resetToSharedCapacity() {
        length = 0;
        if (shared != null && shared.capacity() > bytes.length) {
            bytes = new byte[shared.capacity()];
            view = ByteBuffer.wrap(bytes);
        }
    }

    /**
     * The content as a ByteBuffer over the backing array (position 0, limit {@link #length()}); the
     * same instance until the array grows, so it costs nothing. Valid until the next write.
     */
    public ByteBuffer view() {
        view.clear().limit(length);
        return view;
    }

    /** A copy of the content (allocates: for tests and rare paths). */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    public void put(byte b) {
        ensureCapacity(length + 1)[length++] = b;
    }

    public void put(byte[] src, int offset, int count) {
        System.arraycopy(src, offset, ensureCapacity(length + count), length, count);
        length += count;
    }

    /** Appends ASCII text (JSON keys, numbers) without allocating. */
    public void putAscii(CharSequence s) {
        int n = s.length();
        byte[] dst = ensureCapacity(length + n);
        for (int i = 0; i < n; i++) {
            dst[length + i] = (byte) s.charAt(i);
        }
        length += n;
    }
}
