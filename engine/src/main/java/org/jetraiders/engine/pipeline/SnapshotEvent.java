package org.jetraiders.engine.pipeline;

import java.util.Arrays;
import com.lmax.disruptor.EventFactory;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.SharedCapacity;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.sim.TickEvents;
import org.jetraiders.engine.sim.World;

/**
 * A slot of the output ring: one tick's state in flat primitive arrays, overwritten in place by the
 * game loop ({@link #copyFrom}) and read by the encoding stage and client consumers. The slots of one
 * ring ({@link #factoryForOneRing}) grow together: when a tick needs more room for projectiles,
 * events or encoded bytes than any before, every slot grows to it at its next write
 * ({@link SharedCapacity}), so the ring stops allocating one lap after the lobby's busiest tick
 * instead of whenever later peaks happen to land in each slot. A slot made on its own grows by
 * doubling.
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
    private final RingRoom room;

    /** A slot on its own (replays, tests): its arrays and buffers grow by doubling. */
    public SnapshotEvent(int encoderCount) {
        this(new RingRoom(encoderCount, false));
    }

    private SnapshotEvent(RingRoom room) {
        this.room = room;
        encoded = new EncodedBuffer[room.encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            // grows to the format's size on first use; some formats stay unused
            encoded[i] = new EncodedBuffer(256, room.encoded[i]);
        }
    }

    /**
     * The slots of one output ring: they share their capacities. Each call makes a new ring's worth;
     * the ring's single producer (its game loop) and its encoding stage are the only writers.
     */
    public static EventFactory<SnapshotEvent> factoryForOneRing(int encoderCount) {
        RingRoom room = new RingRoom(encoderCount, true);
        return () -> new SnapshotEvent(room);
    }

    /**
     * What one ring's slots have needed: projectiles and events (game loop), bytes per format (encoding
     * stage). A slot on its own has one that shares nothing: every capacity null, so it doubles.
     */
    private static final class RingRoom {
        final SharedCapacity projectiles;
        final SharedCapacity removed;
        final SharedCapacity hits;
        final SharedCapacity kills;
        final SharedCapacity spawns;
        final SharedCapacity[] encoded;

        RingRoom(int encoderCount, boolean shared) {
            projectiles = shared ? new SharedCapacity(64) : null;
            removed = shared ? new SharedCapacity(64) : null;
            hits = shared ? new SharedCapacity(16) : null;
            kills = shared ? new SharedCapacity(8) : null;
            spawns = shared ? new SharedCapacity(8) : null;
            encoded = new SharedCapacity[encoderCount];
            for (int i = 0; shared && i < encoderCount; i++) {
                encoded[i] = new SharedCapacity(256);
            }
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
        int cap = room(room.projectiles, projectileId.length, n);
        if (cap > projectileId.length) {
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
        int hitRoom = room(room.hits, hitProjectileId.length, hits);
        if (hitRoom > hitProjectileId.length) {
            hitProjectileId = Arrays.copyOf(hitProjectileId, hitRoom);
            hitShooterId = Arrays.copyOf(hitShooterId, hitRoom);
            hitVictimId = Arrays.copyOf(hitVictimId, hitRoom);
            hitDamage = Arrays.copyOf(hitDamage, hitRoom);
            hitVictimHp = Arrays.copyOf(hitVictimHp, hitRoom);
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
        int killRoom = room(room.kills, killKillerId.length, kills);
        if (killRoom > killKillerId.length) {
            killKillerId = Arrays.copyOf(killKillerId, killRoom);
            killVictimId = Arrays.copyOf(killVictimId, killRoom);
        }
        for (int i = 0; i < kills; i++) {
            killKillerId[i] = events.killKillerId(i);
            killVictimId[i] = events.killVictimId(i);
        }
        killCount = kills;

        int spawns = events.spawnCount();
        int spawnRoom = room(room.spawns, spawnPlayerId.length, spawns);
        if (spawnRoom > spawnPlayerId.length) {
            spawnPlayerId = Arrays.copyOf(spawnPlayerId, spawnRoom);
        }
        for (int i = 0; i < spawns; i++) {
            spawnPlayerId[i] = events.spawnPlayerId(i);
        }
        spawnCount = spawns;

        int removed = events.removedProjectileCount();
        int removedRoom = room(room.removed, removedProjectileId.length, removed);
        if (removedRoom > removedProjectileId.length) {
            removedProjectileId = Arrays.copyOf(removedProjectileId, removedRoom);
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

    /** Room for projectiles this slot has now (tests). */
    int projectileCapacity() {
        return projectileId.length;
    }

    /** The length an array of {@code current} should have for {@code needed} items: shared, or doubled on its own. */
    private static int room(SharedCapacity shared, int current, int needed) {
        if (shared != null) {
            return shared.fit(needed);
        }
        return needed > current ? grow(current, needed) : current;
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
