package org.jetraiders.engine.pipeline;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.LobbyMetrics;

/**
 * The counters behind {@link LobbyMetrics}. Single-writer counters (game loop, ticker) are volatile
 * longs written with plain increments by their one owner; multi-writer ones are {@link LongAdder}s.
 */
public final class LobbyCounters implements LobbyMetrics {
    // written by the game loop only
    volatile long ticks;
    volatile long lastTickNanos;
    volatile long inputsUnknownPlayer;
    volatile long inputsStale;
    volatile long snapshotsPublished;
    volatile long snapshotsDroppedRingFull;
    final TickTimeHistogram tickDurations = new TickTimeHistogram();
    // written by the ticker only
    volatile long lateTicks;
    volatile long skippedTicks;
    // written by any thread
    final LongAdder inputsRejectedNotFinite = new LongAdder();
    final LongAdder inputsDroppedRingFull = new LongAdder();
    final LongAdder snapshotsSkipped = new LongAdder();
    final AtomicInteger consumers = new AtomicInteger();
    private final AtomicLongArray detached = new AtomicLongArray(DetachReason.values().length);

    public void countRejectedNotFinite() {
        inputsRejectedNotFinite.increment();
    }

    public void countDroppedRingFull() {
        inputsDroppedRingFull.increment();
    }

    void countDetached(DetachReason reason) {
        detached.incrementAndGet(reason.ordinal());
        consumers.decrementAndGet();
    }

    @Override public long ticks() { return ticks; }
    @Override public long lateTicks() { return lateTicks; }
    @Override public long skippedTicks() { return skippedTicks; }
    @Override public long lastTickNanos() { return lastTickNanos; }
    @Override public long tickDurationNanos(double quantile) { return tickDurations.valueAt(quantile); }
    @Override public long inputsRejectedNotFinite() { return inputsRejectedNotFinite.sum(); }
    @Override public long inputsDroppedRingFull() { return inputsDroppedRingFull.sum(); }
    @Override public long inputsUnknownPlayer() { return inputsUnknownPlayer; }
    @Override public long inputsStale() { return inputsStale; }
    @Override public long snapshotsPublished() { return snapshotsPublished; }
    @Override public long snapshotsDroppedRingFull() { return snapshotsDroppedRingFull; }
    @Override public long snapshotsSkipped() { return snapshotsSkipped.sum(); }
    @Override public int consumers() { return consumers.get(); }
    @Override public long detached(DetachReason reason) { return detached.get(reason.ordinal()); }
}
