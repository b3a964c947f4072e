package org.jetraiders.engine;

/**
 * The room that the slots of one ring have needed for one kind of item (a lobby's projectiles, the
 * bytes of one wire format), so that every slot grows to it at its next write instead of the first
 * time a tick of its own needs it.
 *
 * <p>Why: a ring's slots are written in turn, so with growth per slot a new peak (a burst of
 * projectiles) enlarges only the slot it lands in, and the others follow one at a time as later
 * peaks happen to land in them, for minutes. Each of those growths is garbage that outlives a young
 * collection. Shared, the whole ring reaches its size within one lap of the ring and then stops
 * allocating. Growth is by a quarter, not by doubling, because every slot pays for it: what a ring
 * holds is close to its largest tick, not up to twice that.
 *
 * <p>Thread-safety: none. One thread writes a ring's slots (the game loop for the output ring, the
 * encoding stage for its buffers), and only that thread may call {@link #fit(int)}; a ring handed to
 * another thread is handed over through a queue, which publishes the field.
 */
public final class SharedCapacity {
    private static final int ALIGN = 16;
    private int capacity;

    /** @param initial the room every slot starts with */
    public SharedCapacity(int initial) {
        if (initial < 0) {
            throw new IllegalArgumentException("initial capacity must be >= 0, was " + initial);
        }
        this.capacity = initial;
    }

    /**
     * The room a slot should have to hold {@code needed} items: the largest any slot has needed so
     * far, raised by at least a quarter when {@code needed} exceeds it. A slot with less grows to this.
     */
    public int fit(int needed) {
        if (needed > capacity) {
            long grown = Math.max((long) needed, capacity + (capacity >> 2));
            long aligned = (grown + ALIGN - 1) & -ALIGN;
            capacity = (int) Math.min(aligned, Integer.MAX_VALUE - 8);
        }
        return capacity;
    }

    /** The room every slot grows to, as it stands. */
    public int capacity() {
        return capacity;
    }
}
