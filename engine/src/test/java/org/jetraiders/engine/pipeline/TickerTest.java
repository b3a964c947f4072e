package org.jetraiders.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.junit.jupiter.api.Test;

/** The ticker's schedule, driven by a fake clock: absolute deadlines, lateness counted, no drift. */
class TickerTest {
    private static final long PERIOD = 16_666_666L; // 60 Hz

    /**
     * Time moves only when the ticker parks: by what it asked for, plus an oversleep the test chooses
     * for each wake-up (a slow scheduler). Stops the ticker after {@code wakeUps} wake-ups.
     */
    private static final class FakeClock implements Ticker.Clock {
        long now = 1_000_000_000L;
        int wakeUps;
        final long[] oversleep;
        Ticker ticker;

        FakeClock(long... oversleep) {
            this.oversleep = oversleep;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkNanos(Object blocker, long nanos) {
            now += nanos + (wakeUps < oversleep.length ? oversleep[wakeUps] : 0);
            if (++wakeUps >= oversleep.length) {
                ticker.requestStop();
            }
        }
    }

    private static List<Long> run(FakeClock clock, LobbyCounters counters) {
        RingBuffer<InputEvent> ring = RingBuffer.createMultiProducer(InputEvent::new, 1024);
        Sequence consumer = new Sequence(-1);
        ring.addGatingSequences(consumer);
        Ticker ticker = new Ticker(ring, PERIOD, counters, clock);
        clock.ticker = ticker;
        ticker.run(); // on this thread; returns when the clock stops it
        List<Long> deadlines = new ArrayList<>();
        for (long s = 0; s <= ring.getCursor(); s++) {
            assertEquals(InputEvent.TICK, ring.get(s).type());
            deadlines.add(ring.get(s).deadlineNanos);
        }
        return deadlines;
    }

    @Test
    void shouldScheduleTicksOnAbsoluteDeadlinesSoLatenessDoesNotAccumulate() {
        // every wake-up is 3 ms late: a relative "sleep one period" timer would drift 3 ms per tick
        FakeClock clock = new FakeClock(3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000);
        LobbyCounters counters = new LobbyCounters();
        List<Long> deadlines = run(clock, counters);
        long start = 1_000_000_000L;
        for (int i = 0; i < deadlines.size(); i++) {
            assertEquals(start + (i + 1) * PERIOD, deadlines.get(i), "tick " + (i + 1));
        }
        assertEquals(0, counters.lateTicks(), "3 ms is under half a period: on time");
    }

    @Test
    void shouldCountATickFiredMoreThanHalfAPeriodLateAndCatchUpTheMissedOne() {
        // the second wake-up comes 1.6 periods late: that tick is late, and the next deadline has
        // already passed (0.6 periods ago, also late), so it fires at once instead of being lost
        FakeClock clock = new FakeClock(0, PERIOD * 8 / 5, 0, 0);
        LobbyCounters counters = new LobbyCounters();
        List<Long> deadlines = run(clock, counters);
        long start = 1_000_000_000L;
        for (int i = 0; i < deadlines.size(); i++) {
            assertEquals(start + (i + 1) * PERIOD, deadlines.get(i), "no deadline skipped");
        }
        assertEquals(2, counters.lateTicks(), "the late tick and the caught-up one after it");
        assertEquals(0, counters.skippedTicks());
    }

    @Test
    void shouldSkipAheadAndCountSkippedTicksWhenFarBehind() {
        // a 10-period stall: catching up would burst 10 ticks; beyond 3 the ticker skips and counts
        FakeClock clock = new FakeClock(0, PERIOD * 10, 0, 0);
        LobbyCounters counters = new LobbyCounters();
        List<Long> deadlines = run(clock, counters);
        assertEquals(10, counters.skippedTicks());
        long start = 1_000_000_000L;
        assertEquals(start + PERIOD, deadlines.get(0));
        assertEquals(start + 2 * PERIOD, deadlines.get(1), "the stalled tick itself fires, late");
        assertEquals(start + 13 * PERIOD, deadlines.get(2), "then the schedule resumes after the skipped ones");
    }
}
