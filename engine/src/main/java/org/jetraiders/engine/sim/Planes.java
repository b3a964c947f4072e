package org.jetraiders.engine.sim;

/**
 * Plane (player) state as flat primitive arrays indexed by slot, plus the player id to slot map.
 * Slots are handed out lowest-free-first so that slot order, and therefore every iteration over
 * planes, is the same on every run.
 */
final class Planes {
    final int capacity;
    int count;

    final boolean[] active;
    final int[] playerId;
    final String[] name;

    final double[] x;
    final double[] y;
    final double[] rot;
    final double[] throttle;
    /** Forward vector (sin rot, -cos rot) as of the last flight update, reused when firing. */
    final double[] forwardX;
    final double[] forwardY;
    final int[] hp;
    final boolean[] alive;
    final int[] respawnTicksLeft;
    final int[] cooldownTicksLeft;
    final int[] kills;
    final int[] deaths;

    // held input
    final double[] thrust;
    final double[] turn;
    final boolean[] shoot;
    final long[] lastInputSeq;
    /** The embedder's opaque key of the player (a server's resume key), 0 for none: kept, never read by the rules. */
    final long[] clientKey;

    private final IntIntMap slotById;

    Planes(int capacity) {
        this.capacity = capacity;
        active = new boolean[capacity];
        playerId = new int[capacity];
        name = new String[capacity];
        x = new double[capacity];
        y = new double[capacity];
        rot = new double[capacity];
        throttle = new double[capacity];
        forwardX = new double[capacity];
        forwardY = new double[capacity];
        hp = new int[capacity];
        alive = new boolean[capacity];
        respawnTicksLeft = new int[capacity];
        cooldownTicksLeft = new int[capacity];
        kills = new int[capacity];
        deaths = new int[capacity];
        thrust = new double[capacity];
        turn = new double[capacity];
        shoot = new boolean[capacity];
        lastInputSeq = new long[capacity];
        clientKey = new long[capacity];
        slotById = new IntIntMap(capacity);
    }

    int slotOf(int id) {
        return slotById.get(id);
    }

    /** Takes the lowest free slot for the player; returns it, or World.NO_SLOT when full or present. */
    int add(int id, String playerName) {
        if (count == capacity || slotById.get(id) != IntIntMap.MISSING) {
            return World.NO_SLOT;
        }
        int slot = 0;
        while (active[slot]) {
            slot++;
        }
        return addAt(slot, id, playerName);
    }

    /** Takes the given free slot for the player (restoring a world image); returns it, or World.NO_SLOT. */
    int addAt(int slot, int id, String playerName) {
        if (slot < 0 || slot >= capacity || active[slot] || slotById.get(id) != IntIntMap.MISSING) {
            return World.NO_SLOT;
        }
        clear(slot);
        active[slot] = true;
        playerId[slot] = id;
        name[slot] = playerName;
        slotById.put(id, slot);
        count++;
        return slot;
    }

    void remove(int slot) {
        slotById.remove(playerId[slot]);
        clear(slot);
        count--;
    }

    boolean isActive(int slot) {
        return slot >= 0 && slot < capacity && active[slot];
    }

    void clearInput(int slot) {
        thrust[slot] = 0;
        turn[slot] = 0;
        shoot[slot] = false;
    }

    private void clear(int slot) {
        active[slot] = false;
        playerId[slot] = 0;
        name[slot] = null;
        x[slot] = 0;
        y[slot] = 0;
        rot[slot] = 0;
        throttle[slot] = 0;
        forwardX[slot] = 0;
        forwardY[slot] = -1;
        hp[slot] = 0;
        alive[slot] = false;
        respawnTicksLeft[slot] = 0;
        cooldownTicksLeft[slot] = 0;
        kills[slot] = 0;
        deaths[slot] = 0;
        clearInput(slot);
        lastInputSeq[slot] = 0;
        clientKey[slot] = 0;
    }
}
