package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyProbeTest {

    private static final long MS = 1_000_000L;

    private final RecordingSink sink = new RecordingSink();
    private final LatencyProbe probe = new LatencyProbe(sink, 1);

    @Test
    void shouldHoldTurnZeroUntilRotationIsStable() {
        probe.onSnapshot(0, true, 0.5, -1);
        assertEquals(0, probe.turnForInput(1, 1));
        probe.onSnapshot(16 * MS, true, 0.6, -1); // still moving
        probe.onSnapshot(33 * MS, true, 0.6, -1);
        assertEquals(LatencyProbe.State.SETTLING, probe.state());
        probe.onSnapshot(50 * MS, true, 0.6, -1);
        assertEquals(LatencyProbe.State.READY, probe.state());
    }

    @Test
    void shouldRecordTimeFromTurnInputToFirstChangedRotation() {
        settle(0.25);
        assertEquals(1, probe.turnForInput(100 * MS, 7));
        assertEquals(1, probe.turnForInput(116 * MS, 8)); // keeps turning while in flight
        probe.onSnapshot(110 * MS, true, 0.25, 6); // not yet processed
        probe.onSnapshot(127 * MS, true, 0.25, 7); // processed, effect not visible yet
        probe.onSnapshot(143 * MS, true, 0.30, 8);

        assertEquals(List.of(43 * MS), sink.effects);
        assertEquals(List.of(27 * MS), sink.acks);
        assertEquals(LatencyProbe.State.COOLDOWN, probe.state());
        assertEquals(0, probe.turnForInput(150 * MS, 9));
    }

    @Test
    void shouldSettleAgainAfterARandomCooldownOf100To300Ms() {
        settle(0.0);
        probe.turnForInput(100 * MS, 1);
        probe.onSnapshot(120 * MS, true, 0.1, 1);
        probe.turnForInput(120 * MS + LatencyProbe.MIN_COOLDOWN_NANOS - 1, 2);
        assertEquals(LatencyProbe.State.COOLDOWN, probe.state());
        probe.turnForInput(120 * MS + LatencyProbe.MAX_COOLDOWN_NANOS, 3);
        assertEquals(LatencyProbe.State.SETTLING, probe.state());
    }

    @Test
    void shouldSkipTheRoundWhenOwnPlaneIsMissing() {
        settle(1.0);
        probe.turnForInput(100 * MS, 1);
        probe.onSnapshot(117 * MS, false, Double.NaN, 1);
        assertEquals(1, sink.skipped);
        assertTrue(sink.effects.isEmpty());
        assertEquals(LatencyProbe.State.COOLDOWN, probe.state());
    }

    @Test
    void shouldTimeOutWhenRotationNeverChanges() {
        settle(1.0);
        probe.turnForInput(100 * MS, 1);
        probe.onSnapshot(117 * MS, true, 1.0, 1);
        assertEquals(0, probe.turnForInput(100 * MS + LatencyProbe.TIMEOUT_NANOS + 1, 2));
        assertEquals(1, sink.timeouts);
        assertEquals(LatencyProbe.State.COOLDOWN, probe.state());
    }

    @Test
    void shouldRestartSettlingWhenPlaneDisappearsBeforeTheRound() {
        settle(1.0);
        probe.onSnapshot(60 * MS, false, Double.NaN, -1);
        assertEquals(LatencyProbe.State.SETTLING, probe.state());
        assertEquals(0, probe.turnForInput(61 * MS, 1));
    }

    private void settle(double rot) {
        for (int i = 0; i < LatencyProbe.STABLE_SNAPSHOTS; i++) {
            probe.onSnapshot(i * 16 * MS, true, rot, -1);
        }
        assertEquals(LatencyProbe.State.READY, probe.state());
    }

    private static final class RecordingSink implements LatencyProbe.Sink {
        final List<Long> effects = new ArrayList<>();
        final List<Long> acks = new ArrayList<>();
        int skipped;
        int timeouts;

        @Override
        public void effectLatency(long nanos) {
            effects.add(nanos);
        }

        @Override
        public void ackLatency(long nanos) {
            acks.add(nanos);
        }

        @Override
        public void roundSkipped() {
            skipped++;
        }

        @Override
        public void roundTimedOut() {
            timeouts++;
        }
    }
}
