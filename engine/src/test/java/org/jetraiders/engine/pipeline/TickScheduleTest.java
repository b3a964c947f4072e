package org.jetraiders.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tick schedule, driven by chosen wake-up times: absolute deadlines, lateness counted, no drift. */
class TickScheduleTest {
    private static final long PERIOD = 16_666_666L; // 60 Hz
    private static final long EPOCH = 1_000_000_000L;

    /** Wakes at each time given and collects the deadlines of the ticks fired then. */
    private static List<Long> fire(TickSchedule schedule, long... wakeUps) {
        List<Long> fired = new ArrayList<>();
        for (long now : wakeUps) {
            long deadline;
            while ((deadline = schedule.pollDue(now)) >= 0) {
                fired.add(deadline);
            }
        }
        return fired;
    }

    @Test
    void shouldScheduleTicksOnAbsoluteDeadlinesSoLatenessDoesNotAccumulate() {
        LobbyCounters counters = new LobbyCounters();
        TickSchedule schedule = new TickSchedule(PERIOD, EPOCH, EPOCH, counters);
        // every wake-up is 3 ms after its deadline: a relative "sleep one period" timer would drift
        long[] wakeUps = new long[6];
        for (int i = 0; i < wakeUps.length; i++) {
            wakeUps[i] = EPOCH + (i + 1) * PERIOD + 3_000_000;
        }
        List<Long> deadlines = fire(schedule, wakeUps);
        assertEquals(6, deadlines.size());
        for (int i = 0; i < deadlines.size(); i++) {
            assertEquals(EPOCH + (i + 1) * PERIOD, deadlines.get(i), "tick " + (i + 1));
        }
        assertEquals(0, counters.lateTicks(), "3 ms is under half a period: on time");
    }

    @Test
    void shouldFireNothingBeforeTheDeadline() {
        TickSchedule schedule = new TickSchedule(PERIOD, EPOCH, EPOCH, new LobbyCounters());
        assertEquals(-1, schedule.pollDue(EPOCH + PERIOD - 1));
        assertEquals(EPOCH + PERIOD, schedule.pollDue(EPOCH + PERIOD));
        assertEquals(-1, schedule.pollDue(EPOCH + PERIOD));
    }

    @Test
    void shouldAlignLobbiesStartedAtDifferentTimesToTheSameBeat() {
        LobbyCounters counters = new LobbyCounters();
        TickSchedule early = new TickSchedule(PERIOD, EPOCH, EPOCH + 10, counters);
        TickSchedule late = new TickSchedule(PERIOD, EPOCH, EPOCH + 5 * PERIOD + 123_456, counters);
        assertEquals(EPOCH + PERIOD, early.nextDeadline());
        assertEquals(EPOCH + 6 * PERIOD, late.nextDeadline(), "the next beat of the shared epoch, not start + period");
        fire(early, EPOCH + 6 * PERIOD - 1);
        assertEquals(late.nextDeadline(), early.nextDeadline(), "both now fall due on the same wake-up");
    }

    @Test
    void shouldCountATickFiredMoreThanHalfAPeriodLateAndCatchUpTheMissedOne() {
        LobbyCounters counters = new LobbyCounters();
        TickSchedule schedule = new TickSchedule(PERIOD, EPOCH, EPOCH, counters);
        // the second wake-up comes 1.6 periods late: that tick is late, and the next deadline has
        // already passed (0.6 periods ago, also late), so it fires at once instead of being lost
        List<Long> deadlines = fire(schedule, EPOCH + PERIOD, EPOCH + 2 * PERIOD + PERIOD * 8 / 5,
                EPOCH + 4 * PERIOD, EPOCH + 5 * PERIOD);
        for (int i = 0; i < deadlines.size(); i++) {
            assertEquals(EPOCH + (i + 1) * PERIOD, deadlines.get(i), "no deadline skipped");
        }
        assertEquals(5, deadlines.size());
        assertEquals(2, counters.lateTicks(), "the late tick and the caught-up one after it");
        assertEquals(0, counters.skippedTicks());
    }

    @Test
    void shouldSkipAheadAndCountSkippedTicksWhenFarBehind() {
        LobbyCounters counters = new LobbyCounters();
        TickSchedule schedule = new TickSchedule(PERIOD, EPOCH, EPOCH, counters);
        // a 10-period stall after tick 1: catching up would burst 10 ticks; beyond 3 it skips and counts
        List<Long> deadlines = fire(schedule, EPOCH + PERIOD, EPOCH + 2 * PERIOD + 10 * PERIOD, EPOCH + 13 * PERIOD);
        assertEquals(10, counters.skippedTicks());
        assertEquals(List.of(EPOCH + PERIOD, EPOCH + 2 * PERIOD, EPOCH + 13 * PERIOD), deadlines,
                "tick 1, the stalled tick itself (late), then the schedule resumes after the skipped ones");
    }
}
