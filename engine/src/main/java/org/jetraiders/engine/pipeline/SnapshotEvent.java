package org.jetraiders.engine.pipeline;

import java.util.Arrays;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.sim.TickEvents;
import org.jetraiders.engine.sim.World;

/**
 * A slot of the output ring: one tick's state in flat primitive arrays, overwritten in place by the
 * game loop ({@link #copyFrom}) and read by the encoding stage and client consumers. Arrays grow by
 * doubling when a bigger lobby needs them, so a slot stops allocating once warmed up.
 */
public final class SnapshotEvent implements Snapshot {
    private long sequence;
    private long tick;
    private LobbyStatus status = LobbyStatus.LOBBY;
    private int matchSecondsLeft = -1;
    private long scoresVersion;

    private int planeCount;
    private int[] planeId = new int[16];
    private String[] planeName = new String[16];
    private double[] planeX = new double[16];
    private double[] planeY = new double[16];
    private double[] planeRot = new double[16];
    private double[] planeThrottle = new double[16];
    private int[] planeHp = new int[16];
    private boolean[] planeAlive = new boolean[16];
    private int[] planeKills = new int[16];
    private int[] planeDeaths = new int[16];
    private long[] planeLastInputSeq = new long[16];

    private int projectileCount;
    private int[] projectileId = new int[64];
    private int[] projectileOwner = new int[64];
    private double[] projectileX = new double[64];
    private double[] projectileY = new double[64];
    private double[] projectileRot = new double[64];
    private double[] projectileVx = new double[64];
    private double[] projectileVy = new double[64];
    private long[] projectileSpawnTick = new long[64];

    private int hitCount;
    private int[] hitProjectileId = new int[16];
    private int[] hitShooterId = new int[16];
    private int[] hitVictimId = new int[16];
    private int[] hitDamage = new int[16];
    private int[] hitVictimHp = new int[16];

    private int killCount;
    private int[] killKillerId = new int[8];
    private int[] killVictimId = new int[8];

    private int spawnCount;
    private int[] spawnPlayerId = new int[8];

    private int removedCount;
    private int[] removedProjectileId = new int[64];

    private final EncodedBuffer[] encoded;

    public SnapshotEvent(int encoderCount) {
        encoded = new EncodedBuffer[encoderCount];
        for (int i = 0; i < encoderCount; i++) {
            encoded[i] = new EncodedBuffer(256); // grows to the format's size on first use; some formats stay unused
        }
    }

    /** Copies the world's state after a step; {@code statusOverride} replaces the world's status when non-null. */
    public void copyFrom(World world, long sequence, LobbyStatus statusOverride) {
        this.sequence = sequence;
        this.tick = world.tick();
        this.status = statusOverride != null ? statusOverride : world.status();
        this.matchSecondsLeft = world.matchSecondsLeft();
        this.scoresVersion = world.scoresVersion();
        copyPlanes(world);
        copyProjectiles(world);
        copyEvents(world.events());
        for (EncodedBuffer buffer : encoded) {
            buffer.reset();
        }
    }

    private void copyPlanes(World world) {
        ensurePlaneCapacity(world.playerCount());
        int n = 0;
        for (int slot = 0, cap = world.slotCapacity(); slot < cap; slot++) {
            if (!world.isActive(slot)) {
                continue;
            }
            if (n == planeId.length) {
                ensurePlaneCapacity(n + 1);
            }
            planeId[n] = world.playerId(slot);
            planeName[n] = world.playerName(slot);
            planeX[n] = world.planeX(slot);
            planeY[n] = world.planeY(slot);
            planeRot[n] = world.planeRot(slot);
            planeThrottle[n] = world.planeThrottle(slot);
            planeHp[n] = world.planeHp(slot);
            planeAlive[n] = world.planeAlive(slot);
            planeKills[n] = world.kills(slot);
            planeDeaths[n] = world.deaths(slot);
            planeLastInputSeq[n] = world.lastInputSeq(slot);
            n++;
        }
        for (int i = n; i < planeCount; i++) {
            planeName[i] = null; // do not pin names of players who left
        }
        planeCount = n;
    }

    private void copyProjectiles(World world) {
        int n = world.projectileCount();
        if (n > projectileId.length) {
            int cap = grow(projectileId.length, n);
            projectileId = Arrays.copyOf(projectileId, cap);
            projectileOwner = Arrays.copyOf(projectileOwner, cap);
            projectileX = Arrays.copyOf(projectileX, cap);
            projectileY = Arrays.copyOf(projectileY, cap);
            projectileRot = Arrays.copyOf(projectileRot, cap);
            projectileVx = Arrays.copyOf(projectileVx, cap);
            projectileVy = Arrays.copyOf(projectileVy, cap);
            projectileSpawnTick = Arrays.copyOf(projectileSpawnTick, cap);
        }
        for (int i = 0; i < n; i++) {
            projectileId[i] = world.projectileId(i);
            projectileOwner[i] = world.projectileOwner(i);
            projectileX[i] = world.projectileX(i);
            projectileY[i] = world.projectileY(i);
            projectileRot[i] = world.projectileRot(i);
            projectileVx[i] = world.projectileVx(i);
            projectileVy[i] = world.projectileVy(i);
            projectileSpawnTick[i] = world.projectileSpawnTick(i);
        }
        projectileCount = n;
    }

    private void copyEvents(TickEvents events) {
        int hits = events.hitCount();
        if (hits > hitProjectileId.length) {
            int cap = grow(hitProjectileId.length, hits);
            hitProjectileId = Arrays.copyOf(hitProjectileId, cap);
            hitShooterId = Arrays.copyOf(hitShooterId, cap);
            hitVictimId = Arrays.copyOf(hitVictimId, cap);
            hitDamage = Arrays.copyOf(hitDamage, cap);
            hitVictimHp = Arrays.copyOf(hitVictimHp, cap);
        }
        for (int i = 0; i < hits; i++) {
            hitProjectileId[i] = events.hitProjectileId(i);
            hitShooterId[i] = events.hitShooterId(i);
            hitVictimId[i] = events.hitVictimId(i);
            hitDamage[i] = events.hitDamage(i);
            hitVictimHp[i] = events.hitVictimHp(i);
        }
        hitCount = hits;

        int kills = events.killCount();
        if (kills > killKillerId.length) {
            int cap = grow(killKillerId.length, kills);
            killKillerId = Arrays.copyOf(killKillerId, cap);
            killVictimId = Arrays.copyOf(killVictimId, cap);
        }
        for (int i = 0; i < kills; i++) {
            killKillerId[i] = events.killKillerId(i);
            killVictimId[i] = events.killVictimId(i);
        }
        killCount = kills;

        int spawns = events.spawnCount();
        if (spawns > spawnPlayerId.length) {
            spawnPlayerId = Arrays.copyOf(spawnPlayerId, grow(spawnPlayerId.length, spawns));
        }
        for (int i = 0; i < spawns; i++) {
            spawnPlayerId[i] = events.spawnPlayerId(i);
        }
        spawnCount = spawns;

        int removed = events.removedProjectileCount();
        if (removed > removedProjectileId.length) {
            removedProjectileId = Arrays.copyOf(removedProjectileId, grow(removedProjectileId.length, removed));
        }
        for (int i = 0; i < removed; i++) {
            removedProjectileId[i] = events.removedProjectileId(i);
        }
        removedCount = removed;
    }

    private void ensurePlaneCapacity(int needed) {
        if (needed <= planeId.length) {
            return;
        }
        int cap = grow(planeId.length, needed);
        planeId = Arrays.copyOf(planeId, cap);
        planeName = Arrays.copyOf(planeName, cap);
        planeX = Arrays.copyOf(planeX, cap);
        planeY = Arrays.copyOf(planeY, cap);
        planeRot = Arrays.copyOf(planeRot, cap);
        planeThrottle = Arrays.copyOf(planeThrottle, cap);
        planeHp = Arrays.copyOf(planeHp, cap);
        planeAlive = Arrays.copyOf(planeAlive, cap);
        planeKills = Arrays.copyOf(planeKills, cap);
        planeDeaths = Arrays.copyOf(planeDeaths, cap);
        planeLastInputSeq = Arrays.copyOf(planeLastInputSeq, cap);
    }

    private static int grow(int current, int needed) {
        int cap = Math.max(1, current);
        while (cap < needed) {
            cap *= 2;
        }
        return cap;
    }

    @Override public long sequence() { return sequence; }
    @Override public long tick() { return tick; }
    @Override public LobbyStatus status() { return status; }
    @Override public int matchSecondsLeft() { return matchSecondsLeft; }
    @Override public long scoresVersion() { return scoresVersion; }

    @Override public int planeCount() { return planeCount; }
    @Override public int planeId(int i) { return planeId[i]; }
    @Override public String planeName(int i) { return planeName[i]; }
    @Override public double planeX(int i) { return planeX[i]; }
    @Override public double planeY(int i) { return planeY[i]; }
    @Override public double planeRot(int i) { return planeRot[i]; }
    @Override public double planeThrottle(int i) { return planeThrottle[i]; }
    @Override public int planeHp(int i) { return planeHp[i]; }
    @Override public boolean planeAlive(int i) { return planeAlive[i]; }
    @Override public int planeKills(int i) { return planeKills[i]; }
    @Override public int planeDeaths(int i) { return planeDeaths[i]; }
    @Override public long planeLastInputSeq(int i) { return planeLastInputSeq[i]; }

    @Override public int projectileCount() { return projectileCount; }
    @Override public int projectileId(int i) { return projectileId[i]; }
    @Override public int projectileOwner(int i) { return projectileOwner[i]; }
    @Override public double projectileX(int i) { return projectileX[i]; }
    @Override public double projectileY(int i) { return projectileY[i]; }
    @Override public double projectileRot(int i) { return projectileRot[i]; }
    @Override public double projectileVx(int i) { return projectileVx[i]; }
    @Override public double projectileVy(int i) { return projectileVy[i]; }
    @Override public long projectileSpawnTick(int i) { return projectileSpawnTick[i]; }

    @Override public int hitCount() { return hitCount; }
    @Override public int hitProjectileId(int i) { return hitProjectileId[i]; }
    @Override public int hitShooterId(int i) { return hitShooterId[i]; }
    @Override public int hitVictimId(int i) { return hitVictimId[i]; }
    @Override public int hitDamage(int i) { return hitDamage[i]; }
    @Override public int hitVictimHp(int i) { return hitVictimHp[i]; }

    @Override public int killCount() { return killCount; }
    @Override public int killKillerId(int i) { return killKillerId[i]; }
    @Override public int killVictimId(int i) { return killVictimId[i]; }

    @Override public int spawnCount() { return spawnCount; }
    @Override public int spawnPlayerId(int i) { return spawnPlayerId[i]; }

    @Override public int removedProjectileCount() { return removedCount; }
    @Override public int removedProjectileId(int i) { return removedProjectileId[i]; }

    @Override
    public EncodedBuffer encoded(int index) {
        return encoded[index];
    }

    int encoderCount() {
        return encoded.length;
    }
}
