package org.jetraiders.server.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.engine.PipelineThreadRole;
import org.junit.jupiter.api.Test;

/**
 * Which threads are asked for which nice value and real-time priority, what is reported, and how a
 * refusal is handled (faked calls).
 */
class PipelinePrioritiesTest {
    private final List<String> reports = new ArrayList<>();
    private final PipelinePriorities.ReportedNice reporting = (role, nice) -> reports.add(role + "=" + nice);
    private final List<String> fifoReports = new ArrayList<>();
    private final PipelinePriorities.ReportedFifo fifoReporting = (role, priority) -> fifoReports.add(role + "=" + priority);

    /** Records each SCHED_FIFO request; refuses when told to, and then reports the default policy (0). */
    private static final class FakeFifo implements ThreadFifo {
        final List<Integer> asked = new ArrayList<>();
        final boolean refuse;
        int current;

        FakeFifo(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public String setCallingThread(int priority) {
            asked.add(priority);
            if (refuse) {
                return "not permitted (errno 1)";
            }
            current = priority;
            return null;
        }

        @Override
        public int callingThread() {
            return current;
        }
    }

    /** Records each set; refuses when told to, and then reports the default. */
    private static final class FakeNice implements ThreadNice {
        final List<Integer> asked = new ArrayList<>();
        final boolean refuse;
        int current;

        FakeNice(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public String setCallingThread(int nice) {
            asked.add(nice);
            if (refuse) {
                return "not permitted (errno 13)";
            }
            current = nice;
            return null;
        }

        @Override
        public int callingThread() {
            return current;
        }
    }

    @Test
    void shouldAskTheNiceValueForGameLoopAndEncoderThreadsOnlyAndReportEachRoleOnce() {
        FakeNice fake = new FakeNice(false);
        PipelinePriorities priorities = new PipelinePriorities(-10, reporting, () -> fake);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        priorities.started(PipelineThreadRole.CLIENT);
        priorities.started(PipelineThreadRole.ENCODER);
        assertEquals(List.of(-10, -10, -10), fake.asked, "two game-loop threads and the encoder; no client thread");
        assertEquals(List.of("GAME_LOOP=-10", "ENCODER=-10"), reports);
    }

    @Test
    void shouldMakeNoNativeCallWhenTheNiceValueIsZero() {
        AtomicInteger loads = new AtomicInteger();
        PipelinePriorities priorities = new PipelinePriorities(0, reporting, () -> {
            loads.incrementAndGet();
            return new FakeNice(false);
        });
        for (PipelineThreadRole role : PipelineThreadRole.values()) {
            priorities.started(role);
        }
        assertEquals(0, loads.get(), "JNA is not even loaded");
        assertEquals(List.of(), reports);
    }

    @Test
    void shouldReportTheDefaultAndRunOnWhenTheCallIsRefused() {
        FakeNice fake = new FakeNice(true);
        PipelinePriorities priorities = new PipelinePriorities(-10, reporting, () -> fake);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        assertEquals(List.of(-10, -10), fake.asked, "each new thread asks (a later one may be allowed)");
        assertEquals(List.of("GAME_LOOP=0"), reports, "the value the threads really run at");
    }

    @Test
    void shouldTryToLoadTheNativeCallsOnceWhereThereAreNone() {
        AtomicInteger loads = new AtomicInteger();
        PipelinePriorities priorities = new PipelinePriorities(-10, reporting, () -> {
            loads.incrementAndGet();
            throw new UnsupportedOperationException("thread priorities are set on Linux only, not on Plan 9");
        });
        priorities.started(PipelineThreadRole.GAME_LOOP);
        priorities.started(PipelineThreadRole.ENCODER);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        assertEquals(1, loads.get());
        assertEquals(List.of(), reports, "nothing known, nothing reported");
    }

    @Test
    void shouldRefuseANiceValueOutsideMinusTwentyToNineteen() {
        assertThrows(IllegalArgumentException.class, () -> new PipelinePriorities(-21, reporting, () -> new FakeNice(false)));
        assertThrows(IllegalArgumentException.class, () -> new PipelinePriorities(20, reporting, () -> new FakeNice(false)));
    }

    @Test
    void shouldAskTheRealTimePriorityForGameLoopAndEncoderThreadsOnlyAndKeepTheirNiceValueToo() {
        FakeNice nice = new FakeNice(false);
        FakeFifo fifo = new FakeFifo(false);
        PipelinePriorities priorities = new PipelinePriorities(-10, 10, reporting, fifoReporting, () -> nice, () -> fifo);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        priorities.started(PipelineThreadRole.CLIENT);
        priorities.started(PipelineThreadRole.ENCODER);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        assertEquals(List.of(10, 10, 10), fifo.asked, "two game-loop threads and the encoder; no client thread");
        assertEquals(List.of(-10, -10, -10), nice.asked, "the nice value still set: it counts again if the policy is reset");
        assertEquals(List.of("GAME_LOOP=10", "ENCODER=10"), fifoReports);
        assertEquals(List.of("GAME_LOOP=-10", "ENCODER=-10"), reports);
    }

    @Test
    void shouldReportNoRealTimeAndKeepTheNiceValueWhenSchedFifoIsRefused() {
        FakeNice nice = new FakeNice(false);
        FakeFifo fifo = new FakeFifo(true);
        PipelinePriorities priorities = new PipelinePriorities(-10, 10, reporting, fifoReporting, () -> nice, () -> fifo);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        priorities.started(PipelineThreadRole.GAME_LOOP);
        assertEquals(List.of(10, 10), fifo.asked, "each new thread asks (a later one may be allowed)");
        assertEquals(List.of("GAME_LOOP=0"), fifoReports, "the default policy, as the threads really run");
        assertEquals(List.of("GAME_LOOP=-10"), reports, "the nice value they fall back on");
    }

    @Test
    void shouldMakeNoRealTimeCallWhenThePriorityIsZero() {
        AtomicInteger loads = new AtomicInteger();
        FakeNice nice = new FakeNice(false);
        PipelinePriorities priorities = new PipelinePriorities(-10, 0, reporting, fifoReporting, () -> nice, () -> {
            loads.incrementAndGet();
            return new FakeFifo(false);
        });
        for (PipelineThreadRole role : PipelineThreadRole.values()) {
            priorities.started(role);
        }
        assertEquals(0, loads.get(), "the real-time calls are not even loaded");
        assertEquals(List.of(), fifoReports);
        assertEquals(List.of(-10, -10), nice.asked);
    }

    @Test
    void shouldRunOnWithTheNiceValueWhereThereAreNoRealTimeCalls() {
        FakeNice nice = new FakeNice(false);
        PipelinePriorities priorities = new PipelinePriorities(-10, 10, reporting, fifoReporting, () -> nice, () -> {
            throw new UnsupportedOperationException("real-time scheduling is set on Linux only, not on Plan 9");
        });
        priorities.started(PipelineThreadRole.GAME_LOOP);
        assertEquals(List.of(), fifoReports, "nothing known, nothing reported");
        assertEquals(List.of("GAME_LOOP=-10"), reports);
    }

    @Test
    void shouldRefuseARealTimePriorityOutsideZeroToNinetyNine() {
        assertThrows(IllegalArgumentException.class, () -> new PipelinePriorities(-10, -1, reporting, fifoReporting,
                () -> new FakeNice(false), () -> new FakeFifo(false)));
        assertThrows(IllegalArgumentException.class, () -> new PipelinePriorities(-10, 100, reporting, fifoReporting,
                () -> new FakeNice(false), () -> new FakeFifo(false)));
    }
}
