package org.jetraiders.server.protocol.binary;

import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.KIND_WORLD_DELTA;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.KIND_WORLD_QUANTIZED;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_HP;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_ROT;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_X;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MASK_Y;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.VERSION;

import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.EncodedBuffer;

/**
 * Builds one binary connection's world frames ({@code WorldQuantized} or {@code WorldDelta}, see
 * {@code docs/PROTOCOL.md}), one per snapshot, in the chosen {@link BinaryMode}.
 *
 * <p>Per client, because a delta depends on what this client acknowledged: the encoder remembers the
 * last {@code history} frames it built ({@link SentFrames}: tick and output-ring sequence). A frame is
 * a full one (relative to the empty state) on the first call, after {@link #resetBaseline()}, and
 * whenever the acknowledged tick is not among those frames, or its state is gone.
 *
 * <p>Where a baseline's state comes from: on the server's path,
 * {@link #encode(BinaryQuantizeStage, Snapshot, long, long, EncodedBuffer)}, it is the lobby's
 * {@link BinaryQuantizeStage} slot of that snapshot, read in place (no copy per client) as long as the
 * stage still holds it: its ring has one slot per output-ring slot (64, about a second at 60 Hz), so
 * an acknowledgement older than that gets a full frame, as an unknown one does. The stage's slot may
 * be rewritten while this encoder reads it; the frame is then rebuilt as a full one (see
 * {@link BinaryQuantizeStage#stillHolds}). Without a stage ({@link #encode(Snapshot, long, long,
 * EncodedBuffer)}, tests and benchmarks), or for a snapshot the stage did not quantize, the encoder
 * keeps its own copy of what a later delta needs (planes and projectile ids), in slots reused in
 * place. Either way, after warm-up {@link #encode} allocates nothing, and the bytes for the same
 * acknowledgements are the same.
 *
 * <p>The header differs per client in every mode (the input ack), and the body per baseline. What can
 * be shared is: a lobby's {@link BinaryQuantizeStage} quantizes each snapshot once on the encoding
 * stage, and the stage path reads it from there; in DELTA mode the body built for a baseline is kept
 * with the snapshot ({@link DeltaBodies}) for the other clients that acknowledged the same tick, which
 * in a lobby is most of them.
 *
 * <p>Thread-safety: none. One instance per connection, used only by that client's consumer thread.
 */
public final class BinaryClientEncoder {
    private final BinaryMode mode;
    private final int tickRateHz;
    /** The frames sent that may serve as baselines (null in QUANTIZED mode, which has none). */
    private final SentFrames sent;
    private final BaselineView baseline = new BaselineView();
    /** Where the bound baseline lives while a frame is built: a stage slot to validate, or null for a copy. */
    private BinaryQuantizeStage baselineStage;
    private long baselineSequence;
    /** The snapshot quantized here when the lobby's stage has no state for it. */
    private QuantizedState scratch;
    private final BinaryWriter writer = new BinaryWriter(1024);
    private int fullFrames;
    private int deltaFrames;
    private long baselinesRewritten;

    /**
     * @param mode       the bandwidth step
     * @param tickRateHz the lobby's tick rate (sent in WorldDelta frames; converts spawn ticks to time)
     * @param history    how many sent frames may serve as baselines (for example 32)
     */
    public BinaryClientEncoder(BinaryMode mode, int tickRateHz, int history) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (tickRateHz < 1 || history < 1 || history > 4096) {
            throw new IllegalArgumentException("tickRateHz " + tickRateHz + " must be >= 1, history " + history + " in [1, 4096]");
        }
        this.mode = mode;
        this.tickRateHz = tickRateHz;
        // PROJECTILE_EVENTS deltas from the previous frame only; DELTA from any of the last `history`
        sent = mode == BinaryMode.QUANTIZED ? null : new SentFrames(mode == BinaryMode.DELTA ? history : 1);
    }

    /** An encoder with {@link BinaryProtocolDescriptor#DEFAULT_HISTORY} states. */
    public BinaryClientEncoder(BinaryMode mode, int tickRateHz) {
        this(mode, tickRateHz, BinaryProtocolDescriptor.DEFAULT_HISTORY);
    }

    public BinaryMode mode() {
        return mode;
    }

    /**
     * Builds this client's frame for {@code snapshot} into {@code out} (reset first).
     *
     * @param snapshot        the tick to send
     * @param inputAck        this client's last input seq the simulation used
     *                        ({@code Snapshot.planeLastInputSeq}); negative is sent as 0
     * @param clientAckedTick the latest snapshot tick the client acknowledged in its Input, or 0 for
     *                        none; used only by {@link BinaryMode#DELTA}
     * @return the frame length (always greater than 0)
     */
    public int encode(Snapshot snapshot, long inputAck, long clientAckedTick, EncodedBuffer out) {
        return encode(null, snapshot, inputAck, clientAckedTick, out);
    }

    /**
     * As {@link #encode(Snapshot, long, long, EncodedBuffer)}, taking the snapshot's quantized state
     * from the lobby's {@link BinaryQuantizeStage} instead of quantizing it again for this client
     * (falling back to quantizing it when the stage has no state for it), and the baselines from the
     * stage's slots instead of copies of its own. Same bytes either way, as long as the stage still
     * holds the acknowledged snapshot.
     */
    public int encode(BinaryQuantizeStage stage, Snapshot snapshot, long inputAck, long clientAckedTick,
                      EncodedBuffer out) {
        QuantizedState shared = stage == null ? null : stage.stateFor(snapshot);
        QuantizedState cur = shared;
        if (cur == null) { // no shared state (no stage, or it did not run for this snapshot): quantize here
            if (scratch == null) {
                scratch = new QuantizedState();
            }
            scratch.capture(snapshot, tickRateHz);
            cur = scratch;
        }
        writer.reset();
        long ack = Math.max(0, inputAck);
        if (mode == BinaryMode.QUANTIZED) {
            writeQuantized(cur, ack);
            fullFrames++;
        } else {
            int entry = mode == BinaryMode.DELTA ? (clientAckedTick > 0 ? sent.find(clientAckedTick) : -1) : sent.newest();
            BaselineView base = entry >= 0 ? bindBaseline(entry, stage, cur.tick) : null;
            DeltaBodies bodies = shared != null && mode == BinaryMode.DELTA ? stage.bodiesFor(snapshot) : null;
            if (!writeFrame(cur, base, bodies, snapshot.sequence(), ack)) {
                baselinesRewritten++; // read while the stage rewrote it: what was built from it is void
                base = null;
                writer.reset();
                writeFrame(cur, null, bodies, snapshot.sequence(), ack);
            }
            if (shared != null) {
                sent.recordShared(cur.tick, snapshot.sequence());
            } else {
                sent.recordCopy(cur); // what a later delta needs of it: planes and projectile ids
            }
            if (base == null) {
                fullFrames++;
            } else {
                deltaFrames++;
            }
        }
        out.reset();
        out.put(writer.array(), 0, writer.length());
        return out.length();
    }

    /** Forgets every baseline: the next frame is a full one. Call after a Lagged skip. */
    public void resetBaseline() {
        if (sent != null) {
            sent.clear();
        }
    }

    /** Frames built relative to the empty state so far (for metrics and tests). */
    public int fullFrames() {
        return fullFrames;
    }

    /** Frames built relative to a baseline so far. */
    public int deltaFrames() {
        return deltaFrames;
    }

    /** Frames rebuilt as full ones because the stage rewrote their baseline's slot while it was read. */
    public long baselinesRewritten() {
        return baselinesRewritten;
    }

    /** Baseline copies this encoder keeps (0 on the stage path: its baselines are the stage's). */
    int baselineCopies() {
        return sent == null ? 0 : sent.copiesKept();
    }

    /**
     * The baseline of a sent frame, or null when there is none to use: its tick is not older than the
     * current one, or its state is gone (the stage's slot moved on, or there is no stage to ask).
     */
    private BaselineView bindBaseline(int entry, BinaryQuantizeStage stage, long currentTick) {
        long tick = sent.tick(entry);
        if (tick >= currentTick) {
            return null;
        }
        QuantizedState copy = sent.copy(entry);
        if (copy != null) {
            baselineStage = null;
            return baseline.bind(copy, tick);
        }
        long sequence = sent.sequence(entry);
        QuantizedState held = stage == null ? null : stage.heldState(sequence);
        if (held == null) {
            return null;
        }
        baselineStage = stage;
        baselineSequence = sequence;
        return baseline.bind(held, tick);
    }

    /** Whether the baseline read so far was not being rewritten meanwhile (always, for a copy of ours). */
    private boolean baselineIntact() {
        return baselineStage == null || baselineStage.stillHolds(baselineSequence);
    }

    /**
     * Writes the WorldDelta frame against {@code base} (null: the empty state); false if the base was
     * rewritten while it was read, in which case nothing built from it was shared.
     */
    private boolean writeFrame(QuantizedState cur, BaselineView base, DeltaBodies bodies, long sequence, long ack) {
        if (bodies != null) {
            return writeSharedDelta(bodies, sequence, cur, base, ack);
        }
        writeDelta(cur, mode == BinaryMode.DELTA ? base : null, base, ack);
        return base == null || baselineIntact();
    }

    // ---- WorldQuantized -------------------------------------------------------------------------

    private void writeQuantized(QuantizedState s, long ack) {
        BinaryWriter w = writer;
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

    /** planeBase / projectileBase null means "relative to the empty state". */
    private void writeDelta(QuantizedState cur, BaselineView planeBase, BaselineView projectileBase, long ack) {
        writeDeltaHead(cur, ack);
        writeDeltaBody(cur, planeBase, projectileBase);
    }

    /** What differs per client: the input ack (and what precedes it). */
    private void writeDeltaHead(QuantizedState cur, long ack) {
        BinaryWriter w = writer;
        w.u8(VERSION);
        w.u8(KIND_WORLD_DELTA);
        w.varint(cur.tick);
        w.varint(ack);
    }

    /** Everything after the ack: depends only on the snapshot and the baselines. */
    private void writeDeltaBody(QuantizedState cur, BaselineView planeBase, BaselineView projectileBase) {
        BinaryWriter w = writer;
        w.varint(tickRateHz);
        w.varint(planeBase == null ? 0 : cur.tick - planeBase.tick);
        w.varint(projectileBase == null ? 0 : cur.tick - projectileBase.tick);
        writePlanes(cur, planeBase);
        writeProjectiles(cur, projectileBase);
    }

    /**
     * A DELTA frame whose body other clients of the lobby may already have built for the same
     * baseline (see {@link DeltaBodies}); built here and shared otherwise. Same bytes either way.
     * False if the baseline was rewritten while this built its body: then it is not shared.
     */
    private boolean writeSharedDelta(DeltaBodies shared, long sequence, QuantizedState cur, BaselineView base, long ack) {
        writeDeltaHead(cur, ack);
        long key = base == null ? -1 : base.tick;
        if (shared.appendTo(sequence, key, writer)) {
            return true; // built by a client whose read of the baseline was intact
        }
        int bodyStart = writer.length();
        writeDeltaBody(cur, base, base);
        if (base != null && !baselineIntact()) {
            return false;
        }
        shared.put(sequence, key, writer.array(), bodyStart, writer.length() - bodyStart);
        return true;
    }

    private void writePlanes(QuantizedState cur, BaselineView base) {
        BinaryWriter w = writer;
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
    private void writeProjectiles(QuantizedState cur, BaselineView base) {
        BinaryWriter w = writer;
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
