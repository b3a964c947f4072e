package org.jetraiders.client.binary;

import java.util.Arrays;

/**
 * The world as a binary client reconstructs it for one tick: alive planes and projectiles sorted by
 * id, in quantized units (1/8 px, u16 rotations, 1/8 px/s). From a {@code WorldQuantized} frame
 * projectiles carry their current position and rotation; from a {@code WorldDelta} frame they carry
 * origin, velocity and spawn tick, and their position is computed for {@link #tick()}.
 *
 * <p>Owned by a {@link BinarySnapshotDecoder}; valid until that decoder has decoded as many more
 * frames as its history size. Not thread-safe.
 */
public final class ClientWorldState {
    long tick;
    long ack;
    int tickRate;
    /** True when projectiles came as spawn records (WorldDelta), false for WorldQuantized. */
    boolean projectileMotion;
    boolean valid;

    int planeCount;
    int[] planeId = new int[16];
    int[] planeX = new int[16];
    int[] planeY = new int[16];
    int[] planeRot = new int[16];
    int[] planeHp = new int[16];

    int projectileCount;
    int[] projectileId = new int[64];
    int[] projectileOwner = new int[64];
    /** WorldQuantized: the current position and rotation; WorldDelta: origin (x, y) and 0. */
    int[] projectileX = new int[64];
    int[] projectileY = new int[64];
    int[] projectileRot = new int[64];
    int[] projectileVx = new int[64];
    int[] projectileVy = new int[64];
    long[] projectileSpawnTick = new long[64];

    public long tick() { return tick; }
    /** The server's input ack: the last input seq of this client the simulation used. */
    public long ack() { return ack; }
    /** Ticks per second (WorldDelta frames); 0 after a WorldQuantized frame. */
    public int tickRate() { return tickRate; }
    public boolean projectileMotion() { return projectileMotion; }

    public int planeCount() { return planeCount; }
    public int planeId(int i) { return planeId[i]; }
    public int planeQx(int i) { return planeX[i]; }
    public int planeQy(int i) { return planeY[i]; }
    public int planeQrot(int i) { return planeRot[i]; }
    public int planeHp(int i) { return planeHp[i]; }
    public double planeX(int i) { return ProtocolDescriptor.positionPx(planeX[i]); }
    public double planeY(int i) { return ProtocolDescriptor.positionPx(planeY[i]); }
    public double planeRot(int i) { return ProtocolDescriptor.rotationRad(planeRot[i]); }

    /** Index of the plane with this id, or -1. */
    public int indexOfPlane(int id) {
        int i = Arrays.binarySearch(planeId, 0, planeCount, id);
        return i >= 0 ? i : -1;
    }

    public int projectileCount() { return projectileCount; }
    public int projectileId(int i) { return projectileId[i]; }
    public int projectileOwner(int i) { return projectileOwner[i]; }
    /** WorldQuantized: the current x in 1/8 px; WorldDelta: the x at the spawn tick. */
    public int projectileQx(int i) { return projectileX[i]; }
    public int projectileQy(int i) { return projectileY[i]; }
    public int projectileQrot(int i) { return projectileRot[i]; }
    public int projectileQvx(int i) { return projectileVx[i]; }
    public int projectileQvy(int i) { return projectileVy[i]; }
    public long projectileSpawnTick(int i) { return projectileSpawnTick[i]; }

    /** Position at {@link #tick()} in px: {@code origin + v * (tick - spawnTick) / tickRate} for spawn records. */
    public double projectileX(int i) {
        return projectileX(i, tick);
    }

    public double projectileY(int i) {
        return projectileY(i, tick);
    }

    /** Position at any tick (clients move projectiles themselves between frames). */
    public double projectileX(int i, long atTick) {
        if (!projectileMotion) {
            return ProtocolDescriptor.positionPx(projectileX[i]);
        }
        return (projectileX[i] + projectileVx[i] * (double) (atTick - projectileSpawnTick[i]) / tickRate) / 8.0;
    }

    public double projectileY(int i, long atTick) {
        if (!projectileMotion) {
            return ProtocolDescriptor.positionPx(projectileY[i]);
        }
        return (projectileY[i] + projectileVy[i] * (double) (atTick - projectileSpawnTick[i]) / tickRate) / 8.0;
    }

    /** Radians; from the velocity for spawn records ({@code rot = atan2(vx, -vy)}). */
    public double projectileRot(int i) {
        if (!projectileMotion) {
            return ProtocolDescriptor.rotationRad(projectileRot[i]);
        }
        return StrictMath.atan2(projectileVx[i], -projectileVy[i]);
    }

    /** Quantized equality of everything a frame carries except the input ack. */
    public boolean sameWorld(ClientWorldState o) {
        if (tick != o.tick || planeCount != o.planeCount || projectileCount != o.projectileCount
                || projectileMotion != o.projectileMotion) {
            return false;
        }
        for (int i = 0; i < planeCount; i++) {
            if (planeId[i] != o.planeId[i] || planeX[i] != o.planeX[i] || planeY[i] != o.planeY[i]
                    || planeRot[i] != o.planeRot[i] || planeHp[i] != o.planeHp[i]) {
                return false;
            }
        }
        for (int i = 0; i < projectileCount; i++) {
            if (projectileId[i] != o.projectileId[i] || projectileOwner[i] != o.projectileOwner[i]
                    || projectileX[i] != o.projectileX[i] || projectileY[i] != o.projectileY[i]
                    || projectileRot[i] != o.projectileRot[i] || projectileVx[i] != o.projectileVx[i]
                    || projectileVy[i] != o.projectileVy[i] || projectileSpawnTick[i] != o.projectileSpawnTick[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tick=").append(tick).append(" ack=").append(ack).append(" planes=[");
        for (int i = 0; i < planeCount; i++) {
            sb.append(' ').append(planeId[i]).append(':').append(planeX[i]).append(',').append(planeY[i])
                    .append(',').append(planeRot[i]).append(',').append(planeHp[i]);
        }
        sb.append(" ] projectiles=[");
        for (int i = 0; i < projectileCount; i++) {
            sb.append(' ').append(projectileId[i]).append('/').append(projectileOwner[i]).append(':')
                    .append(projectileX[i]).append(',').append(projectileY[i]).append(',').append(projectileRot[i])
                    .append(',').append(projectileVx[i]).append(',').append(projectileVy[i]).append('@')
                    .append(projectileSpawnTick[i]);
        }
        return sb.append(" ]").toString();
    }

    void ensurePlanes(int n) {
        if (planeId.length < n) {
            int cap = Math.max(n, planeId.length * 2);
            planeId = Arrays.copyOf(planeId, cap);
            planeX = Arrays.copyOf(planeX, cap);
            planeY = Arrays.copyOf(planeY, cap);
            planeRot = Arrays.copyOf(planeRot, cap);
            planeHp = Arrays.copyOf(planeHp, cap);
        }
    }

    void ensureProjectiles(int n) {
        if (projectileId.length < n) {
            int cap = Math.max(n, projectileId.length * 2);
            projectileId = Arrays.copyOf(projectileId, cap);
            projectileOwner = Arrays.copyOf(projectileOwner, cap);
            projectileX = Arrays.copyOf(projectileX, cap);
            projectileY = Arrays.copyOf(projectileY, cap);
            projectileRot = Arrays.copyOf(projectileRot, cap);
            projectileVx = Arrays.copyOf(projectileVx, cap);
            projectileVy = Arrays.copyOf(projectileVy, cap);
            projectileSpawnTick = Arrays.copyOf(projectileSpawnTick, cap);
        }
    }
}
