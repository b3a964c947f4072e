package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.metrics.RecentTicks;
import org.jetraiders.server.metrics.TickDurations;
import org.jetraiders.server.metrics.TickRecorder;
import org.jetraiders.server.support.FakeLobbyMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The health rules on a fake clock. Lobbies "tick" at 60 Hz through the same {@link TickRecorder} the
 * server hangs on each lobby's game loop, so their recent windows fill as they would in the server.
 */
class HealthCheckTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long PERIOD = SECOND / 60;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final HealthCheck check = new HealthCheck(now::get);
    private final TickDurations durations = new TickDurations();
    private final Lobby main = new Lobby("main");
    private final Lobby other = new Lobby("other");
    private final ExecutorService pollers = Executors.newFixedThreadPool(16);

    /** A lobby's counters and the window its game loop would record. */
    private final class Lobby {
        final String name;
        final FakeLobbyMetrics metrics = new FakeLobbyMetrics();
        final TickRecorder recorder = new TickRecorder(durations, new RecentTicks());
        /** One tick in this many is late; 0: none. */
        int lateEvery;

        Lobby(String name) {
            this.name = name;
        }

        /** One tick, now, as the game loop counts and reports it. */
        void tick(boolean late) {
            metrics.ticks++;
            if (late) {
                metrics.lateTicks++;
            }
            metrics.lastTickNanos = now.get();
            recorder.onTick(metrics, 50_000);
        }

        LobbyView view() {
            return new LobbyView(name, 0, 64, LobbyStatus.LOBBY, -1, metrics.ticks, metrics, recorder.recent());
        }
    }

    @AfterEach
    void stopPollers() {
        pollers.shutdownNow();
    }

    /** {@code seconds} of 60 Hz ticks of every given lobby, each late as often as its {@code lateEvery} says. */
    private void run(double seconds, Lobby... lobbies) {
        long ticks = Math.round(seconds * 60);
        for (long i = 1; i <= ticks; i++) {
            now.addAndGet(PERIOD);
            for (Lobby lobby : lobbies) {
                lobby.tick(lobby.lateEvery > 0 && i % lobby.lateEvery == 0);
            }
        }
    }

    private HealthCheck.Report evaluate() {
        return check.evaluate(List.of(main.view(), other.view()));
    }

    @Test
    void shouldBeHealthyWhenEveryLobbyTicksOnTime() {
        other.lateEvery = 20; // 5 % late
        run(2, main, other);
        now.addAndGet(SECOND / 2);

        HealthCheck.Report report = evaluate();

        assertTrue(report.healthy());
        assertEquals(2, report.lobbies().size());
        assertTrue(report.lobbies().get(0).onTime());
        assertEquals(SECOND / 2, report.lobbies().get(0).lastTickAgeNanos());
        assertEquals(0.05, report.lobbies().get(1).lateRatio(), 1e-9);
        assertEquals(120, report.lobbies().get(1).ticks());
    }

    @Test
    void shouldBeHealthyWithoutLobbies() {
        assertTrue(check.evaluate(List.of()).healthy());
    }

    @Test
    void shouldBeDegradedWhenALobbyStoppedTicking() {
        run(2, main, other);
        run(1.1, other);

        HealthCheck.Report report = evaluate();

        assertFalse(report.healthy());
        assertFalse(report.lobbies().get(0).onTime());
        assertTrue(report.lobbies().get(1).onTime());
    }

    @Test
    void shouldBeDegradedBeforeTheFirstTick() {
        HealthCheck.Report report = check.evaluate(List.of(main.view()));

        assertFalse(report.healthy());
        assertEquals(-1, report.lobbies().get(0).lastTickAgeNanos());
    }

    @Test
    void shouldBeDegradedWhenTenPercentOfTheWindowsTicksAreLate() {
        main.lateEvery = 10;
        other.lateEvery = 11;
        run(5, main, other);

        HealthCheck.Report report = evaluate();

        assertFalse(report.healthy());
        assertFalse(report.lobbies().get(0).onTime());
        assertEquals(0.10, report.lobbies().get(0).lateRatio(), 1e-9);
        assertTrue(report.lobbies().get(1).onTime());
    }

    @Test
    void shouldForgetLateTicksOnceTheyLeaveTheWindow() {
        run(30, main, other);
        main.lateEvery = 1;
        run(2, main, other); // two bad seconds: degraded while they are within the window
        main.lateEvery = 0;
        run(5, main, other);
        assertFalse(evaluate().healthy());

        run(RecentTicks.DEFAULT_WINDOW.toSeconds() + 1, main, other);

        HealthCheck.Report report = evaluate();
        assertTrue(report.healthy(), report::toString);
        assertEquals(0.0, report.lobbies().get(0).lateRatio());
    }

    @Test
    void shouldCountTheTicksAStallSkippedAsLateUntilTheStallLeavesTheWindow() {
        run(20, main, other);
        now.addAndGet(2 * SECOND); // main's game loop stalls for two seconds...
        main.metrics.lateTicks++;
        main.metrics.skippedTicks += 120; // ...and its schedule skips the deadlines it missed
        run(0.5, main, other);

        HealthCheck.Report stalled = evaluate();
        assertFalse(stalled.lobbies().get(0).onTime(), stalled::toString);
        assertTrue(stalled.lobbies().get(0).lateRatio() > 0.15, stalled::toString);
        assertTrue(stalled.lobbies().get(1).onTime(), stalled::toString);

        run(RecentTicks.DEFAULT_WINDOW.toSeconds() + 1, main, other);
        assertTrue(evaluate().healthy());
    }

    /**
     * The old check compared each call with the previous one: a poller that asked a moment ago and
     * one that asked long ago were judging different stretches of time, and disagreed.
     */
    @Test
    void shouldGiveAPollerEveryTickAndAPollerEveryFewSecondsTheSameVerdict() {
        run(20, main, other);
        List<Boolean> busy = new ArrayList<>();
        List<Boolean> lazy = new ArrayList<>();
        // two bad seconds of main's, then good ones; one poller asks every tick, the other every 3 s
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < 60; i++) {
                now.addAndGet(PERIOD);
                main.tick(second < 2);
                other.tick(false);
                HealthCheck.Report everyTick = evaluate();
                if (i == 59 && second % 3 == 1) {
                    busy.add(everyTick.healthy());
                    lazy.add(evaluate().healthy());
                }
            }
        }

        assertEquals(busy, lazy);
        assertEquals(List.of(false, false, false, false, true, true, true), lazy,
                "degraded while the bad seconds are within the window, healthy after");
    }

    @Test
    void shouldGiveManyConcurrentPollersTheSameVerdictAsOne() throws Exception {
        run(20, main, other);
        main.lateEvery = 1;
        run(2, main, other); // two bad seconds
        main.lateEvery = 0;
        run(3, main, other);
        HealthCheck.Report alone = evaluate();

        Set<HealthCheck.Report> concurrent = pollTogether(16);

        assertFalse(alone.healthy(), alone::toString);
        assertEquals(Set.of(alone), concurrent);

        run(RecentTicks.DEFAULT_WINDOW.toSeconds(), main, other);
        alone = evaluate();
        assertTrue(alone.healthy(), alone::toString);
        assertEquals(Set.of(alone), pollTogether(16));
    }

    /**
     * Lobbies nothing records a window for (an embedder's own directory) are judged on their whole
     * life: still a function of the counters alone, the same for every poller.
     */
    @Test
    void shouldGiveConcurrentPollersTheSameVerdictForALobbyWithoutARecordedWindow() throws Exception {
        FakeLobbyMetrics embedded = new FakeLobbyMetrics();
        embedded.ticks = 100;
        embedded.lateTicks = 50;
        embedded.lastTickNanos = now.get();
        List<LobbyView> views = List.of(new LobbyView("embedded", 0, 64, LobbyStatus.LOBBY, -1, 100, embedded));

        Set<Boolean> verdicts = pollTogether(16, views);
        embedded.ticks += 1000;
        embedded.lastTickNanos = now.get();
        Set<Boolean> after = pollTogether(16, views);

        assertEquals(Set.of(false), verdicts, "half of its ticks late");
        assertEquals(Set.of(true), after, "50 late of 1,100");
    }

    @Test
    void shouldTolerateALastTickNewerThanTheSampleTime() {
        run(1, main);
        main.metrics.lastTickNanos = now.get() + 5;

        HealthCheck.Report report = check.evaluate(List.of(main.view()));

        assertTrue(report.healthy());
        assertEquals(0, report.lobbies().get(0).lastTickAgeNanos());
    }

    /** Every report {@code n} pollers get when they all evaluate at once, at the same instant. */
    private Set<HealthCheck.Report> pollTogether(int n) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HealthCheck.Report>> reports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reports.add(pollers.submit(() -> {
                go.await();
                return evaluate();
            }));
        }
        go.countDown();
        Set<HealthCheck.Report> distinct = new HashSet<>();
        for (Future<HealthCheck.Report> report : reports) {
            distinct.add(report.get(10, TimeUnit.SECONDS));
        }
        return distinct;
    }

    private Set<Boolean> pollTogether(int n, List<LobbyView> views) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> verdicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            verdicts.add(pollers.submit(() -> {
                go.await();
                return check.evaluate(views).healthy();
            }));
        }
        go.countDown();
        Set<Boolean> distinct = new HashSet<>();
        for (Future<Boolean> verdict : verdicts) {
            distinct.add(verdict.get(10, TimeUnit.SECONDS));
        }
        return distinct;
    }
}
