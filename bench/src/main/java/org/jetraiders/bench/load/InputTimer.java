package org.jetraiders.bench.load;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jetraiders.client.binary.BinaryWriter;

/**
 * The input clock of one I/O thread: every period (1/rate s) it has each of the thread's clients
 * write its input, one write per client. The period is cut into {@code slots} (at most
 * {@value #MAX_SLOTS}) and the clients are spread over them in order, so the inputs leave in small
 * batches about 1 ms apart instead of one burst: the server sees them arrive through its tick as it
 * would from real players, and the latency probes (spread over the client indices) send at different
 * phases of the server's tick, which the input-to-effect percentiles need. Slot {@code s} of round
 * {@code r} is due at {@code start + r × period + s × period / slots}; the I/O threads' starts are
 * offset so that their slots interleave.
 *
 * <p>Deadlines are absolute, so there is no drift. Each send's lateness is recorded
 * ({@code send_lateness_ms}); one more than 1 ms late is counted as late; a timer more than a whole
 * period behind skips the missed rounds (counting the skipped sends) instead of bursting to catch
 * up. Runs on its I/O thread only; the scratch writer is shared by that thread's clients.
 */
final class InputTimer {

    /** Slots per period: 16 at 60 Hz is about one batch per millisecond. */
    static final int MAX_SLOTS = 16;
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A client that writes its own input frame. */
    interface Target {
        /** Writes the next input (if the client has joined), using {@code scratch} for the payload. */
        void sendInput(long nowNanos, BinaryWriter scratch);
    }

    private final Target[][] slots;
    private final int clients;
    private final double periodNanos;
    private final double slotNanos;
    private final long startNanos;
    private final LoadStats stats;
    private final LongSupplier clock;
    private final BinaryWriter scratch = new BinaryWriter(128);
    /** Next slot to send: round k / slots, slot k % slots. */
    private long k;

    InputTimer(List<? extends Target> targets, double rateHz, long startNanos, LoadStats stats, LongSupplier clock) {
        this.clients = targets.size();
        int n = Math.max(1, Math.min(MAX_SLOTS, clients));
        this.slots = new Target[n][];
        for (int s = 0; s < n; s++) {
            int from = (int) ((long) s * clients / n);
            int to = (int) ((long) (s + 1) * clients / n);
            slots[s] = targets.subList(from, to).toArray(new Target[0]);
        }
        this.periodNanos = 1e9 / rateHz;
        this.slotNanos = periodNanos / n;
        this.startNanos = startNanos;
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * The timer of I/O thread {@code thread} of {@code threads}: started {@code thread / threads} of
     * a slot after {@code t0}, so the threads' batches interleave.
     */
    static InputTimer forThread(List<? extends Target> targets, double rateHz, long t0, int thread, int threads,
                                LoadStats stats) {
        int n = Math.max(1, Math.min(MAX_SLOTS, targets.size()));
        long offset = (long) (1e9 / rateHz / n * thread / threads);
        return new InputTimer(targets, rateHz, t0 + offset, stats, System::nanoTime);
    }

    int slotCount() {
        return slots.length;
    }

    /** When slot number {@code index} (counting from the start, all rounds) is due. */
    long deadline(long index) {
        long round = index / slots.length;
        int slot = (int) (index % slots.length);
        return startNanos + (long) (round * periodNanos + slot * slotNanos);
    }

    /** Sends every slot that is due at {@code now}; returns when the next one is due. */
    long runDue(long now) {
        if (clients == 0) {
            return now + (long) periodNanos;
        }
        while (true) {
            long deadline = deadline(k);
            long late = now - deadline;
            if (late < 0) {
                return deadline;
            }
            if (late > periodNanos) {
                long behindRounds = (long) (late / periodNanos);
                stats.skippedSends.add(behindRounds * clients);
                k += behindRounds * slots.length;
                continue;
            }
            for (Target t : slots[(int) (k % slots.length)]) {
                long sendNow = clock.getAsLong();
                long lateness = sendNow - deadline;
                stats.sendLateness.record(lateness);
                if (lateness > LATE_NANOS) {
                    stats.lateSends.increment();
                }
                t.sendInput(sendNow, scratch);
            }
            k++;
            now = clock.getAsLong();
        }
    }
}
