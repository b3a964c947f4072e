package org.jetraiders.server.protocol.binary;

import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.KIND_WORLD_DELTA;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.KIND_WORLD_QUANTIZED;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_HP;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_ROT;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_X;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_Y;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.VERSION;

/**
 * The wire layout of the world frames ({@code WorldQuantized}, {@code WorldDelta}; see
 * {@code docs/PROTOCOL.md}): writes a quantized state, or its difference from a baseline, into a
 * {@link BinaryWriter}. Which baseline a client's frame is relative to, and which bodies clients share,
 * is {@link BinaryClientEncoder}'s business; this class only lays the bytes out, so that the same state
 * and baseline always give the same bytes.
 *
 * <p>Stateless; called on the client consumer threads (and by tests), allocates nothing.
 */
final class WorldFrames {
    private WorldFrames() {
    }

    // ---- WorldQuantized -------------------------------------------------------------------------

    /** A whole WorldQuantized frame: every plane and projectile at this tick, quantized. */
    static void writeQuantized(BinaryWriter w, QuantizedState s, long ack) {
        w.ensureRemaining(64 + s.planeCount * 20 + s.projectileCount * 24);
        w.u8(VERSION);
        w.u8(KIND_WORLD_QUANTIZED);
        w.varint(s.tick);
        w.varint(ack);
        w.varint(s.planeCount);
        int prev = 0;
        for (int i = 0; i < s.planeCount; i++) {
            prev = gap(w, prev, s.planeId[i]);
            w.zigzag(s.planeX[i]);
            w.zigzag(s.planeY[i]);
            w.u16(s.planeRot[i]);
            w.u8(s.planeHp[i]);
        }
        w.varint(s.projectileCount);
        prev = 0;
        for (int i = 0; i < s.projectileCount; i++) {
            prev = gap(w, prev, s.projectileId[i]);
            w.varint(s.projectileOwner[i] & 0xFFFFFFFFL);
            w.zigzag(s.projectileX[i]);
            w.zigzag(s.projectileY[i]);
            w.u16(s.projectileRot[i]);
        }
    }

    // ---- WorldDelta -----------------------------------------------------------------------------

    /** What differs per client: the input ack (and what precedes it). */
    static void writeDeltaHead(BinaryWriter w, QuantizedState cur, long ack) {
        w.u8(VERSION);
        w.u8(KIND_WORLD_DELTA);
        w.varint(cur.tick);
        w.varint(ack);
    }

    /** Everything after the ack: depends only on the snapshot and the baselines. */
    static void writeDeltaBody(BinaryWriter w, int tickRateHz, QuantizedState cur, BaselineView planeBase,
                               BaselineView projectileBase) {
        w.varint(tickRateHz);
        w.varint(planeBase == null ? 0 : cur.tick - planeBase.tick);
        w.varint(projectileBase == null ? 0 : cur.tick - projectileBase.tick);
        writePlanes(w, cur, planeBase);
        writeProjectiles(w, cur, projectileBase);
    }

    /** Planes removed (ids), added (full records) and changed (a field mask, then the changed fields). */
    private static void writePlanes(BinaryWriter w, QuantizedState cur, BaselineView base) {
        int baseCount = base == null ? 0 : base.planeCount;
        w.ensureRemaining(16 + (cur.planeCount + baseCount) * 24);
        // removed: in base, not in cur
        int removed = 0;
        for (int i = 0; i < baseCount; i++) {
            if (cur.planeIndex(base.planeId[i]) < 0) {
                removed++;
            }
        }
        w.varint(removed);
        int prev = 0;
        for (int i = 0; i < baseCount; i++) {
            if (cur.planeIndex(base.planeId[i]) < 0) {
                prev = gap(w, prev, base.planeId[i]);
            }
        }
        // added: in cur, not in base (full records)
        int added = 0;
        for (int i = 0; i < cur.planeCount; i++) {
            if (base == null || base.planeIndex(cur.planeId[i]) < 0) {
                added++;
            }
        }
        w.varint(added);
        prev = 0;
        for (int i = 0; i < cur.planeCount; i++) {
            if (base == null || base.planeIndex(cur.planeId[i]) < 0) {
                prev = gap(w, prev, cur.planeId[i]);
                w.zigzag(cur.planeX[i]);
                w.zigzag(cur.planeY[i]);
                w.u16(cur.planeRot[i]);
                w.u8(cur.planeHp[i]);
            }
        }
        // changed: in both with a different field
        int changed = 0;
        for (int i = 0; i < cur.planeCount && base != null; i++) {
            int b = base.planeIndex(cur.planeId[i]);
            if (b >= 0 && mask(cur, i, base, b) != 0) {
                changed++;
            }
        }
        w.varint(changed);
        prev = 0;
        for (int i = 0; i < cur.planeCount && base != null; i++) {
            int b = base.planeIndex(cur.planeId[i]);
            if (b < 0) {
                continue;
            }
            int mask = mask(cur, i, base, b);
            if (mask == 0) {
                continue;
            }
            prev = gap(w, prev, cur.planeId[i]);
            w.u8(mask);
            if ((mask & MASK_X) != 0) {
                w.zigzag(cur.planeX[i] - base.planeX[b]);
            }
            if ((mask & MASK_Y) != 0) {
                w.zigzag(cur.planeY[i] - base.planeY[b]);
            }
            if ((mask & MASK_ROT) != 0) {
                w.zigzag(BinaryQuantizer.rotationDelta(base.planeRot[b], cur.planeRot[i]));
            }
            if ((mask & MASK_HP) != 0) {
                w.u8(cur.planeHp[i]);
            }
        }
    }

    private static int mask(QuantizedState cur, int i, BaselineView base, int b) {
        int m = 0;
        if (cur.planeX[i] != base.planeX[b]) {
            m |= MASK_X;
        }
        if (cur.planeY[i] != base.planeY[b]) {
            m |= MASK_Y;
        }
        if (cur.planeRot[i] != base.planeRot[b]) {
            m |= MASK_ROT;
        }
        if (cur.planeHp[i] != base.planeHp[b]) {
            m |= MASK_HP;
        }
        return m;
    }

    /** Spawned = in cur, not in base (full spawn record); ended = in base, not in cur (id). Merge walks. */
    private static void writeProjectiles(BinaryWriter w, QuantizedState cur, BaselineView base) {
        int baseCount = base == null ? 0 : base.projectileCount;
        int[] baseIds = base == null ? null : base.projectileId;
        w.ensureRemaining(16 + cur.projectileCount * 40 + baseCount * 6);
        int spawned = 0;
        int ended = 0;
        for (int i = 0, j = 0; i < cur.projectileCount || j < baseCount; ) {
            if (j >= baseCount || (i < cur.projectileCount && cur.projectileId[i] < baseIds[j])) {
                spawned++;
                i++;
            } else if (i >= cur.projectileCount || baseIds[j] < cur.projectileId[i]) {
                ended++;
                j++;
            } else {
                i++;
                j++;
            }
        }
        w.varint(spawned);
        int prev = 0;
        long tick = cur.tick;
        for (int i = 0, j = 0; i < cur.projectileCount; i++) {
            int id = cur.projectileId[i];
            while (j < baseCount && baseIds[j] < id) {
                j++;
            }
            if (j < baseCount && baseIds[j] == id) {
                continue;
            }
            prev = gap(w, prev, id);
            w.varint(cur.projectileOwner[i] & 0xFFFFFFFFL);
            w.zigzag(cur.projectileOx[i]);
            w.zigzag(cur.projectileOy[i]);
            w.zigzag(cur.projectileVx[i]);
            w.zigzag(cur.projectileVy[i]);
            w.varint(tick - cur.projectileSpawnTick[i]);
        }
        w.varint(ended);
        prev = 0;
        for (int j = 0, i = 0; j < baseCount; j++) {
            int id = baseIds[j];
            while (i < cur.projectileCount && cur.projectileId[i] < id) {
                i++;
            }
            if (i < cur.projectileCount && cur.projectileId[i] == id) {
                continue;
            }
            prev = gap(w, prev, id);
        }
    }

    /** Writes {@code id - prev} (ids are ascending) and returns id. */
    private static int gap(BinaryWriter w, int prev, int id) {
        w.varint((id - prev) & 0xFFFFFFFFL);
        return id;
    }
}
