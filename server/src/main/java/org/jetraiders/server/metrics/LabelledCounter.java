package org.jetraiders.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Prometheus counter with one label (a reason). Callers pass labels from a small fixed set; to bound
 * the series anyway, at most {@link #MAX_LABELS} distinct labels are kept and later ones count as
 * {@link #OVERFLOW_LABEL}. Thread-safe; counting an already-seen label allocates nothing (its data
 * point is looked up by the label string alone, not through the library's varargs lookup).
 */
public final class LabelledCounter {
    /** Distinct labels kept, {@link #OVERFLOW_LABEL} included. */
    public static final int MAX_LABELS = 64;
    /** Label counted instead of any label past the cap. */
    public static final String OVERFLOW_LABEL = "other";
    /** Label counted for a null label. */
    public static final String NULL_LABEL = "unknown";

    private final Counter counter;
    private final ConcurrentHashMap<String, CounterDataPoint> points = new ConcurrentHashMap<>();

    /**
     * @param name family name, {@code _total} included
     * @param labelName the one label's name, e.g. {@code reason}
     */
    public LabelledCounter(String name, String help, String labelName) {
        counter = Counter.builder().name(name).help(help).labelNames(labelName).withoutExemplars().build();
    }

    /** Adds one to {@code label}'s counter. */
    public void increment(String label) {
        point(label).inc();
    }

    /** The count for {@code label}; 0 if never counted. */
    public long get(String label) {
        CounterDataPoint point = points.get(label == null ? NULL_LABEL : label);
        return point == null ? 0 : point.getLongValue();
    }

    /** A sorted copy of every label and its count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        points.forEach((label, point) -> copy.put(label, point.getLongValue()));
        return copy;
    }

    /** The family as the exposition writes it; scrape time only. */
    public CounterSnapshot collect() {
        return counter.collect();
    }

    /** Exports this counter through {@code registry}. */
    void registerWith(PrometheusRegistry registry) {
        registry.register(counter);
    }

    private CounterDataPoint point(String label) {
        String key = label == null ? NULL_LABEL : label;
        CounterDataPoint point = points.get(key);
        return point != null ? point : addLabel(key);
    }

    private synchronized CounterDataPoint addLabel(String key) {
        CounterDataPoint point = points.get(key);
        if (point != null) {
            return point;
        }
        if (points.size() >= MAX_LABELS - 1 && !OVERFLOW_LABEL.equals(key)) {
            return points.computeIfAbsent(OVERFLOW_LABEL, counter::labelValues);
        }
        point = counter.labelValues(key);
        points.put(key, point);
        return point;
    }
}
