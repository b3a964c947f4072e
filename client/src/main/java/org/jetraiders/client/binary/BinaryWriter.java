package org.jetraiders.client.binary;

import java.util.Arrays;

/**
 * A growable little-endian byte writer with varints. Grows by doubling, so after warm-up writing
 * allocates nothing. Not thread-safe.
 *
 * <p>Writes what the server's {@code BinaryWriter} writes (this library depends on nothing of the
 * server; the server's {@code ClientProtocolAgreementTest} compares the two).
 */
public final class BinaryWriter {
    private byte[] bytes;
    private int length;

    public BinaryWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
    }

    /** Makes room for {@code more} bytes after the current length. */
    public void ensureRemaining(int more) {
        int needed = length + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    /** Appends {@code count} bytes of {@code src} from {@code offset}. */
    public void put(byte[] src, int offset, int count) {
        ensureRemaining(count);
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    public void u8(int v) {
        ensureRemaining(1);
        bytes[length++] = (byte) v;
    }

    /** Little-endian unsigned 16 bits. */
    public void u16(int v) {
        ensureRemaining(2);
        bytes[length++] = (byte) v;
        bytes[length++] = (byte) (v >>> 8);
    }

    /** Unsigned LEB128 of {@code v} read as unsigned 64 bits. */
    public void varint(long v) {
        ensureRemaining(ProtocolDescriptor.MAX_VARINT64_BYTES);
        while ((v & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    /** Zigzag then varint: small magnitudes of either sign take few bytes. */
    public void zigzag(int v) {
        varint(((v << 1) ^ (v >> 31)) & 0xFFFFFFFFL);
    }

    /** Number of bytes {@link #varint(long)} writes for {@code v}. */
    public static int varintLength(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }
}
