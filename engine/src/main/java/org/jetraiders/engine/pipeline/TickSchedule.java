package org.jetraiders.engine.pipeline;

/**
 * When a lobby's ticks are due: absolute deadlines ({@code epoch + n × period}) so the schedule never
 * drifts, aligned to an epoch shared by every lobby of a {@link GameLoopShard} so that lobbies of the
 * same rate fall due together and cost the thread one wake-up per beat, not one per lobby.
 *
 * <p>A tick fired more than half a period after its deadline is counted late; missed deadlines are
 * caught up at once, but beyond {@link #MAX_CATCH_UP} periods behind the schedule skips ahead and
 * counts the skipped ticks instead of bursting the simulation forward. Pure arithmetic on the times
 * it is given: one thread (the game-loop shard) calls it.
 */
public final class TickSchedule {
    static final int MAX_CATCH_UP = 3;

    private final long periodNanos;
    private final LobbyCounters counters;
    private long nextDeadline;

    /**
     * @param epochNanos a time every schedule of the same thread shares; the first deadline is the
     *                   first {@code epoch + n × period} after {@code nowNanos}
     */
    public TickSchedule(long periodNanos, long epochNanos, long nowNanos, LobbyCounters counters) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be > 0, was " + periodNanos);
        }
        this.periodNanos = periodNanos;
        this.counters = counters;
        long elapsed = Math.max(0, nowNanos - epochNanos);
        this.nextDeadline = epochNanos + (elapsed / periodNanos + 1) * periodNanos;
    }

    /** The deadline of the next tick. */
    public long nextDeadline() {
        return nextDeadline;
    }

    /**
     * Claims the next due tick, if any.
     *
     * @return the deadline of the tick to fire now, or -1 when the next one is not due yet
     */
    public long pollDue(long nowNanos) {
        long deadline = nextDeadline;
        if (nowNanos < deadline) {
            return -1;
        }
        long late = nowNanos - deadline;
        if (late > periodNanos / 2) {
            counters.lateTicks++;
        }
        long behind = late / periodNanos;
        nextDeadline = deadline + periodNanos;
        if (behind > MAX_CATCH_UP) {
            counters.skippedTicks += behind;
            nextDeadline += behind * periodNanos;
        }
        return deadline;
    }
}
