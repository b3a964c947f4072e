package org.jetraiders.server.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The WebSocket traffic counts (messages and payload bytes, in and out), striped by thread and
 * summed when read. Every message in or out adds to them, 60 times a second per client each way, from
 * the selector thread, the client threads and the encoding thread at once. In the Prometheus client's
 * counters ({@code LongAdder}s, which stop at one cell per CPU) those four threads on two cores hashed
 * onto the same cells and took turns owning their cache lines: 1.6 % of the server's CPU at 256 binary
 * clients (async-profiler, 2026-12-01). Here a thread adds to the cell its thread id picks, one cache
 * line each out of 64, so the few threads that count never share one in practice; a shared one stays
 * correct (the adds are atomic), only slower. A {@code ThreadLocal} cell was tried first: its lookup
 * missed the map's first slot (the sending threads hold several) and cost as much as the adders.
 *
 * <p>Adds: any thread. Sums: any thread (a sum read while adds happen is some recent total, as a
 * Prometheus scrape expects).
 */
final class TrafficCounts {
    static final int MESSAGES_IN = 0;
    static final int BYTES_IN = 1;
    static final int MESSAGES_OUT = 2;
    static final int BYTES_OUT = 3;

    private static final int CELLS = 64;
    /** Longs per cell: a 64-byte cache line, of which the four counts use half. */
    private static final int STRIDE = 8;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    // one spare line in front, so the first cell does not share the array header's line
    private final long[] cells = new long[(CELLS + 1) * STRIDE];

    /** One message of {@code bytes}: {@code messagesSlot} is {@link #MESSAGES_IN} or {@link #MESSAGES_OUT}. */
    void add(int messagesSlot, int bytes) {
        int base = STRIDE * (1 + ((int) Thread.currentThread().getId() & (CELLS - 1))) + messagesSlot;
        SLOT.getAndAdd(cells, base, 1L);
        SLOT.getAndAdd(cells, base + 1, (long) bytes);
    }

    /** The total of one count ({@link #MESSAGES_IN}, {@link #BYTES_IN}, ...) over every thread. */
    long sum(int slot) {
        long total = 0;
        for (int cell = 1; cell <= CELLS; cell++) {
            total += (long) SLOT.getVolatile(cells, cell * STRIDE + slot);
        }
        return total;
    }
}
