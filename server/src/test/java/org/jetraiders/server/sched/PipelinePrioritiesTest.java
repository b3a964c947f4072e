package org.jetraiders.server.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.engine.PipelineThreadRole;
import org.junit.jupiter.api.Test;

/** Which threads are asked for which nice value, what is reported, and how a refusal is handled (faked calls). */
class PipelinePrioritiesTest {
    private final List<String> reports = new ArrayList<>();
    private final PipelinePriorities.ReportedNice reporting = (role, nice) -> reports.add(role + "=" + nice);

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
}
