package org.jetraiders.server.transport;

/**
 * Estimates the bytes waiting in a Java-WebSocket connection's unbounded send queue without walking
 * it (walking allocates an iterator per check): we remember the sizes of the last frames we queued;
 * the library tells us how many frames are still queued, and the queue is FIFO, so the newest that
 * many of ours are what waits. Control frames the library queues itself are few and small.
 */
final class SendQueueGauge {
    private static final int REMEMBERED = 64;

    private final int[] sizes = new int[REMEMBERED];
    private long sent;

    synchronized void recordQueued(int bytes) {
        sizes[(int) (sent++ % REMEMBERED)] = bytes;
    }

    /** Bytes of the newest {@code framesQueued} frames; beyond what we remember, definitely too many. */
    synchronized long queuedBytes(int framesQueued) {
        if (framesQueued <= 0) {
            return 0;
        }
        if (framesQueued > REMEMBERED || framesQueued > sent) {
            return framesQueued > REMEMBERED ? Long.MAX_VALUE : sumNewest((int) sent);
        }
        return sumNewest(framesQueued);
    }

    private long sumNewest(int n) {
        long total = 0;
        for (int i = 1; i <= n; i++) {
            total += sizes[(int) ((sent - i) % REMEMBERED)];
        }
        return total;
    }
}
