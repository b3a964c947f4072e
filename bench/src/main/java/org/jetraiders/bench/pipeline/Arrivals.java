package org.jetraiders.bench.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.Snapshot;

/**
 * Counts the clients that have received the snapshot carrying one input, and wakes the waiting
 * benchmark thread when the last one has: the waiter parks (it does not spin, so it does not take a
 * core from the pipeline's threads on a 2-core machine) and the last sink unparks it.
 */
final class Arrivals {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicInteger remaining = new AtomicInteger();
    private volatile long expectedInputSeq;
    private volatile Thread waiter;

    /** Before publishing input {@code inputSeq}: expect {@code clients} arrivals. */
    void arm(long inputSeq, int clients) {
        waiter = Thread.currentThread();
        remaining.set(clients);
        expectedInputSeq = inputSeq; // volatile write last: a sink that sees it also sees 'remaining'
    }

    void await() {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (remaining.get() > 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(remaining.get() + " clients never received input "
                        + expectedInputSeq);
            }
        }
    }

    long expected() {
        return expectedInputSeq;
    }

    void arrived() {
        if (remaining.decrementAndGet() == 0) {
            LockSupport.unpark(waiter);
        }
    }

    /** A client that counts itself once per expected input, when the snapshot shows it applied. */
    static final class Sink implements ClientSink {
        private final Arrivals arrivals;
        /** Plane index of the measured player in every snapshot (planes are listed by slot). */
        private final int planeIndex;
        private long counted;

        Sink(Arrivals arrivals, int planeIndex) {
            this.arrivals = arrivals;
            this.planeIndex = planeIndex;
        }

        @Override
        public void onSnapshot(Snapshot snapshot) {
            long expected = arrivals.expected();
            if (expected != counted && snapshot.planeCount() > planeIndex
                    && snapshot.planeLastInputSeq(planeIndex) == expected) {
                counted = expected;
                arrivals.arrived();
            }
        }
    }
}
