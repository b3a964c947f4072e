package org.jetraiders.engine.journal;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * A single-producer single-consumer queue of byte entries between a lobby's journal (the journal
 * thread, which encodes) and the I/O thread (which writes files). Each entry is contiguous in the
 * array: one that does not fit before the end is preceded by padding and starts at 0, so the consumer
 * writes a payload with one call. An entry must be at most half the capacity; then an empty queue
 * always takes it.
 *
 * <p>Entries are {@link #DATA} (bytes for the current file), {@link #OPEN} (start a new file; the
 * payload is its relative path in UTF-8) and {@link #CLOSE}. The producer never waits: a full queue
 * means the disk is behind, and the journal breaks instead.
 *
 * <p>The bytes live outside the Java heap (a direct buffer, {@link #free freed} by the I/O thread once
 * the journal has finished): a lobby's queue is 256 KiB or more, made when the lobby opens and kept as
 * long as it runs, so on the heap every young collection after a burst of new lobbies copied it again
 * until it was old. At 1,024 clients in 64 lobbies that was a fifth of the live heap. The I/O thread
 * also writes a large entry to its file straight from here, without a copy.
 */
final class ByteQueue {
    static final int PAD = 0;
    static final int DATA = 1;
    static final int OPEN = 2;
    static final int CLOSE = 3;
    /** kind (int) and payload length (int). */
    private static final int HEADER = 8;

    private final ByteBuffer buffer;
    /** The producer's own view of {@link #buffer}, for the checksum over a frame (position and limit). */
    private final ByteBuffer producerView;
    /** The consumer's own view, for bulk copies and file writes. */
    private final ByteBuffer consumerView;
    private final int capacity;
    private boolean freed;
    private volatile long head; // bytes released by the consumer
    private volatile long tail; // bytes published by the producer
    private long claimedTail = -1;

    // consumer's current entry
    private int entryKind;
    private int entryOffset;
    private int entryLength;

    ByteQueue(int capacity) {
        if (capacity < 64) {
            throw new IllegalArgumentException("capacity must be >= 64, was " + capacity);
        }
        this.buffer = ByteBuffer.allocateDirect(capacity); // big-endian, like the headers written into it
        this.producerView = buffer.duplicate();
        this.consumerView = buffer.duplicate();
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Largest payload an entry may carry. */
    int maxPayload() {
        return capacity / 2 - HEADER;
    }

    /** Bytes waiting for the consumer (padding included). */
    long backlog() {
        return tail - head;
    }

    /** The queue's bytes, for absolute gets and puts; its position and limit are not used. */
    ByteBuffer buffer() {
        return buffer;
    }

    /** The producer's view: its position and limit are the producer's to set (the checksum). */
    ByteBuffer producerView() {
        return producerView;
    }

    /** The consumer's view of the current entry: position at its payload, limit at its end. */
    ByteBuffer entry() {
        consumerView.limit(entryOffset + entryLength).position(entryOffset);
        return consumerView;
    }

    // ---- producer --------------------------------------------------------------------------------

    /**
     * Reserves an entry; write its payload into {@link #buffer()} from the returned offset, then
     * {@link #commit()}. Returns -1 when the queue has no room (or the payload exceeds {@link #maxPayload()}).
     */
    int claim(int kind, int length) {
        if (length < 0 || length > maxPayload()) {
            return -1;
        }
        long t = tail;
        int index = (int) (t % capacity);
        int toEnd = capacity - index;
        int need = HEADER + length;
        int pad = need > toEnd ? toEnd : 0;
        if (t + pad + need - head > capacity) {
            return -1;
        }
        if (pad > 0) {
            if (toEnd >= HEADER) {
                putInt(index, PAD);
                putInt(index + 4, toEnd - HEADER);
            } // fewer than HEADER bytes to the end: the consumer skips them without a header
            t += pad;
            index = 0;
        }
        putInt(index, kind);
        putInt(index + 4, length);
        claimedTail = t + need;
        return index + HEADER;
    }

    /** Publishes the entry claimed last. */
    void commit() {
        if (claimedTail < 0) {
            throw new IllegalStateException("nothing claimed");
        }
        tail = claimedTail;
        claimedTail = -1;
    }

    /** Claims, copies and commits an entry; false when there is no room. */
    boolean offer(int kind, byte[] src, int offset, int length) {
        int at = claim(kind, length);
        if (at < 0) {
            return false;
        }
        buffer.put(at, src, offset, length);
        commit();
        return true;
    }

    // ---- consumer --------------------------------------------------------------------------------

    /** Moves to the next entry; false when none is published. */
    boolean poll() {
        if (freed) {
            return false; // nothing may read freed memory; the producer had finished before the free
        }
        while (true) {
            long h = head;
            if (h == tail) {
                return false;
            }
            int index = (int) (h % capacity);
            int toEnd = capacity - index;
            if (toEnd < HEADER) {
                head = h + toEnd;
                continue;
            }
            int kind = getInt(index);
            int length = getInt(index + 4);
            if (kind == PAD) {
                head = h + toEnd;
                continue;
            }
            entryKind = kind;
            entryOffset = index + HEADER;
            entryLength = length;
            return true;
        }
    }

    int kind() {
        return entryKind;
    }

    int offset() {
        return entryOffset;
    }

    int length() {
        return entryLength;
    }

    /** Done with the current entry: its bytes may be reused. */
    void release() {
        head = head + HEADER + entryLength;
    }

    /**
     * Gives the bytes back to the OS now rather than whenever a collection finds the buffer unreachable
     * (an old one may wait for a full cycle). The consumer's call, once the producer has finished for
     * good (its journal's {@code finished}); afterwards neither side may touch the queue. Idempotent.
     */
    void free() {
        if (!freed) {
            freed = true;
            FREE.free(buffer);
        }
    }

    boolean isFreed() {
        return freed;
    }

    private void putInt(int at, int v) {
        buffer.putInt(at, v);
    }

    private int getInt(int at) {
        return buffer.getInt(at);
    }

    /** {@code sun.misc.Unsafe.invokeCleaner}, as Netty and Agrona free direct buffers; without it, the collector frees them. */
    private interface Freer {
        void free(ByteBuffer direct);
    }

    private static final Freer FREE = unsafeFreer();

    private static Freer unsafeFreer() {
        try {
            Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
            return unsafe::invokeCleaner;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return direct -> { };
        }
    }
}
