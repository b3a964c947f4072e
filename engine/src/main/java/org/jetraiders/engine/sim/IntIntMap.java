package org.jetraiders.engine.sim;

/**
 * Open-addressing (linear probing) map from an int key to a non-negative int value, with
 * backward-shift deletion so that no tombstones build up. Fixed capacity, never allocates after
 * construction, no boxing. Used for player id to slot.
 */
public final class IntIntMap {
    /** Returned by {@link #get} and {@link #remove} for an absent key; also marks an empty cell. */
    public static final int MISSING = -1;

    private final int[] keys;
    private final int[] values;
    private final int mask;
    private final int maxSize;
    private int size;

    /** A map that can hold {@code maxSize} entries at a load factor of at most one half. */
    public IntIntMap(int maxSize) {
        if (maxSize < 0 || maxSize > 1 << 28) {
            throw new IllegalArgumentException("maxSize must be in [0, 2^28], was " + maxSize);
        }
        int capacity = Integer.highestOneBit(Math.max(4, maxSize * 2 - 1)) << 1;
        this.keys = new int[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        this.maxSize = maxSize;
        java.util.Arrays.fill(values, MISSING);
    }

    public int size() {
        return size;
    }

    public int get(int key) {
        int i = index(key);
        while (values[i] != MISSING) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    /** Inserts or replaces. @throws IllegalStateException when a new key would exceed the capacity */
    public void put(int key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must be >= 0");
        }
        int i = index(key);
        while (values[i] != MISSING) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        if (size == maxSize) {
            throw new IllegalStateException("map full: " + maxSize);
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes the key; returns its value or MISSING. */
    public int remove(int key) {
        int i = index(key);
        while (values[i] != MISSING) {
            if (keys[i] == key) {
                int old = values[i];
                shiftBack(i);
                size--;
                return old;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    /** Fills the hole at {@code hole} with a later entry of its probe run, repeatedly. */
    private void shiftBack(int hole) {
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == MISSING) {
                break;
            }
            int home = index(keys[j]);
            // the entry at j may move to the hole only if its home is not cyclically within (hole, j]
            boolean homeInRange = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeInRange) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = MISSING;
    }

    private int index(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
