package org.jetraiders.engine.pipeline;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A tiny log-linear histogram of nanosecond durations: 8 sub-buckets per power of two, so a reported
 * value is within 12.5% of the truth. One writer (the game loop), any number of readers; recording
 * allocates nothing. The engine has no runtime dependency, hence no HdrHistogram here.
 */
final class TickTimeHistogram {
    private static final int SUB_BITS = 3;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int BUCKETS = 64 * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        int index = indexOf(Math.max(0, nanos));
        counts.lazySet(index, counts.get(index) + 1);
    }

    /** The upper bound of the bucket holding the value at this quantile; 0 when empty. */
    long valueAt(double quantile) {
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(Math.min(1.0, Math.max(0.0, quantile)) * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return upperBoundOf(i);
            }
        }
        return upperBoundOf(BUCKETS - 1);
    }

    static int indexOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) ((value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    static long upperBoundOf(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = index / SUB_BUCKETS + SUB_BITS - 1;
        long sub = index % SUB_BUCKETS;
        long lower = (1L << exponent) + (sub << (exponent - SUB_BITS));
        return lower + (1L << (exponent - SUB_BITS)) - 1;
    }
}
