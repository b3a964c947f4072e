package org.jetraiders.engine.sim;

import static org.jetraiders.engine.sim.SimFixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Tuning;
import org.junit.jupiter.api.Test;

class WorldMatchCycleTest {
    /** 3 s countdown, 2 s match, 1 s pause, 2 players to start. */
    private static final Tuning SHORT = Tuning.defaults().toBuilder()
            .countdownSeconds(3).matchSeconds(2).matchEndPauseSeconds(1).minPlayersToStart(2).build();

    private final World world = new World(SHORT, 60, 4, 3L);

    @Test
    void shouldBeInTheLobbyBeforeAnyStep() {
        assertSame(LobbyStatus.LOBBY, world.status());
        assertEquals(-1, world.matchSecondsLeft());
    }

    @Test
    void shouldWaitInTheLobbyUntilEnoughPlayersJoin() {
        world.addPlayer(1, "a");
        steps(world, 500);
        assertSame(LobbyStatus.LOBBY, world.status());
        world.addPlayer(2, "b");
        world.step();
        assertSame(LobbyStatus.matchStarting(3), world.status());
    }

    @Test
    void shouldCountDownThreeTwoOneForSixtyTicksEachThenRun() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        int[] expected = {3, 2, 1};
        for (int second : expected) {
            for (int t = 0; t < 60; t++) {
                world.step();
                assertSame(LobbyStatus.matchStarting(second), world.status(), "tick " + world.tick());
                assertEquals(-1, world.matchSecondsLeft());
            }
        }
        world.step();
        assertSame(LobbyStatus.MATCH_RUNNING, world.status());
        assertEquals(181, world.tick());
    }

    @Test
    void shouldEndTheMatchAfterItsTimeLimitCountingSecondsDown() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        steps(world, 181);
        assertSame(LobbyStatus.MATCH_RUNNING, world.status());
        assertEquals(2, world.matchSecondsLeft());
        steps(world, 60);
        assertEquals(1, world.matchSecondsLeft());
        steps(world, 59);
        assertSame(LobbyStatus.MATCH_RUNNING, world.status());
        assertEquals(1, world.matchSecondsLeft());
        world.step();
        assertSame(LobbyStatus.MATCH_ENDED, world.status(), "running for exactly 120 ticks");
        assertEquals(-1, world.matchSecondsLeft());
    }

    @Test
    void shouldResetScoresAndStartANewCountdownAfterThePause() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        world.placePlane(1, 0, 0, 0);
        world.placePlane(0, 0, 5, Math.PI);
        steps(world, 181);
        assertSame(LobbyStatus.MATCH_RUNNING, world.status());
        world.setInput(0, 0, 0, true, 1);
        steps(world, 19);
        world.setInput(0, 0, 0, false, 2);
        assertEquals(1, world.kills(0));
        assertEquals(1, world.deaths(1));
        steps(world, 120 - 19);
        assertSame(LobbyStatus.MATCH_ENDED, world.status());
        assertEquals(1, world.kills(0), "final scores stand during the pause");
        long version = world.scoresVersion();
        steps(world, 59);
        assertSame(LobbyStatus.MATCH_ENDED, world.status());
        world.step();
        assertSame(LobbyStatus.matchStarting(3), world.status());
        assertEquals(0, world.kills(0));
        assertEquals(0, world.deaths(1));
        assertTrue(world.scoresVersion() > version);
        steps(world, 180);
        assertSame(LobbyStatus.MATCH_RUNNING, world.status());
    }

    @Test
    void shouldReturnToTheLobbyWhenPlayersDropBelowTheMinimumDuringTheCountdown() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        steps(world, 100);
        world.removePlayer(2);
        world.step();
        assertSame(LobbyStatus.LOBBY, world.status());
        world.addPlayer(3, "c");
        world.step();
        assertSame(LobbyStatus.matchStarting(3), world.status(), "a fresh full countdown");
    }

    @Test
    void shouldReturnToTheLobbyWhenPlayersDropBelowTheMinimumDuringTheMatch() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        steps(world, 200);
        assertSame(LobbyStatus.MATCH_RUNNING, world.status());
        world.removePlayer(1);
        world.step();
        assertSame(LobbyStatus.LOBBY, world.status());
        assertEquals(-1, world.matchSecondsLeft());
    }

    @Test
    void shouldGoToTheLobbyAfterThePauseWhenPlayersLeftDuringIt() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        steps(world, 301);
        assertSame(LobbyStatus.MATCH_ENDED, world.status());
        world.removePlayer(2);
        steps(world, 59);
        assertSame(LobbyStatus.MATCH_ENDED, world.status());
        world.step();
        assertSame(LobbyStatus.LOBBY, world.status());
    }

    @Test
    void shouldRunStraightAwayWithoutACountdown() {
        World w = new World(SHORT.toBuilder().countdownSeconds(0).minPlayersToStart(1).build(), 60, 4, 3L);
        w.addPlayer(1, "a");
        w.step();
        assertSame(LobbyStatus.MATCH_RUNNING, w.status());
        assertEquals(2, w.matchSecondsLeft());
    }

    @Test
    void shouldRunForeverWithoutATimeLimit() {
        World w = new World(SHORT.toBuilder().matchSeconds(0).minPlayersToStart(1).build(), 60, 4, 3L);
        w.addPlayer(1, "a");
        steps(w, 181);
        assertSame(LobbyStatus.MATCH_RUNNING, w.status());
        steps(w, 60 * 60 * 3);
        assertSame(LobbyStatus.MATCH_RUNNING, w.status());
        assertEquals(-1, w.matchSecondsLeft());
    }

    @Test
    void shouldCountInTicksOfTheLobbysTickRate() {
        World w = new World(SHORT.toBuilder().minPlayersToStart(1).build(), 20, 4, 3L);
        w.addPlayer(1, "a");
        steps(w, 60);
        assertSame(LobbyStatus.matchStarting(1), w.status());
        w.step();
        assertSame(LobbyStatus.MATCH_RUNNING, w.status());
        steps(w, 40);
        assertSame(LobbyStatus.MATCH_ENDED, w.status());
    }
}
