package org.jetraiders.server.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jetraiders.engine.LobbyMetrics;

/**
 * A lobby's tick counters as they stood at the start of each of the last few whole seconds, so that
 * "what happened in the last N seconds" depends on the clock alone: every reader at the same moment
 * gets the same answer, however many there are and however often they ask (the old {@code /health}
 * compared each call with the previous one, so two pollers each saw a different window).
 *
 * <p>A window read at time t runs from the start of second {@code ⌊t⌋ − N} (the oldest second the
 * lobby ticked in since then, if it did not tick in that one) to t: between N and N + 1 seconds.
 *
 * <p>{@link #record} runs on the lobby's game-loop thread after every tick and writes at most once a
 * second; it allocates nothing. {@link #over} runs on any thread. A slot being rewritten while read is
 * detected (its second is cleared first and set last) and skipped.
 */
public final class RecentTicks implements TickWindow {
    /** The window {@code /health} judges lateness on. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final int FIELDS = 4; // second, ticks, late ticks, skipped ticks
    private static final long EMPTY = Long.MIN_VALUE;

    private final int windowSeconds;
    private final int slots;
    private final AtomicLongArray cells;

    // game-loop thread only: the second of the latest tick, and the counters before this tick
    private long currentSecond = EMPTY;
    private long ticksBefore;
    private long lateBefore;
    private long skippedBefore;

    /** A {@link #DEFAULT_WINDOW} window. */
    public RecentTicks() {
        this(DEFAULT_WINDOW);
    }

    /** @param window whole seconds, at least one */
    public RecentTicks(Duration window) {
        if (window.toSeconds() < 1 || window.toSeconds() > 3600) {
            throw new IllegalArgumentException("window must be 1 s to 1 h, was " + window);
        }
        windowSeconds = (int) window.toSeconds();
        slots = windowSeconds + 2; // the oldest second read is never the one being written
        cells = new AtomicLongArray(slots * FIELDS);
        for (int i = 0; i < slots; i++) {
            cells.set(i * FIELDS, EMPTY);
        }
    }

    /** The window's length. */
    public Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }

    /**
     * Game-loop thread, after each tick: on the first tick of a new second, keeps the counters as they
     * stood before it, i.e. at the start of that second (so a stall's skipped ticks, counted by the
     * tick that ends it, fall inside the window, not into its baseline).
     */
    public void record(LobbyMetrics lobby) {
        long second = Math.floorDiv(lobby.lastTickNanos(), SECOND_NANOS);
        if (second != currentSecond) {
            currentSecond = second;
            int base = slotOf(second);
            cells.set(base, EMPTY);
            cells.set(base + 1, ticksBefore);
            cells.set(base + 2, lateBefore);
            cells.set(base + 3, skippedBefore);
            cells.set(base, second);
        }
        ticksBefore = lobby.ticks();
        lateBefore = lobby.lateTicks();
        skippedBefore = lobby.skippedTicks();
    }

    @Override
    public Counts over(long nowNanos, LobbyMetrics live) {
        long nowSecond = Math.floorDiv(nowNanos, SECOND_NANOS);
        for (long second = nowSecond - windowSeconds; second <= nowSecond; second++) {
            int base = slotOf(second);
            if (cells.get(base) != second) {
                continue; // the lobby did not tick in that second
            }
            long ticks = cells.get(base + 1);
            long late = cells.get(base + 2);
            long skipped = cells.get(base + 3);
            if (cells.get(base) != second) {
                continue; // rewritten while we read it
            }
            return new Counts(live.ticks() - ticks, live.lateTicks() - late, live.skippedTicks() - skipped);
        }
        return new Counts(0, 0, 0); // no tick at all in the window
    }

    private int slotOf(long second) {
        return (int) Math.floorMod(second, (long) slots) * FIELDS;
    }
}
