package org.jetraiders.engine.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The record frame: {@code type (u8) length (varint) payload crc (u32 big-endian)}, the CRC-32C taken
 * over type, length and payload, so a torn or flipped length fails it too.
 */
final class RecordFrames {
    private RecordFrames() {
    }

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /** Bytes a record with this payload takes in the file. */
    static int frameSize(int payloadLength) {
        return 1 + varintSize(payloadLength) + payloadLength + 4;
    }

    /**
     * Frames a record into the queue as one DATA entry; false (nothing queued) when it has no room.
     *
     * @param crc a CRC-32C to reuse (reset here)
     */
    static boolean offer(ByteQueue queue, int type, byte[] payload, int length, CRC32C crc) {
        int size = frameSize(length);
        int at = queue.claim(ByteQueue.DATA, size);
        if (at < 0) {
            return false;
        }
        write(queue.producerView(), at, type, payload, length, crc);
        queue.commit();
        return true;
    }

    /**
     * Writes the frame of a record at {@code at} of {@code dest} (absolute; the checksum moves its position
     * and limit); returns its size. The same bytes as {@link #write(byte[], int, int, byte[], int, CRC32C)}.
     */
    static int write(ByteBuffer dest, int at, int type, byte[] payload, int length, CRC32C crc) {
        int p = at;
        dest.put(p++, (byte) type);
        long v = length;
        while ((v & ~0x7FL) != 0) {
            dest.put(p++, (byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        dest.put(p++, (byte) v);
        dest.put(p, payload, 0, length);
        p += length;
        crc.reset();
        dest.limit(p).position(at);
        crc.update(dest); // on a direct buffer: the intrinsic over its address, no copy
        dest.clear();
        dest.putInt(p, (int) crc.getValue());
        return p + 4 - at;
    }

    /** Writes the frame of a record at {@code at} of {@code dest}; returns its size. */
    static int write(byte[] dest, int at, int type, byte[] payload, int length, CRC32C crc) {
        int p = at;
        dest[p++] = (byte) type;
        long v = length;
        while ((v & ~0x7FL) != 0) {
            dest[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        dest[p++] = (byte) v;
        System.arraycopy(payload, 0, dest, p, length);
        p += length;
        crc.reset();
        crc.update(dest, at, p - at);
        int c = (int) crc.getValue();
        dest[p++] = (byte) (c >>> 24);
        dest[p++] = (byte) (c >>> 16);
        dest[p++] = (byte) (c >>> 8);
        dest[p++] = (byte) c;
        return p - at;
    }
}
