package org.jetraiders.server.protocol.binary;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;

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
 * stage still holds it: its ring has one slot per output-ring slot (half a second: 32 at 60 Hz), so
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
 * <p>The bytes themselves are laid out by {@link WorldFrames}.
 *
 * <p>Thread-safety: none. One instance per connection, used only by that client's consumer thread.
 * Frames are built in a buffer of the calling thread's ({@link #FRAME_BUILDER}) and copied out before
 * {@code encode} returns, so the encoders a thread serves share it.
 */
public final class BinaryClientEncoder {
    private final BinaryMode mode;
    private final int tickRateHz;
    /** The frames sent that may serve as baselines (null in QUANTIZED mode, which has none). */
    private final SentFrames sent;
    private final BaselineView baseline = new BaselineView();
    /**
     * Where the bound baseline lives while a frame is built: a slot of the stage passed to encode, to
     * validate afterwards, or a copy of ours. A flag rather than a reference to the stage, since a
     * reference stored on every frame into this long-lived object is a card G1 must refine.
     */
    private boolean baselineInStage;
    private long baselineSequence;
    /** The snapshot quantized here when the lobby's stage has no state for it. */
    private QuantizedState scratch;
    /**
     * Where frames are built before they are copied out: one per thread rather than one per client. A
     * full frame grows it to a few KB, which a thousand clients would each keep (4 MB at 1,024); a
     * shared one also stays in the sending thread's cache from one client to the next.
     */
    private static final ThreadLocal<BinaryWriter> FRAME_BUILDER = ThreadLocal.withInitial(() -> new BinaryWriter(1024));
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
        BinaryWriter writer = FRAME_BUILDER.get();
        writer.reset();
        long ack = Math.max(0, inputAck);
        if (mode == BinaryMode.QUANTIZED) {
            WorldFrames.writeQuantized(writer, cur, ack);
            fullFrames++;
        } else {
            int entry = mode == BinaryMode.DELTA ? (clientAckedTick > 0 ? sent.find(clientAckedTick) : -1) : sent.newest();
            BaselineView base = entry >= 0 ? bindBaseline(entry, stage, cur.tick) : null;
            DeltaBodies bodies = shared != null && mode == BinaryMode.DELTA ? stage.bodiesFor(snapshot) : null;
            if (!writeFrame(writer, stage, cur, base, bodies, snapshot.sequence(), ack)) {
                baselinesRewritten++; // read while the stage rewrote it: what was built from it is void
                base = null;
                writer.reset();
                writeFrame(writer, stage, cur, null, bodies, snapshot.sequence(), ack);
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
            baselineInStage = false;
            return baseline.bind(copy, tick);
        }
        long sequence = sent.sequence(entry);
        QuantizedState held = stage == null ? null : stage.heldState(sequence);
        if (held == null) {
            return null;
        }
        baselineInStage = true;
        baselineSequence = sequence;
        return baseline.bind(held, tick);
    }

    /** Whether the baseline read so far was not being rewritten meanwhile (always, for a copy of ours). */
    private boolean baselineIntact(BinaryQuantizeStage stage) {
        return !baselineInStage || stage.stillHolds(baselineSequence);
    }

    /**
     * Writes the WorldDelta frame against {@code base} (null: the empty state); false if the base was
     * rewritten while it was read, in which case nothing built from it was shared.
     */
    private boolean writeFrame(BinaryWriter writer, BinaryQuantizeStage stage, QuantizedState cur, BaselineView base,
                               DeltaBodies bodies, long sequence, long ack) {
        if (bodies != null) {
            return writeSharedDelta(writer, stage, bodies, sequence, cur, base, ack);
        }
        writeDelta(writer, cur, mode == BinaryMode.DELTA ? base : null, base, ack);
        return base == null || baselineIntact(stage);
    }

    /** planeBase / projectileBase null means "relative to the empty state". */
    private void writeDelta(BinaryWriter writer, QuantizedState cur, BaselineView planeBase, BaselineView projectileBase,
                            long ack) {
        WorldFrames.writeDeltaHead(writer, cur, ack);
        WorldFrames.writeDeltaBody(writer, tickRateHz, cur, planeBase, projectileBase);
    }

    /**
     * A DELTA frame whose body other clients of the lobby may already have built for the same
     * baseline (see {@link DeltaBodies}); built here and shared otherwise. Same bytes either way.
     * False if the baseline was rewritten while this built its body: then it is not shared.
     */
    private boolean writeSharedDelta(BinaryWriter writer, BinaryQuantizeStage stage, DeltaBodies shared, long sequence,
                                     QuantizedState cur, BaselineView base, long ack) {
        WorldFrames.writeDeltaHead(writer, cur, ack);
        long key = base == null ? -1 : base.tick;
        if (shared.appendTo(sequence, key, writer)) {
            return true; // built by a client whose read of the baseline was intact
        }
        int bodyStart = writer.length();
        WorldFrames.writeDeltaBody(writer, tickRateHz, cur, base, base);
        if (base != null && !baselineIntact(stage)) {
            return false;
        }
        shared.put(sequence, key, writer.array(), bodyStart, writer.length() - bodyStart);
        return true;
    }
}
