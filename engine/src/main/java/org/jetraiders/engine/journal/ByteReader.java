package org.jetraiders.engine.journal;

import org.jetraiders.engine.sim.StateReader;

/**
 * Reads what a {@link ByteWriter} wrote, from a window of a byte array. Every read checks the window:
 * running past its end, an over-long varint or a string longer than the window throws
 * {@link MalformedException}. One thread at a time.
 */
public final class ByteReader implements StateReader {
    /** The input is not what its writer could have produced. */
    public static final class MalformedException extends RuntimeException {
        public MalformedException(String message) {
            super(message);
        }
    }

    private byte[] bytes;
    private int position;
    private int limit;

    public ByteReader() {
        this(new byte[0], 0, 0);
    }

    public ByteReader(byte[] bytes, int offset, int length) {
        wrap(bytes, offset, length);
    }

    public ByteReader wrap(byte[] src, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > src.length) {
            throw new IllegalArgumentException("window " + offset + "+" + length + " outside " + src.length + " bytes");
        }
        this.bytes = src;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return limit - position;
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    public int getByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    public long getVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = getByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new MalformedException("varint longer than 10 bytes at " + (position - 10));
    }

    /** An unsigned varint that must fit {@code [0, max]}. */
    public int getVarInt(int max) {
        long v = getVarLong();
        if (v < 0 || v > max) {
            throw new MalformedException("value " + v + " out of range [0, " + max + "] before " + position);
        }
        return (int) v;
    }

    public long getZigZag() {
        long v = getVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public int getU32() {
        need(4);
        int v = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
                | (bytes[position + 2] & 0xFF) << 8 | (bytes[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    public long getRawLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[position++] & 0xFF);
        }
        return v;
    }

    /** Copies {@code count} bytes into a new array. */
    public byte[] getBytes(int count) {
        need(count);
        byte[] out = java.util.Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return out;
    }

    @Override
    public long getLong() {
        return getZigZag();
    }

    @Override
    public int getInt() {
        long v = getZigZag();
        if (v != (int) v) {
            throw new MalformedException("int out of range: " + v);
        }
        return (int) v;
    }

    @Override
    public double getDouble() {
        return Double.longBitsToDouble(getRawLong());
    }

    @Override
    public boolean getBoolean() {
        int b = getByte();
        if (b > 1) {
            throw new MalformedException("boolean byte " + b);
        }
        return b == 1;
    }

    @Override
    public String getString() {
        long n = getVarLong();
        if (n == 0) {
            return null;
        }
        if (n - 1 > remaining()) { // every char takes at least a byte
            throw new MalformedException("string of " + (n - 1) + " chars in " + remaining() + " bytes");
        }
        char[] chars = new char[(int) (n - 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) getVarInt(Character.MAX_VALUE);
        }
        return new String(chars);
    }

    private void need(int n) {
        if (n < 0 || limit - position < n) {
            throw new MalformedException("needs " + n + " bytes at " + position + ", has " + (limit - position));
        }
    }
}
