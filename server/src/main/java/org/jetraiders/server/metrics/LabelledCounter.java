package org.jetraiders.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters keyed by one label value (a reason). Callers pass labels from a small fixed set; to bound
 * memory anyway, at most {@link #MAX_LABELS} distinct labels are kept and later ones count as
 * {@link #OVERFLOW_LABEL}. Thread-safe; counting an already-seen label allocates nothing.
 */
public final class LabelledCounter {
    /** Distinct labels kept, {@link #OVERFLOW_LABEL} included. */
    public static final int MAX_LABELS = 64;
    /** Label counted instead of any label past the cap. */
    public static final String OVERFLOW_LABEL = "other";
    /** Label counted for a null label. */
    public static final String NULL_LABEL = "unknown";

    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    /** Adds one to {@code label}'s counter. */
    public void increment(String label) {
        adder(label).increment();
    }

    /** The count for {@code label}; 0 if never counted. */
    public long get(String label) {
        LongAdder adder = counters.get(label == null ? NULL_LABEL : label);
        return adder == null ? 0 : adder.sum();
    }

    /** A sorted copy of every label and its count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((label, adder) -> copy.put(label, adder.sum()));
        return copy;
    }

    private LongAdder adder(String label) {
        String key = label == null ? NULL_LABEL : label;
        LongAdder adder = counters.get(key);
        return adder != null ? adder : addLabel(key);
    }

    private synchronized LongAdder addLabel(String key) {
        LongAdder adder = counters.get(key);
        if (adder != null) {
            return adder;
        }
        if (counters.size() >= MAX_LABELS - 1 && !OVERFLOW_LABEL.equals(key)) {
            return counters.computeIfAbsent(OVERFLOW_LABEL, k -> new LongAdder());
        }
        adder = new LongAdder();
        counters.put(key, adder);
        return adder;
    }
}
