package org.jetraiders.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A histogram of nanosecond values recorded wait-free from any thread (HdrHistogram's
 * {@link Recorder}) and accumulated by one stats thread. {@link #roll()} moves what was recorded
 * since the last roll into the current window; {@link #startWindow()} discards everything so far
 * (the warmup). Only {@link #record} may be called from other threads.
 */
final class WindowedHistogram {

    /** Values above this (60 s) are clamped, so one stuck sample cannot throw. */
    static final long HIGHEST_NANOS = 60_000_000_000L;

    private final Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
    private final Histogram window = new Histogram(HIGHEST_NANOS, 3);
    private Histogram interval;

    /** Records one value; any thread, wait-free. Negative values are ignored. */
    void record(long nanos) {
        if (nanos >= 0) {
            recorder.recordValue(Math.min(nanos, HIGHEST_NANOS));
        }
    }

    /** Stats thread only: folds the values recorded since the last roll into the window. */
    void roll() {
        interval = recorder.getIntervalHistogram(interval);
        window.add(interval);
    }

    /** Stats thread only: drops everything recorded so far and starts a new window. */
    void startWindow() {
        roll();
        window.reset();
    }

    /** Stats thread only: the current window (live view; copy it to keep it). */
    Histogram window() {
        return window;
    }
}
