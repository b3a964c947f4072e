package org.jetraiders.engine.journal;

import java.util.Arrays;
import org.jetraiders.engine.sim.IntIntMap;

/**
 * The journal's compression dictionary for inputs, kept identically by the writer and the reader: the
 * player ids that have a small entry number, and each entry's previous input, so that an input that
 * repeats the previous one with the next sequence number costs one byte. It is not world state: any id
 * may be bound, and it restarts empty at every snapshot so a reader can start there.
 */
final class InputDictionary {
    static final int NONE = -1;

    /** Entries at first; the arrays double when a lobby binds more, up to {@code MAX_DICTIONARY}. */
    static final int INITIAL_ENTRIES = 64;

    // Sized for the players a lobby has, not for the format's limit: the full 4,096 entries cost
    // ~190 KB per lobby (3 MB of heap at 17 lobbies, allocated as each lobby opens).
    private IntIntMap indexById = new IntIntMap(INITIAL_ENTRIES);
    private int[] idByIndex = new int[INITIAL_ENTRIES];
    private boolean[] used = new boolean[INITIAL_ENTRIES];
    double[] thrust = new double[INITIAL_ENTRIES];
    double[] turn = new double[INITIAL_ENTRIES];
    boolean[] shoot = new boolean[INITIAL_ENTRIES];
    long[] seq = new long[INITIAL_ENTRIES];
    // A direct-mapped cache in front of indexById: the map's 8,192 slots spread a lobby's ids over 64 KB,
    // so every lookup missed the CPU's caches (40 % of the journal thread's time at 256 clients); a
    // lobby's players have nearby ids, which land in distinct slots of this 2 KB pair of arrays.
    private static final int CACHE_SLOTS = 256;
    /** An empty cache slot; an id of this value (a file may hold any) is never cached. */
    private static final int EMPTY = Integer.MIN_VALUE;
    private final int[] cachedId = new int[CACHE_SLOTS];
    private final int[] cachedIndex = new int[CACHE_SLOTS];
    private int size;
    private int highWater;

    InputDictionary() {
        Arrays.fill(cachedId, EMPTY);
    }

    /** The entry of {@code id}, or {@link #NONE}. */
    int indexOf(int id) {
        int slot = id & (CACHE_SLOTS - 1);
        if (cachedId[slot] == id && id != EMPTY) {
            return cachedIndex[slot];
        }
        int index = indexById.get(id);
        if (index != NONE && id != EMPTY) {
            cachedId[slot] = id;
            cachedIndex[slot] = index;
        }
        return index;
    }

    private void forget(int id) {
        int slot = id & (CACHE_SLOTS - 1);
        if (cachedId[slot] == id) {
            cachedId[slot] = EMPTY;
        }
    }

    boolean isFull() {
        return size == JournalDescriptor.MAX_DICTIONARY;
    }

    /** Gives {@code id} the lowest free entry (previous input zero); the caller checks it is unbound and not full. */
    int bind(int id) {
        if (size == used.length) {
            grow();
        }
        int i = 0;
        while (used[i]) {
            i++;
        }
        used[i] = true;
        idByIndex[i] = id;
        indexById.put(id, i);
        thrust[i] = 0;
        turn[i] = 0;
        shoot[i] = false;
        seq[i] = 0;
        size++;
        highWater = Math.max(highWater, i + 1);
        return i;
    }

    /** Doubles every array (a lobby bound more ids between two snapshots than it has room for). */
    private void grow() {
        int entries = Math.min(JournalDescriptor.MAX_DICTIONARY, used.length * 2);
        IntIntMap map = new IntIntMap(entries);
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                map.put(idByIndex[i], i);
            }
        }
        indexById = map;
        idByIndex = Arrays.copyOf(idByIndex, entries);
        used = Arrays.copyOf(used, entries);
        thrust = Arrays.copyOf(thrust, entries);
        turn = Arrays.copyOf(turn, entries);
        shoot = Arrays.copyOf(shoot, entries);
        seq = Arrays.copyOf(seq, entries);
    }

    /** Entries the arrays have room for now (grows with use). */
    int capacity() {
        return used.length;
    }

    /** Frees the entry of {@code id}, if it has one. */
    void unbind(int id) {
        forget(id);
        int i = indexById.remove(id);
        if (i != NONE) {
            used[i] = false;
            size--;
        }
    }

    int idAt(int index) {
        return used[index] ? idByIndex[index] : Integer.MIN_VALUE;
    }

    boolean isBound(int index) {
        return index >= 0 && index < used.length && used[index];
    }

    void reset() {
        for (int i = 0; i < highWater; i++) {
            if (used[i]) {
                forget(idByIndex[i]);
                indexById.remove(idByIndex[i]);
            }
        }
        Arrays.fill(used, 0, highWater, false);
        size = 0;
        highWater = 0;
    }
}
