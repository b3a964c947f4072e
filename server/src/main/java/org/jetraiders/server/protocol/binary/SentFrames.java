package org.jetraiders.server.protocol.binary;

/**
 * The frames one binary client was sent that may serve as its delta baselines: the tick and the
 * output-ring sequence of each of the last {@code capacity} frames built for it. Only frames this
 * client was actually given are here: a snapshot its consumer skipped (lag, a full send queue) was
 * never encoded for it, and {@link #clear()} (after a Lagged skip) forgets them all.
 *
 * <p>The baseline's state itself is normally not kept here: it is the lobby's
 * {@link BinaryQuantizeStage} slot for that sequence, read in place while the stage still holds it.
 * A copy is kept only for a frame built without the stage's state (an encoder used without a stage,
 * as the tests and benchmarks do, or a snapshot the stage did not quantize), so on the server a
 * client costs two small {@code long} rings instead of a ring of quantized states.
 *
 * <p>Used by one {@link BinaryClientEncoder}'s thread only.
 */
final class SentFrames {
    /** Recorded for a frame the stage holds no state for (then it has a copy). */
    static final long NO_SEQUENCE = -1;

    private final long[] ticks;
    private final long[] sequences;
    /** Created on the first frame that needs a copy; on the server, usually never. */
    private QuantizedState[] copies;
    private int newest = -1;
    private int size;

    SentFrames(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be >= 1");
        }
        ticks = new long[capacity];
        sequences = new long[capacity];
    }

    /** The entry of the newest frame sent with this tick, or -1. */
    int find(long tick) {
        int n = ticks.length;
        for (int k = 0, i = newest; k < size; k++, i = i == 0 ? n - 1 : i - 1) {
            if (ticks[i] == tick) {
                return i;
            }
        }
        return -1;
    }

    /** The entry of the last frame sent, or -1. */
    int newest() {
        return size > 0 ? newest : -1;
    }

    long tick(int entry) {
        return ticks[entry];
    }

    /** The output-ring sequence of the entry's snapshot, or {@link #NO_SEQUENCE} when it has a copy instead. */
    long sequence(int entry) {
        return sequences[entry];
    }

    /** The entry's own copy of its baseline, or null when it is the stage's (see {@link #sequence}). */
    QuantizedState copy(int entry) {
        QuantizedState c = copies == null ? null : copies[entry];
        return c != null && c.valid ? c : null;
    }

    /** A frame was sent whose state the lobby's stage holds under {@code sequence}. */
    void recordShared(long tick, long sequence) {
        int i = advance(tick, sequence);
        if (copies != null && copies[i] != null) {
            copies[i].valid = false;
        }
    }

    /** A frame was sent from a state of the client's own: keep a copy of what a later delta needs of it. */
    void recordCopy(QuantizedState state) {
        int i = advance(state.tick, NO_SEQUENCE);
        if (copies == null) {
            copies = new QuantizedState[ticks.length];
        }
        if (copies[i] == null) {
            copies[i] = new QuantizedState(0); // a baseline only: no projectile details (see copyBaselineFrom)
        }
        copies[i].copyBaselineFrom(state);
    }

    private int advance(long tick, long sequence) {
        newest = (newest + 1) % ticks.length;
        ticks[newest] = tick;
        sequences[newest] = sequence;
        size = Math.min(size + 1, ticks.length);
        return newest;
    }

    /** Forgets every frame: none is a baseline any more. */
    void clear() {
        size = 0;
    }

    /** Copies kept (tests: a client on the stage path keeps none). */
    int copiesKept() {
        int n = 0;
        for (int i = 0; copies != null && i < copies.length; i++) {
            n += copies[i] != null ? 1 : 0;
        }
        return n;
    }
}
