package org.jetraiders.engine.sim;

/**
 * Projectile state as dense flat arrays, 0 .. count-1, in spawn order (removal compacts stably,
 * so the order, and ids, stay ascending up to id wrap-around).
 */
final class Projectiles {
    final int capacity;
    int count;

    final int[] id;
    /** Owner's player id, and its slot (valid while the projectile exists: leaving removes them). */
    final int[] ownerId;
    final int[] ownerSlot;
    final double[] x;
    final double[] y;
    final double[] rot;
    final double[] vx;
    final double[] vy;
    final long[] spawnTick;
    /** Ticks of life left; the projectile is removed when this reaches 0. */
    final int[] life;

    Projectiles(int capacity) {
        this.capacity = capacity;
        id = new int[capacity];
        ownerId = new int[capacity];
        ownerSlot = new int[capacity];
        x = new double[capacity];
        y = new double[capacity];
        rot = new double[capacity];
        vx = new double[capacity];
        vy = new double[capacity];
        spawnTick = new long[capacity];
        life = new int[capacity];
    }

    /** Appends one; the caller checks {@code count < capacity}. Returns its index. */
    int add(int projectileId, int owner, int slot, double px, double py, double r, double pvx, double pvy,
            long tick, int lifeTicks) {
        int i = count++;
        id[i] = projectileId;
        ownerId[i] = owner;
        ownerSlot[i] = slot;
        x[i] = px;
        y[i] = py;
        rot[i] = r;
        vx[i] = pvx;
        vy[i] = pvy;
        spawnTick[i] = tick;
        life[i] = lifeTicks;
        return i;
    }

    void move(int from, int to) {
        id[to] = id[from];
        ownerId[to] = ownerId[from];
        ownerSlot[to] = ownerSlot[from];
        x[to] = x[from];
        y[to] = y[from];
        rot[to] = rot[from];
        vx[to] = vx[from];
        vy[to] = vy[from];
        spawnTick[to] = spawnTick[from];
        life[to] = life[from];
    }
}
