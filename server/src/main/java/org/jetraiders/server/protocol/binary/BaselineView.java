package org.jetraiders.server.protocol.binary;

import java.util.Arrays;

/**
 * What a delta reads of its baseline (planes and projectile ids), taken from a {@link QuantizedState}
 * without copying it: the references and counts are read once, and each count is clamped to the
 * arrays it indexes.
 *
 * <p>Why the clamp: the state may be a slot of the lobby's {@link BinaryQuantizeStage} that the
 * encoding thread starts rewriting while a client reads it (see
 * {@link BinaryQuantizeStage#stillHolds}). Such a read sees a mix of two snapshots; the clamp keeps it
 * from throwing, and the client then throws away what it wrote from it. Every index a delta uses is
 * below a clamped count, so a torn read can produce wrong bytes but never an exception.
 *
 * <p>One per {@link BinaryClientEncoder}; used by its thread only.
 */
final class BaselineView {
    long tick;
    int planeCount;
    int[] planeId;
    int[] planeX;
    int[] planeY;
    int[] planeRot;
    int[] planeHp;
    int projectileCount;
    int[] projectileId;

    /** Reads {@code s}'s planes and projectile ids; {@code tick} is the tick the caller knows it holds. */
    BaselineView bind(QuantizedState s, long tick) {
        this.tick = tick;
        int[] ids = s.planeId;
        int[] x = s.planeX;
        int[] y = s.planeY;
        int[] rot = s.planeRot;
        int[] hp = s.planeHp;
        int planes = s.planeCount;
        int[] projectiles = s.projectileId;
        int projectileCount = s.projectileCount;
        planeId = ids;
        planeX = x;
        planeY = y;
        planeRot = rot;
        planeHp = hp;
        int room = Math.min(Math.min(ids.length, x.length), Math.min(Math.min(y.length, rot.length), hp.length));
        this.planeCount = Math.max(0, Math.min(planes, room));
        projectileId = projectiles;
        this.projectileCount = Math.max(0, Math.min(projectileCount, projectiles.length));
        return this;
    }

    /** Index of the plane with this id, or -1 (binary search; on a torn read, any index below the count). */
    int planeIndex(int id) {
        int i = Arrays.binarySearch(planeId, 0, planeCount, id);
        return i >= 0 ? i : -1;
    }
}
