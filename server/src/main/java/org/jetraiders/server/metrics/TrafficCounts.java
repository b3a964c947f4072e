package org.jetraiders.server.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The WebSocket traffic counts (messages and payload bytes, in and out), kept per thread and summed
 * when read. Every message in or out adds to them, 60 times a second per client each way, from the
 * selector thread, the client threads and the encoding thread at once. In the Prometheus client's
 * counters ({@code LongAdder}s) those four threads on two cores hashed onto the same cells and took
 * turns owning their cache lines: 1.6 % of the server's CPU at 256 binary clients (async-profiler,
 * 2026-12-01). Here a thread writes only its own cell, so an add is a plain store to a line no other
 * thread writes.
 *
 * <p>Adds: the thread whose cell it is (opaque stores). Sums: any thread (opaque loads; a sum read
 * while adds happen is some recent total, as a Prometheus scrape expects). A cell outlives its thread,
 * so what a finished thread counted stays in the totals.
 */
final class TrafficCounts {
    static final int MESSAGES_IN = 0;
    static final int BYTES_IN = 1;
    static final int MESSAGES_OUT = 2;
    static final int BYTES_OUT = 3;

    /** Longs before and after a cell's four counts, so no other object shares their cache line. */
    private static final int PAD = 8;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final CopyOnWriteArrayList<long[]> cells = new CopyOnWriteArrayList<>();
    private final ThreadLocal<long[]> mine = ThreadLocal.withInitial(this::newCell);

    private long[] newCell() {
        long[] cell = new long[PAD + 4 + PAD];
        cells.add(cell);
        return cell;
    }

    /** One message of {@code bytes} each way is two adds to the calling thread's cell. */
    void add(int messagesSlot, int bytes) {
        long[] cell = mine.get();
        int m = PAD + messagesSlot;
        SLOT.setOpaque(cell, m, (long) SLOT.getOpaque(cell, m) + 1);
        SLOT.setOpaque(cell, m + 1, (long) SLOT.getOpaque(cell, m + 1) + bytes);
    }

    /** The total of one count ({@link #MESSAGES_IN}, {@link #BYTES_IN}, ...) over every thread. */
    long sum(int slot) {
        long total = 0;
        for (long[] cell : cells) {
            total += (long) SLOT.getOpaque(cell, PAD + slot);
        }
        return total;
    }
}
