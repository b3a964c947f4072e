package org.jetraiders.server.metrics;

import org.jetraiders.engine.LobbyMetrics;

/**
 * How a lobby ticked over a recent stretch of time, as {@code /health} judges it. Reading a window
 * changes nothing, so any number of readers at the same moment get the same answer.
 */
@FunctionalInterface
public interface TickWindow {
    /** No history kept: the window is the lobby's whole life (for lobbies nothing records, e.g. in tests). */
    TickWindow LIFETIME = (nowNanos, live) -> new Counts(live.ticks(), live.lateTicks(), live.skippedTicks());

    /**
     * @param nowNanos the end of the window, on the {@link System#nanoTime()} clock
     * @param live the lobby's counters now
     * @return what the lobby counted within the window
     */
    Counts over(long nowNanos, LobbyMetrics live);

    /**
     * @param ticks ticks stepped
     * @param lateTicks ticks fired more than half a period late
     * @param skippedTicks deadlines skipped after the loop fell behind
     */
    record Counts(long ticks, long lateTicks, long skippedTicks) {
        /** Share of the due ticks that were late or never happened; 0 when none were due. */
        public double lateRatio() {
            long due = ticks + skippedTicks;
            return due > 0 ? Math.max(0, lateTicks + skippedTicks) / (double) due : 0.0;
        }
    }
}
