package org.jetraiders.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import org.junit.jupiter.api.Test;

class TickDurationsTest {
    private final TickDurations durations = new TickDurations();

    private HistogramDataPointSnapshot point() {
        return durations.collect().getDataPoints().get(0);
    }

    /** Count in the bucket whose upper bound is {@code le} seconds (not cumulative). */
    private long inBucket(double le) {
        ClassicHistogramBuckets buckets = point().getClassicBuckets();
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.getUpperBound(i) == le) {
                return buckets.getCount(i);
            }
        }
        throw new AssertionError("no bucket le=" + le);
    }

    @Test
    void shouldCountATickAtABoundInThatBoundsBucket() {
        durations.observeNanos(50_000);     // exactly 50 µs: le="5.0E-5"
        durations.observeNanos(50_001);     // just over: the next bucket
        durations.observeNanos(16_700_000); // the 60 Hz budget

        assertEquals(1, inBucket(0.000_050));
        assertEquals(1, inBucket(0.000_100));
        assertEquals(1, inBucket(0.016_7));
    }

    @Test
    void shouldCountTicksPastTheLastBoundInTheInfiniteBucketAndNegativeOnesAsZero() {
        durations.observeNanos(250_000_000);
        durations.observeNanos(-5);

        assertEquals(1, inBucket(Double.POSITIVE_INFINITY));
        assertEquals(1, inBucket(0.000_010));
        assertEquals(0.25, point().getSum(), 1e-12);
    }

    @Test
    void shouldReportTheCountAndTheSumInSeconds() {
        for (int i = 0; i < 1000; i++) {
            durations.observeNanos(30_000);
        }

        assertEquals(1000, durations.count());
        assertEquals(1000, point().getCount());
        assertEquals(0.03, point().getSum(), 1e-12);
        assertEquals(TickDurations.BUCKETS.length + 1, point().getClassicBuckets().size());
    }
}
