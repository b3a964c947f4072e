package org.jetraiders.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelledCounterTest {
    private final LabelledCounter counter = new LabelledCounter("test_reasons_total", "Test.", "reason");

    @Test
    void shouldCountPerLabel() {
        counter.increment("a");
        counter.increment("a");
        counter.increment("b");

        assertEquals(2, counter.get("a"));
        assertEquals(1, counter.get("b"));
        assertEquals(0, counter.get("c"));
        assertEquals(Map.of("a", 2L, "b", 1L), counter.snapshot());
    }

    @Test
    void shouldCountNullAsUnknown() {
        counter.increment(null);

        assertEquals(1, counter.get(LabelledCounter.NULL_LABEL));
        assertEquals(1, counter.get(null));
    }

    @Test
    void shouldFoldLabelsPastTheCapIntoOther() {
        for (int i = 0; i < 200; i++) {
            counter.increment("reason-" + i);
        }

        Map<String, Long> snapshot = counter.snapshot();
        assertEquals(LabelledCounter.MAX_LABELS, snapshot.size());
        assertEquals(200 - (LabelledCounter.MAX_LABELS - 1), counter.get(LabelledCounter.OVERFLOW_LABEL));
        assertEquals(200, snapshot.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void shouldKeepCountingKnownLabelsAfterTheCap() {
        counter.increment("early");
        for (int i = 0; i < 100; i++) {
            counter.increment("reason-" + i);
        }
        counter.increment("early");

        assertEquals(2, counter.get("early"));
    }

    @Test
    void shouldExportOneSeriesPerLabelWithItsCount() {
        counter.increment("a");
        counter.increment("a");
        counter.increment("b");

        Map<String, Double> exported = new java.util.TreeMap<>();
        counter.collect().getDataPoints().forEach(p -> exported.put(p.getLabels().get("reason"), p.getValue()));

        assertEquals(Map.of("a", 2.0, "b", 1.0), exported);
    }
}
