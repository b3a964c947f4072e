package org.jetraiders.server.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@value #NAME}: one histogram of every lobby's game-loop tick time (step and publish), observed on
 * the game-loop threads and exported as a Prometheus classic histogram through the client library's
 * registry ({@code _bucket{le}}, {@code _sum}, {@code _count}).
 *
 * <p>Global rather than per lobby on purpose: lobbies come and go on demand under client-chosen names
 * (up to {@code --max-lobbies}), and 16 series per lobby would multiply with them. Which lobby is slow
 * shows in the per-lobby {@code jetraiders_late_ticks_total} and {@code jetraiders_skipped_ticks_total}.
 *
 * <p>Why the counting is ours and not the library's {@code Histogram}: its {@code observe} (1.10.0)
 * allocates an {@code AtomicBoolean} on every call that only C2's escape analysis removes; on a lobby's
 * game-loop thread that was 40 bytes a tick for its first ~140,000 ticks (measured 2026-11-30 with the
 * JVM's per-thread allocation counter, as {@code TickRecorderAllocationTest} does), and during a scrape it buffers observations into a growing
 * array. Here an observation is a bucket search and two adder increments, allocation-free from the
 * first call; the library still models and writes the histogram.
 *
 * <p>Thread-safe; any number of game-loop threads observe, any thread collects. A collect that races
 * observations may see one in {@code _count} before {@code _sum}; it never sees {@code _count} differ
 * from the {@code +Inf} bucket (the model derives one from the other).
 */
public final class TickDurations implements Collector {
    /** The family's name. */
    public static final String NAME = "jetraiders_tick_duration_seconds";

    /**
     * Upper bounds in seconds, for a 60 Hz loop: fine below a millisecond where a healthy tick lives
     * (tens of µs), the 16.7 ms budget itself, and a few overruns up to 100 ms.
     */
    static final double[] BUCKETS = {
        0.000_010, 0.000_025, 0.000_050, 0.000_100, 0.000_250, 0.000_500,
        0.001, 0.002_5, 0.005, 0.010, 0.016_7, 0.025, 0.050, 0.100,
    };

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double[] UPPER_BOUNDS = withInfinity(BUCKETS);
    private static final long[] BOUNDS_NANOS = Arrays.stream(BUCKETS).mapToLong(s -> Math.round(s * NANOS_PER_SECOND))
            .toArray();
    private static final MetricMetadata METADATA =
            new MetricMetadata(NAME, "Game-loop step and publish time per tick, every lobby.");

    private final LongAdder[] counts = new LongAdder[UPPER_BOUNDS.length]; // per bucket, the last one +Inf
    private final LongAdder sumNanos = new LongAdder();

    public TickDurations() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Game-loop threads: one tick took {@code nanos}. Allocates nothing. */
    public void observeNanos(long nanos) {
        long value = Math.max(0, nanos);
        int bucket = 0;
        while (bucket < BOUNDS_NANOS.length && value > BOUNDS_NANOS[bucket]) {
            bucket++; // 14 bounds, most ticks in the first few: a linear scan beats a binary search
        }
        counts[bucket].increment();
        sumNanos.add(value);
    }

    /** Ticks observed so far. */
    public long count() {
        long total = 0;
        for (LongAdder count : counts) {
            total += count.sum();
        }
        return total;
    }

    /** The family as the exposition writes it; scrape time only (allocates). */
    @Override
    public HistogramSnapshot collect() {
        long[] perBucket = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            perBucket[i] = counts[i].sum();
        }
        HistogramDataPointSnapshot point = new HistogramDataPointSnapshot(
                ClassicHistogramBuckets.of(UPPER_BOUNDS, perBucket), sumNanos.sum() / NANOS_PER_SECOND,
                Labels.EMPTY, Exemplars.EMPTY, 0L);
        return new HistogramSnapshot(METADATA, List.of(point));
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }

    @Override
    public MetricType getMetricType() {
        return MetricType.HISTOGRAM;
    }

    private static double[] withInfinity(double[] bounds) {
        double[] all = Arrays.copyOf(bounds, bounds.length + 1);
        all[bounds.length] = Double.POSITIVE_INFINITY;
        return all;
    }
}
