package org.jetraiders.bench.load;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jetraiders.server.protocol.binary.BinaryWriter;

/**
 * Sends the inputs of a fixed set of clients at {@code rate} Hz each, from one thread, with the
 * clients staggered evenly over the period: send number k (client k % n, round k / n) is due at
 * {@code start + round × period + (k % n) × period / n}. Deadlines are absolute, so there is no
 * drift; a send more than 1 ms late is counted, and a sender more than a whole period behind skips
 * forward (counting the skipped sends) instead of bursting to catch up.
 */
final class InputSender implements Runnable {

    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LoadClient[] clients;
    private final double periodNanos;
    private final LoadStats stats;
    private final long startNanos;
    private final StringBuilder scratch = new StringBuilder(96);
    private final BinaryWriter binScratch = new BinaryWriter(32);
    private volatile boolean running = true;

    InputSender(List<LoadClient> clients, double rateHz, long startNanos, LoadStats stats) {
        this.clients = clients.toArray(new LoadClient[0]);
        this.periodNanos = 1e9 / rateHz;
        this.startNanos = startNanos;
        this.stats = stats;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        int n = clients.length;
        if (n == 0) {
            return;
        }
        double slotNanos = periodNanos / n;
        long k = 0;
        while (running) {
            long round = k / n;
            int i = (int) (k % n);
            long deadline = startNanos + (long) (round * periodNanos + i * slotNanos);
            long now = System.nanoTime();
            long early = deadline - now;
            if (early > 0) {
                LockSupport.parkNanos(early);
                continue; // re-check the clock and the running flag
            }
            long late = -early;
            if (late > periodNanos) {
                long behindRounds = (long) (late / periodNanos);
                stats.skippedSends.add(behindRounds * n);
                k += behindRounds * n;
                continue;
            }
            stats.sendLateness.record(late);
            if (late > LATE_NANOS) {
                stats.lateSends.increment();
            }
            clients[i].sendInput(now, scratch, binScratch);
            k++;
        }
    }
}
