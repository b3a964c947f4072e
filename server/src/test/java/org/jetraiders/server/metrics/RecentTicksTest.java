package org.jetraiders.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jetraiders.server.support.FakeLobbyMetrics;
import org.junit.jupiter.api.Test;

class RecentTicksTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long START = 5_000 * SECOND;

    private final FakeLobbyMetrics lobby = new FakeLobbyMetrics();
    private final RecentTicks recent = new RecentTicks(Duration.ofSeconds(10));
    private long now = START;

    /** {@code perSecond} ticks in each of the next {@code seconds} seconds, {@code late} of each second's late. */
    private void run(int seconds, int perSecond, int late) {
        for (int s = 0; s < seconds; s++) {
            long second = now;
            for (int i = 0; i < perSecond; i++) {
                lobby.ticks++;
                if (i < late) {
                    lobby.lateTicks++;
                }
                lobby.lastTickNanos = second + i * (SECOND / perSecond);
                recent.record(lobby);
            }
            now += SECOND;
        }
    }

    @Test
    void shouldCountEverythingSinceTheStartWhileTheLobbyIsYoungerThanTheWindow() {
        run(4, 60, 1);

        assertEquals(new TickWindow.Counts(240, 4, 0), recent.over(now, lobby));
    }

    @Test
    void shouldCountTheLastTenWholeSecondsAndTheCurrentOne() {
        run(30, 60, 0);
        run(5, 60, 6);
        now -= SECOND / 2; // half-way through the last second run

        // from the start of the second ten before the current one to the latest tick: 11 s of ticks here
        assertEquals(new TickWindow.Counts(600 + 60, 30, 0), recent.over(now, lobby));
    }

    @Test
    void shouldStartTheWindowAtTheFirstSecondTheLobbyTickedInWhenItSkippedTheWindowsFirstSeconds() {
        run(30, 60, 0);
        now += 8 * SECOND; // stalled: no tick for eight seconds
        lobby.skippedTicks += 480; // the tick that ends the stall counts what it skipped
        run(3, 60, 0);

        // no tick in the window's first eight seconds: it starts with the first second that has one,
        // from the counters as they stood before its first tick, so the stall's skipped ticks count
        assertEquals(new TickWindow.Counts(180, 0, 480), recent.over(now - 1, lobby));
    }

    @Test
    void shouldReportNoTicksWhenTheLobbyDidNotTickWithinTheWindow() {
        run(5, 60, 10);

        assertEquals(new TickWindow.Counts(0, 0, 0), recent.over(now + 20 * SECOND, lobby));
    }

    @Test
    void shouldKeepCountingRightAfterTheRingWrapsManyTimes() {
        run(1_000, 60, 0);
        run(11, 60, 3);

        assertEquals(new TickWindow.Counts(660, 33, 0), recent.over(now - 1, lobby));
    }

    @Test
    void shouldGiveTheSameCountsToEveryReaderAtTheSameMoment() {
        run(20, 60, 2);

        TickWindow.Counts first = recent.over(now, lobby);
        for (int i = 0; i < 100; i++) {
            assertEquals(first, recent.over(now, lobby));
        }
    }

    @Test
    void shouldRatioLateAndSkippedTicksOverTheTicksThatWereDue() {
        assertEquals(0.0, new TickWindow.Counts(0, 0, 0).lateRatio());
        assertEquals(0.25, new TickWindow.Counts(100, 25, 0).lateRatio(), 1e-12);
        assertEquals(0.5, new TickWindow.Counts(100, 0, 100).lateRatio(), 1e-12);
    }

    @Test
    void shouldJudgeALobbyWithoutHistoryOnItsWholeLife() {
        lobby.ticks = 1000;
        lobby.lateTicks = 7;
        lobby.skippedTicks = 3;

        assertEquals(new TickWindow.Counts(1000, 7, 3), TickWindow.LIFETIME.over(now, lobby));
    }

    @Test
    void shouldRefuseWindowsShorterThanASecond() {
        assertThrows(IllegalArgumentException.class, () -> new RecentTicks(Duration.ofMillis(999)));
        assertEquals(Duration.ofSeconds(10), new RecentTicks().window());
    }
}
