package org.jetraiders.engine.sim;

import java.util.Arrays;

/**
 * What happened during one tick, in pre-allocated growable primitive arrays, cleared at the start of
 * every step. INTERNAL.
 *
 * <p>A {@link World} sizes these arrays in its constructor for the worst case of its capacity, so
 * they never grow in practice; growth is only a safety net. Single-threaded like the World.
 */
public final class TickEvents {
    private static final int DEFAULT_CAPACITY = 16;

    private int hitCount;
    private int[] hitProjectileId;
    private int[] hitShooterId;
    private int[] hitVictimId;
    private int[] hitDamage;
    private int[] hitVictimHp;

    private int killCount;
    private int[] killKillerId;
    private int[] killVictimId;

    private int spawnCount;
    private int[] spawnPlayerId;

    private int removedCount;
    private int[] removedProjectileId;

    /** Empty, with small arrays that grow on demand. */
    public TickEvents() {
        this(DEFAULT_CAPACITY, DEFAULT_CAPACITY, DEFAULT_CAPACITY, DEFAULT_CAPACITY);
    }

    TickEvents(int hitCapacity, int killCapacity, int spawnCapacity, int removedCapacity) {
        hitProjectileId = new int[Math.max(1, hitCapacity)];
        hitShooterId = new int[hitProjectileId.length];
        hitVictimId = new int[hitProjectileId.length];
        hitDamage = new int[hitProjectileId.length];
        hitVictimHp = new int[hitProjectileId.length];
        killKillerId = new int[Math.max(1, killCapacity)];
        killVictimId = new int[killKillerId.length];
        spawnPlayerId = new int[Math.max(1, spawnCapacity)];
        removedProjectileId = new int[Math.max(1, removedCapacity)];
    }

    // hits: projectile id, shooter id, victim id, damage dealt (0 during the countdown), victim hp after
    public int hitCount() { return hitCount; }
    public int hitProjectileId(int i) { return hitProjectileId[check(i, hitCount)]; }
    public int hitShooterId(int i) { return hitShooterId[check(i, hitCount)]; }
    public int hitVictimId(int i) { return hitVictimId[check(i, hitCount)]; }
    public int hitDamage(int i) { return hitDamage[check(i, hitCount)]; }
    public int hitVictimHp(int i) { return hitVictimHp[check(i, hitCount)]; }

    // kills: killer id, victim id
    public int killCount() { return killCount; }
    public int killKillerId(int i) { return killKillerId[check(i, killCount)]; }
    public int killVictimId(int i) { return killVictimId[check(i, killCount)]; }

    // spawns (join and respawn): player id
    public int spawnCount() { return spawnCount; }
    public int spawnPlayerId(int i) { return spawnPlayerId[check(i, spawnCount)]; }

    // projectiles that ended this tick (hit, expired, or owner left): projectile id
    public int removedProjectileCount() { return removedCount; }
    public int removedProjectileId(int i) { return removedProjectileId[check(i, removedCount)]; }

    /** True when nothing happened. */
    public boolean isEmpty() {
        return hitCount == 0 && killCount == 0 && spawnCount == 0 && removedCount == 0;
    }

    // ---- writing (World only) ------------------------------------------------------------------

    void clear() {
        hitCount = 0;
        killCount = 0;
        spawnCount = 0;
        removedCount = 0;
    }

    void addHit(int projectileId, int shooterId, int victimId, int damage, int victimHp) {
        if (hitCount == hitProjectileId.length) {
            int n = hitCount * 2;
            hitProjectileId = Arrays.copyOf(hitProjectileId, n);
            hitShooterId = Arrays.copyOf(hitShooterId, n);
            hitVictimId = Arrays.copyOf(hitVictimId, n);
            hitDamage = Arrays.copyOf(hitDamage, n);
            hitVictimHp = Arrays.copyOf(hitVictimHp, n);
        }
        int i = hitCount++;
        hitProjectileId[i] = projectileId;
        hitShooterId[i] = shooterId;
        hitVictimId[i] = victimId;
        hitDamage[i] = damage;
        hitVictimHp[i] = victimHp;
    }

    void addKill(int killerId, int victimId) {
        if (killCount == killKillerId.length) {
            killKillerId = Arrays.copyOf(killKillerId, killCount * 2);
            killVictimId = Arrays.copyOf(killVictimId, killCount * 2);
        }
        killKillerId[killCount] = killerId;
        killVictimId[killCount++] = victimId;
    }

    void addSpawn(int playerId) {
        if (spawnCount == spawnPlayerId.length) {
            spawnPlayerId = Arrays.copyOf(spawnPlayerId, spawnCount * 2);
        }
        spawnPlayerId[spawnCount++] = playerId;
    }

    void addRemovedProjectile(int projectileId) {
        if (removedCount == removedProjectileId.length) {
            removedProjectileId = Arrays.copyOf(removedProjectileId, removedCount * 2);
        }
        removedProjectileId[removedCount++] = projectileId;
    }

    /** Removes every spawn event of the player (it left before the event was published). */
    void removeSpawnsOf(int playerId) {
        int w = 0;
        for (int r = 0; r < spawnCount; r++) {
            if (spawnPlayerId[r] != playerId) {
                spawnPlayerId[w++] = spawnPlayerId[r];
            }
        }
        spawnCount = w;
    }

    /** Appends other's spawns and removed projectiles (hits and kills never happen between steps). */
    void appendPending(TickEvents other) {
        for (int i = 0; i < other.spawnCount; i++) {
            addSpawn(other.spawnPlayerId[i]);
        }
        for (int i = 0; i < other.removedCount; i++) {
            addRemovedProjectile(other.removedProjectileId[i]);
        }
    }

    private static int check(int i, int count) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("index " + i + " out of " + count);
        }
        return i;
    }
}
