package org.jetraiders.server.protocol.binary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.SharedCapacity;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.SnapshotEncoder;

/**
 * The once-per-tick half of the binary protocol: quantizes each snapshot (positions to 1/8 px,
 * rotations to u16, lists sorted by id) on the lobby's encoding stage, so that a binary client's own
 * encoder only copies the result and writes its delta. Quantizing is over half of a binary frame's
 * cost (19.6 µs per tick for 64 planes and 1,000 projectiles, after which each client needs 13.4 µs
 * instead of 30.5; SnapshotCodecBenchmark), so doing it once per lobby instead of once per client
 * keeps binary affordable in big lobbies.
 *
 * <p>It writes no bytes: its states live in a ring with one slot per output-ring slot, indexed by
 * the snapshot's sequence. A slot is overwritten only when the output ring reuses the snapshot's
 * slot, which happens after every client consumer has moved past it, so a consumer can read the
 * state for the snapshot it holds without locks. It runs only while binary clients are attached
 * ({@link #markInUse()} / {@link #release()}); a client that finds no state for its snapshot
 * quantizes it itself.
 *
 * <p>The slots are also the binary clients' delta baselines (an older snapshot a client was sent and
 * acknowledged), read in place instead of each client keeping copies. Those reads are NOT protected by
 * the ring: a client holding snapshot {@code S} gates the ring at {@code S - 1} or later, so the
 * encoding thread may already rewrite the slot of any older sequence {@code B} (with {@code B + size})
 * while the client reads it, if the client is about a ring behind. So each slot is a seqlock: the
 * writer marks it {@link #REWRITING} before it touches the state and publishes the new sequence after;
 * a reader looks the baseline up with {@link #heldState(long)}, reads it (through a clamping
 * {@link BaselineView}, so a torn read cannot throw), and keeps what it built only if
 * {@link #stillHolds(long)} says the slot was not touched meanwhile.
 */
public final class BinaryQuantizeStage implements SnapshotEncoder {
    /** A slot's sequence while the encoding thread rewrites its state: matches no snapshot. */
    static final long REWRITING = Long.MIN_VALUE;
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);

    private final QuantizedState[] states;
    private final DeltaBodies[] bodies;
    private final int mask;
    private final int tickRateHz;
    /** Per slot, the sequence whose state it holds (-1: none yet); written only by the encoding thread. */
    private final long[] sequences;
    private final AtomicInteger users = new AtomicInteger();

    /**
     * @param outputRingSize the lobby's output ring size (a power of two)
     * @param tickRateHz     the lobby's tick rate
     */
    public BinaryQuantizeStage(int outputRingSize, int tickRateHz) {
        if (Integer.bitCount(outputRingSize) != 1 || tickRateHz < 1) {
            throw new IllegalArgumentException("outputRingSize must be a power of two and tickRateHz >= 1");
        }
        states = new QuantizedState[outputRingSize];
        bodies = new DeltaBodies[outputRingSize];
        sequences = new long[outputRingSize];
        SharedCapacity projectileRoom = new SharedCapacity(64); // the states grow together: see SharedCapacity
        for (int i = 0; i < outputRingSize; i++) {
            states[i] = new QuantizedState(projectileRoom);
            bodies[i] = new DeltaBodies();
            sequences[i] = -1;
        }
        mask = outputRingSize - 1;
        this.tickRateHz = tickRateHz;
    }

    /** A binary client is attached: quantize from now on. */
    public void markInUse() {
        users.incrementAndGet();
    }

    /** A binary client left; with none left the stage stops quantizing. */
    public void release() {
        users.decrementAndGet();
    }

    @Override
    public void encode(Snapshot snapshot, EncodedBuffer out) {
        out.reset();
        if (users.get() <= 0) {
            return;
        }
        long sequence = snapshot.sequence();
        int slot = (int) (sequence & mask);
        SEQUENCE.setOpaque(sequences, slot, REWRITING);
        VarHandle.storeStoreFence(); // the mark is visible before any write to the state
        states[slot].capture(snapshot, tickRateHz);
        bodies[slot].reset(sequence);
        SEQUENCE.setRelease(sequences, slot, sequence); // the new state is visible before its sequence
    }

    /** Delta bodies clients copied instead of building them (for tests and metrics). */
    public long deltaBodiesReused() {
        long total = 0;
        for (DeltaBodies b : bodies) {
            total += b.reused();
        }
        return total;
    }

    /** The delta bodies shared by this snapshot's clients, or null if this stage did not quantize it. */
    DeltaBodies bodiesFor(Snapshot snapshot) {
        int slot = (int) (snapshot.sequence() & mask);
        return holds(slot, snapshot.sequence()) ? bodies[slot] : null;
    }

    /**
     * The quantized state of {@code snapshot}, or null if this stage did not quantize it. For the
     * snapshot a client consumer holds: the output ring keeps its slot from being reused meanwhile.
     */
    QuantizedState stateFor(Snapshot snapshot) {
        int slot = (int) (snapshot.sequence() & mask);
        return holds(slot, snapshot.sequence()) ? states[slot] : null;
    }

    /**
     * The state of an older snapshot (a baseline), or null if its slot no longer holds it (reused by a
     * newer one, being rewritten, or never quantized). Its slot may be rewritten while the caller reads
     * it: read it through a {@link BaselineView} and trust what was read only if
     * {@link #stillHolds(long)} is true afterwards.
     */
    QuantizedState heldState(long sequence) {
        if (sequence < 0) {
            return null;
        }
        int slot = (int) (sequence & mask);
        return holds(slot, sequence) ? states[slot] : null;
    }

    /**
     * Whether the slot of {@code sequence} still holds it, checked after reading its state: true means
     * the encoding thread did not start rewriting it before those reads (the seqlock's validation).
     */
    boolean stillHolds(long sequence) {
        VarHandle.acquireFence(); // the state's reads happen before the sequence is read again
        return (long) SEQUENCE.getVolatile(sequences, (int) (sequence & mask)) == sequence;
    }

    private boolean holds(int slot, long sequence) {
        return (long) SEQUENCE.getAcquire(sequences, slot) == sequence;
    }

    int tickRateHz() {
        return tickRateHz;
    }
}
