package org.jetraiders.bench.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Formats the once-a-second progress line printed to stderr while a run is going. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String format(double elapsedSeconds, boolean measuring, int open, int clients,
                         double snapshotsPerSecond, Histogram latency, long lagged, long errors, long disconnects) {
        String lat = latency.getTotalCount() == 0 ? "p50 - p99 -"
                : String.format(Locale.ROOT, "p50 %.1f p99 %.1f ms (n=%d)",
                        latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                        latency.getTotalCount());
        return String.format(Locale.ROOT,
                "[%6.1fs %-7s] connected %d/%d  snapshots/s %.0f  latency %s  lagged %d  errors %d  disconnects %d",
                elapsedSeconds, measuring ? "measure" : "warmup", open, clients, snapshotsPerSecond, lat,
                lagged, errors, disconnects);
    }
}
