package org.jetraiders.engine.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.jetraiders.engine.sim.StateWriter;

/**
 * A growable byte array written front to back in the journal's encodings (docs/JOURNAL.md,
 * "Encodings"): unsigned and zigzag LEB128 varints, doubles as their 8 raw bytes big-endian, strings
 * as a varint (length + 1, 0 for null) followed by each char as a varint. Reused with {@link #reset()};
 * it allocates only to grow. One thread at a time.
 */
public final class ByteWriter implements StateWriter {
    private static final VarHandle LONG_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private byte[] bytes;
    private int length;

    public ByteWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public void reset() {
        length = 0;
    }

    public int length() {
        return length;
    }

    /** The backing array; bytes 0 .. {@link #length()} - 1 are the ones written. */
    public byte[] array() {
        return bytes;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Drops everything from {@code newLength} on. */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    public void putByte(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    public void putBytes(byte[] src, int offset, int count) {
        ensure(count);
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
    }

    /** Unsigned LEB128: 7 bits a byte, low bits first, high bit set on every byte but the last. */
    public void putVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    public void putZigZag(long v) {
        putVarLong((v << 1) ^ (v >> 63));
    }

    /** 4 bytes, big-endian. */
    public void putU32(int v) {
        ensure(4);
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    /** 8 bytes, big-endian, in one store: world images are mostly doubles (the checksum's cost on the game loop). */
    public void putRawLong(long v) {
        ensure(8);
        LONG_BIG_ENDIAN.set(bytes, length, v);
        length += 8;
    }

    @Override
    public void putLong(long v) {
        putZigZag(v);
    }

    @Override
    public void putInt(int v) {
        putZigZag(v);
    }

    /** The exact bits: replays must see the very same double. */
    @Override
    public void putDouble(double v) {
        putRawLong(Double.doubleToRawLongBits(v));
    }

    @Override
    public void putBoolean(boolean v) {
        putByte(v ? 1 : 0);
    }

    /** Any string, lone surrogates included, comes back equal; no allocation. */
    @Override
    public void putString(String s) {
        if (s == null) {
            putVarLong(0);
            return;
        }
        int n = s.length();
        putVarLong(n + 1L);
        for (int i = 0; i < n; i++) {
            putVarLong(s.charAt(i));
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
