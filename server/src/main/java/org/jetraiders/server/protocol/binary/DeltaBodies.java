package org.jetraiders.server.protocol.binary;

/**
 * The {@code WorldDelta} bodies already built for one snapshot, by baseline tick. A delta's bytes
 * after the client's input ack depend only on the snapshot and the baseline, and the clients of a
 * lobby mostly acknowledge the same recent tick, so the first client to need a body builds it and the
 * others copy it: a lobby encodes about one delta per tick instead of one per client.
 *
 * <p>One per output-ring slot of a {@link BinaryQuantizeStage}; reset when the slot takes a new
 * snapshot. Thread-safe: client threads of one lobby may share it (each call holds the lock for a
 * copy of a few hundred bytes).
 */
final class DeltaBodies {
    /** Baselines remembered per snapshot; clients acknowledging others build their own body. */
    private static final int ENTRIES = 2;

    private final long[] baseTicks = new long[ENTRIES];
    private final BinaryWriter[] bodies = new BinaryWriter[ENTRIES];
    private long sequence = -1;
    private int nextEntry;
    private long reused;

    DeltaBodies() {
        for (int i = 0; i < ENTRIES; i++) {
            bodies[i] = new BinaryWriter(256);
        }
        clearEntries();
    }

    /** The slot now holds the snapshot of this sequence: forget the old bodies. */
    synchronized void reset(long snapshotSequence) {
        sequence = snapshotSequence;
        clearEntries();
    }

    private void clearEntries() {
        for (int i = 0; i < ENTRIES; i++) {
            baseTicks[i] = Long.MIN_VALUE;
        }
        nextEntry = 0;
    }

    /**
     * Appends the body built for this snapshot and baseline to {@code out}.
     *
     * @param baseTick the baseline's tick, or -1 for a delta from the empty state
     * @return false when there is none yet
     */
    synchronized boolean appendTo(long snapshotSequence, long baseTick, BinaryWriter out) {
        if (snapshotSequence != sequence) {
            return false;
        }
        for (int i = 0; i < ENTRIES; i++) {
            if (baseTicks[i] == baseTick) {
                out.put(bodies[i].array(), 0, bodies[i].length());
                reused++;
                return true;
            }
        }
        return false;
    }

    /** Bodies copied instead of built, since this slot was created. */
    synchronized long reused() {
        return reused;
    }

    /** Remembers a body a client built ({@code length} bytes of {@code src} from {@code offset}). */
    synchronized void put(long snapshotSequence, long baseTick, byte[] src, int offset, int length) {
        if (snapshotSequence != sequence) {
            return; // the slot moved on (cannot happen while a client holds the snapshot; harmless)
        }
        for (int i = 0; i < ENTRIES; i++) {
            if (baseTicks[i] == baseTick) {
                return; // another client built it meanwhile
            }
        }
        int i = nextEntry;
        nextEntry = (nextEntry + 1) % ENTRIES;
        bodies[i].reset();
        bodies[i].put(src, offset, length);
        baseTicks[i] = baseTick;
    }
}
