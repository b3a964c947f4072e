package org.jetraiders.engine.journal;

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
 */
final class ByteQueue {
    static final int PAD = 0;
    static final int DATA = 1;
    static final int OPEN = 2;
    static final int CLOSE = 3;
    /** kind (int) and payload length (int). */
    private static final int HEADER = 8;

    private final byte[] buffer;
    private final int capacity;
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
        this.buffer = new byte[capacity];
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

    byte[] buffer() {
        return buffer;
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
        System.arraycopy(src, offset, buffer, at, length);
        commit();
        return true;
    }

    // ---- consumer --------------------------------------------------------------------------------

    /** Moves to the next entry; false when none is published. */
    boolean poll() {
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

    private void putInt(int at, int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
    }

    private int getInt(int at) {
        return (buffer[at] & 0xFF) << 24 | (buffer[at + 1] & 0xFF) << 16 | (buffer[at + 2] & 0xFF) << 8 | (buffer[at + 3] & 0xFF);
    }
}
