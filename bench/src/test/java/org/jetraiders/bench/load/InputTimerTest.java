package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InputTimer} driven by a fake clock. */
class InputTimerTest {

    private static final long PERIOD = 16_000_000; // 62.5 Hz: whole nanoseconds per slot below

    private long clock;
    private final List<String> sends = new ArrayList<>();
    private final LoadStats stats = new LoadStats();

    private List<InputTimer.Target> targets(int n) {
        List<InputTimer.Target> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            list.add((now, scratch) -> sends.add(id + "@" + now));
        }
        return list;
    }

    private InputTimer timer(int clients, long start) {
        return new InputTimer(targets(clients), 1e9 / PERIOD, start, stats, () -> clock);
    }

    @Test
    void shouldSpreadClientsOverSixteenSlotsAndSendEachOncePerPeriod() {
        InputTimer t = timer(64, 1_000);
        assertEquals(16, t.slotCount());
        assertEquals(1_000 + PERIOD / 16, t.deadline(1));
        assertEquals(1_000 + PERIOD + 3 * PERIOD / 16, t.deadline(19));

        clock = 999;
        assertEquals(1_000, t.runDue(clock), "nothing due yet");
        assertEquals(0, sends.size());
        clock = 1_000;
        assertEquals(1_000 + PERIOD / 16, t.runDue(clock));
        assertEquals(List.of("0@1000", "1@1000", "2@1000", "3@1000"), sends, "slot 0: the first 4 clients");

        sends.clear();
        clock = 1_000 + PERIOD - 1; // slots 1..15 are due: every other client once
        assertEquals(1_000 + PERIOD, t.runDue(clock));
        assertEquals(60, sends.size());
        assertEquals("4@" + clock, sends.get(0));
        assertEquals("63@" + clock, sends.get(59));
        stats.sendLateness.roll();
        assertEquals(64, stats.sendLateness.window().getTotalCount(), "a lateness per send");
        assertEquals(14 * 4, stats.lateSends.sum(), "slots 1..14 ran more than 1 ms after their deadline");
    }

    @Test
    void shouldGiveEachClientItsOwnSlotWhenThereAreFewAndCountLateSends() {
        InputTimer t = timer(3, 0);
        assertEquals(3, t.slotCount());
        clock = PERIOD / 3 + 2_000_000; // slot 0 and 1 due, 1 is 2 ms late
        t.runDue(clock);
        assertEquals(List.of("0@" + clock, "1@" + clock), sends);
        assertEquals(2, stats.lateSends.sum(), "slot 0 is 7.3 ms late, slot 1 2 ms");
    }

    @Test
    void shouldSkipWholeRoundsInsteadOfBursting() {
        InputTimer t = timer(32, 0);
        clock = 3 * PERIOD + 5; // three periods behind: rounds 0..2 skipped, then round 3's first slot is due
        long next = t.runDue(clock);
        assertEquals(3 * 32, stats.skippedSends.sum());
        assertEquals(List.of("0@" + clock, "1@" + clock), sends);
        assertEquals(3 * PERIOD + PERIOD / 16, next);
    }

    @Test
    void forThreadShouldInterleaveTheThreadsSlots() {
        List<InputTimer.Target> none = targets(32);
        InputTimer first = InputTimer.forThread(none, 1e9 / PERIOD, 0, 0, 2, stats);
        InputTimer second = InputTimer.forThread(none, 1e9 / PERIOD, 0, 1, 2, stats);
        assertEquals(0, first.deadline(0));
        assertEquals(PERIOD / 32, second.deadline(0), "half a slot later");
    }
}
