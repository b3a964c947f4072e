package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.support.FakeLobbyMetrics;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final HealthCheck check = new HealthCheck(now::get);
    private final FakeLobbyMetrics main = new FakeLobbyMetrics();
    private final FakeLobbyMetrics other = new FakeLobbyMetrics();

    private static LobbyView view(String name, FakeLobbyMetrics metrics) {
        return new LobbyView(name, 0, 64, LobbyStatus.LOBBY, -1, metrics.ticks, metrics);
    }

    private HealthCheck.Report evaluate() {
        return check.evaluate(List.of(view("main", main), view("other", other)));
    }

    private void tick(FakeLobbyMetrics metrics, long ticks, long late) {
        metrics.ticks += ticks;
        metrics.lateTicks += late;
        metrics.lastTickNanos = now.get();
    }

    @Test
    void shouldBeHealthyWhenEveryLobbyTicksOnTime() {
        tick(main, 60, 0);
        tick(other, 60, 5);
        now.addAndGet(SECOND / 2);

        HealthCheck.Report report = evaluate();

        assertTrue(report.healthy());
        assertEquals(2, report.lobbies().size());
        assertTrue(report.lobbies().get(0).onTime());
        assertEquals(SECOND / 2, report.lobbies().get(0).lastTickAgeNanos());
    }

    @Test
    void shouldBeHealthyWithoutLobbies() {
        assertTrue(check.evaluate(List.of()).healthy());
    }

    @Test
    void shouldBeDegradedWhenALobbyStoppedTicking() {
        tick(main, 60, 0);
        tick(other, 60, 0);
        now.addAndGet(SECOND + 1);
        tick(other, 1, 0);

        HealthCheck.Report report = evaluate();

        assertFalse(report.healthy());
        assertFalse(report.lobbies().get(0).onTime());
        assertTrue(report.lobbies().get(1).onTime());
    }

    @Test
    void shouldBeDegradedBeforeTheFirstTick() {
        HealthCheck.Report report = check.evaluate(List.of(view("main", main)));

        assertFalse(report.healthy());
        assertEquals(-1, report.lobbies().get(0).lastTickAgeNanos());
    }

    @Test
    void shouldBeDegradedWhenTenPercentOfTicksAreLate() {
        tick(main, 100, 10);
        tick(other, 100, 9);

        HealthCheck.Report report = evaluate();

        assertFalse(report.healthy());
        assertFalse(report.lobbies().get(0).onTime());
        assertEquals(0.10, report.lobbies().get(0).lateRatio(), 1e-9);
        assertTrue(report.lobbies().get(1).onTime());
    }

    @Test
    void shouldJudgeLatenessSinceThePreviousSampleOnly() {
        tick(main, 100, 50);
        tick(other, 100, 0);
        assertFalse(evaluate().healthy());

        tick(main, 100, 1);
        tick(other, 100, 0);
        HealthCheck.Report report = evaluate();

        assertTrue(report.healthy());
        assertEquals(0.01, report.lobbies().get(0).lateRatio(), 1e-9);
    }

    @Test
    void shouldCountNoLatenessWhenNoTickHappenedSinceThePreviousSample() {
        tick(main, 100, 0);
        tick(other, 100, 0);
        evaluate();

        HealthCheck.Report report = evaluate();

        assertTrue(report.healthy());
        assertEquals(0.0, report.lobbies().get(0).lateRatio());
    }

    @Test
    void shouldForgetALobbyThatWentAwayAndStartOverWhenItComesBack() {
        tick(main, 100, 0);
        check.evaluate(List.of(view("main", main)));
        check.evaluate(List.of());

        FakeLobbyMetrics recreated = new FakeLobbyMetrics();
        tick(recreated, 10, 0);
        HealthCheck.Report report = check.evaluate(List.of(view("main", recreated)));

        assertTrue(report.healthy());
        assertEquals(0.0, report.lobbies().get(0).lateRatio());
    }

    @Test
    void shouldTolerateALastTickNewerThanTheSampleTime() {
        tick(main, 10, 0);
        main.lastTickNanos = now.get() + 5;

        HealthCheck.Report report = check.evaluate(List.of(view("main", main)));

        assertTrue(report.healthy());
        assertEquals(0, report.lobbies().get(0).lastTickAgeNanos());
    }
}
