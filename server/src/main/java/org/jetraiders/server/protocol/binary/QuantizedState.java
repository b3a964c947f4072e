package org.jetraiders.server.protocol.binary;

import java.util.Arrays;
import org.jetraiders.engine.SharedCapacity;
import org.jetraiders.engine.Snapshot;

/**
 * One snapshot as a client sees it on the wire: alive planes and projectiles, quantized, sorted by id.
 * Flat growable arrays, reused in place: one per slot of a lobby's {@link BinaryQuantizeStage} (which
 * are also its binary clients' delta baselines, read through a {@link BaselineView}), and a client's
 * own only where there is no stage state to use ({@link SentFrames}).
 */
final class QuantizedState {
    private static final int[] NONE = new int[0];
    private static final long[] NO_LONGS = new long[0];
    long tick;
    boolean valid;

    int planeCount;
    int[] planeId = new int[16];
    int[] planeX = new int[16];
    int[] planeY = new int[16];
    int[] planeRot = new int[16];
    int[] planeHp = new int[16];

    int projectileCount;
    int[] projectileId = new int[64];
    int[] projectileOwner;
    /** Current position and rotation (WorldQuantized). */
    int[] projectileX;
    int[] projectileY;
    int[] projectileRot;
    /** Origin at the spawn tick and velocity (WorldDelta spawn records). */
    int[] projectileOx;
    int[] projectileOy;
    int[] projectileVx;
    int[] projectileVy;
    long[] projectileSpawnTick;

    private int[] order = NONE;
    /** Shared with the other states of a stage, which grow together (null: this one doubles on its own). */
    private final SharedCapacity projectileRoom;

    /** A full state: every projectile field, ready for {@link #capture}. */
    QuantizedState() {
        this(64);
    }

    /**
     * A full state of a stage's ring, growing its projectile arrays to what any state sharing
     * {@code projectileRoom} has needed (see {@link SharedCapacity}); only the stage's writer captures.
     */
    QuantizedState(SharedCapacity projectileRoom) {
        this(projectileRoom.capacity(), projectileRoom);
    }

    /**
     * @param projectileDetail initial room for projectile details beyond ids; 0 for a state only ever
     *                         used as a baseline ({@link #copyBaselineFrom}), which never needs them:
     *                         a client keeps dozens of those, so they stay small
     */
    QuantizedState(int projectileDetail) {
        this(projectileDetail, null);
    }

    private QuantizedState(int projectileDetail, SharedCapacity projectileRoom) {
        this.projectileRoom = projectileRoom;
        if (projectileDetail > projectileId.length) {
            projectileId = new int[projectileDetail];
        }
        projectileOwner = ints(projectileDetail);
        projectileX = ints(projectileDetail);
        projectileY = ints(projectileDetail);
        projectileRot = ints(projectileDetail);
        projectileOx = ints(projectileDetail);
        projectileOy = ints(projectileDetail);
        projectileVx = ints(projectileDetail);
        projectileVy = ints(projectileDetail);
        projectileSpawnTick = projectileDetail == 0 ? NO_LONGS : new long[projectileDetail];
    }

    /** Empty arrays are shared: a baseline has nine of them, and a server has thousands of baselines. */
    private static int[] ints(int n) {
        return n == 0 ? NONE : new int[n];
    }

    /** Quantizes the snapshot's alive planes and its projectiles, sorted by id, duplicates dropped. */
    void capture(Snapshot s, int tickRateHz) {
        tick = s.tick();
        valid = true;
        capturePlanes(s);
        captureProjectiles(s, tickRateHz);
    }

    private void capturePlanes(Snapshot s) {
        int n = s.planeCount();
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (s.planeAlive(i)) {
                m = insertSorted(order, m, i, s, true);
            }
        }
        ensurePlanes(m);
        int w = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            int id = s.planeId(i);
            if (id < 0 || (w > 0 && planeId[w - 1] == id)) { // ids on the wire are non-negative
                continue;
            }
            planeId[w] = id;
            planeX[w] = BinaryQuantizer.position(s.planeX(i));
            planeY[w] = BinaryQuantizer.position(s.planeY(i));
            planeRot[w] = BinaryQuantizer.rotation(s.planeRot(i));
            planeHp[w] = BinaryQuantizer.hp(s.planeHp(i));
            w++;
        }
        planeCount = w;
    }

    private void captureProjectiles(Snapshot s, int tickRateHz) {
        int n = s.projectileCount();
        if (projectileRoom != null) {
            int room = projectileRoom.fit(n);
            if (order.length < room) {
                order = new int[room];
            }
        } else if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            m = insertSorted(order, m, i, s, false);
        }
        ensureProjectiles(m);
        long now = s.tick();
        int w = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            int id = s.projectileId(i);
            if (id < 0 || s.projectileOwner(i) < 0 || (w > 0 && projectileId[w - 1] == id)) {
                continue;
            }
            double x = s.projectileX(i);
            double y = s.projectileY(i);
            double vx = s.projectileVx(i);
            double vy = s.projectileVy(i);
            long spawn = Math.min(s.projectileSpawnTick(i), now);
            double age = (now - spawn) / (double) tickRateHz;
            projectileId[w] = id;
            projectileOwner[w] = s.projectileOwner(i);
            projectileX[w] = BinaryQuantizer.position(x);
            projectileY[w] = BinaryQuantizer.position(y);
            projectileRot[w] = BinaryQuantizer.rotation(s.projectileRot(i));
            projectileOx[w] = BinaryQuantizer.position(x - vx * age);
            projectileOy[w] = BinaryQuantizer.position(y - vy * age);
            projectileVx[w] = BinaryQuantizer.velocity(vx);
            projectileVy[w] = BinaryQuantizer.velocity(vy);
            projectileSpawnTick[w] = spawn;
            w++;
        }
        projectileCount = w;
    }

    /** Insertion sort step by id: the engine's lists are already (nearly) sorted, so this is linear. */
    private static int insertSorted(int[] order, int m, int index, Snapshot s, boolean planes) {
        int id = planes ? s.planeId(index) : s.projectileId(index);
        int j = m;
        while (j > 0 && (planes ? s.planeId(order[j - 1]) : s.projectileId(order[j - 1])) > id) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = index;
        return m + 1;
    }

    /**
     * Makes this a baseline of {@code other}: its tick, planes and projectile ids, which is all a delta
     * reads of its baseline (spawn records come from the current state). A tenth of a full copy, in
     * time and in the memory of a client's history.
     */
    void copyBaselineFrom(QuantizedState other) {
        tick = other.tick;
        valid = other.valid;
        ensurePlanes(other.planeCount);
        int n = other.planeCount;
        System.arraycopy(other.planeId, 0, planeId, 0, n);
        System.arraycopy(other.planeX, 0, planeX, 0, n);
        System.arraycopy(other.planeY, 0, planeY, 0, n);
        System.arraycopy(other.planeRot, 0, planeRot, 0, n);
        System.arraycopy(other.planeHp, 0, planeHp, 0, n);
        planeCount = n;
        int m = other.projectileCount;
        if (projectileId.length < m) {
            projectileId = Arrays.copyOf(projectileId, Math.max(m, projectileId.length * 2));
        }
        System.arraycopy(other.projectileId, 0, projectileId, 0, m);
        projectileCount = m;
    }

    /** Index of the plane with this id, or -1 (binary search). */
    int planeIndex(int id) {
        int i = Arrays.binarySearch(planeId, 0, planeCount, id);
        return i >= 0 ? i : -1;
    }

    private void ensurePlanes(int n) {
        if (planeId.length < n) {
            int cap = Math.max(n, planeId.length * 2);
            planeId = Arrays.copyOf(planeId, cap);
            planeX = Arrays.copyOf(planeX, cap);
            planeY = Arrays.copyOf(planeY, cap);
            planeRot = Arrays.copyOf(planeRot, cap);
            planeHp = Arrays.copyOf(planeHp, cap);
        }
    }

    private void ensureProjectiles(int n) {
        int cap = projectileRoom != null ? projectileRoom.fit(n)
                : projectileId.length < n ? Math.max(n, projectileId.length * 2) : projectileId.length;
        if (projectileId.length < cap) {
            projectileId = Arrays.copyOf(projectileId, cap);
            projectileOwner = Arrays.copyOf(projectileOwner, cap);
            projectileX = Arrays.copyOf(projectileX, cap);
            projectileY = Arrays.copyOf(projectileY, cap);
            projectileRot = Arrays.copyOf(projectileRot, cap);
            projectileOx = Arrays.copyOf(projectileOx, cap);
            projectileOy = Arrays.copyOf(projectileOy, cap);
            projectileVx = Arrays.copyOf(projectileVx, cap);
            projectileVy = Arrays.copyOf(projectileVy, cap);
            projectileSpawnTick = Arrays.copyOf(projectileSpawnTick, cap);
        }
    }
}
