package org.jetraiders.engine;

import java.util.Arrays;

/**
 * A growable byte buffer owned by one output-ring slot and one encoder. The encoding stage resets and
 * fills it once per tick; client sinks read {@link #array()} from 0 to {@link #length()}. It grows by
 * doubling, so after warm-up writing into it allocates nothing.
 *
 * <p>Thread-safety: written only by the encoding stage, read by client consumers after the stage's
 * sequence passed the slot (the ring's memory barriers publish it).
 */
public final class EncodedBuffer {
    private byte[] bytes;
    private int length;

    public EncodedBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
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
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
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
