package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Tuning;
import org.junit.jupiter.api.Test;

/**
 * Scale and allocation checks of a big lobby. Work is counted (planes examined by hit tests), never
 * timed: the bench module's TickBenchmark measures the time.
 */
class WorldSteadyStateTest {
    private static final int PLAYERS = 1000;

    /**
     * 1,000 planes circling and firing in a world 10 x 10 times the default area (the default world
     * would be covered seven times over by 1,000 hit circles), kept in the Lobby so that no plane dies:
     * more than 10,000 projectiles stay in flight.
     */
    private static World bigLobby(boolean naive) {
        Tuning tuning = Tuning.defaults().toBuilder()
                .bounds(-4000, 4000, -2300, 2300).minPlayersToStart(PLAYERS + 1).build();
        World w = new World(tuning, 60, PLAYERS, 1L);
        w.setNaiveHitTest(naive);
        for (int id = 1; id <= PLAYERS; id++) {
            w.addPlayer(id, "p" + id);
        }
        for (int s = 0; s < PLAYERS; s++) {
            w.setInput(s, 1, (s % 7 - 3) / 3.0, true, 1);
        }
        return w;
    }

    @Test
    void shouldKeepTenThousandProjectilesInFlightAmongAThousandPlanes() {
        World w = bigLobby(false);
        SimFixtures.steps(w, 300);
        assertEquals(LobbyStatus.LOBBY, w.status());
        assertTrue(w.projectileCount() >= 10_000, "projectiles in flight: " + w.projectileCount());
    }

    @Test
    void shouldExamineFarFewerPlanesWithTheGridThanNaively() {
        World grid = bigLobby(false);
        World naive = bigLobby(true);
        SimFixtures.steps(grid, 300);
        SimFixtures.steps(naive, 300);
        assertEquals(grid.projectileCount(), naive.projectileCount());
        long gridBefore = grid.hitGridCandidatesExamined();
        long naiveBefore = naive.hitGridCandidatesExamined();
        SimFixtures.steps(grid, 10);
        SimFixtures.steps(naive, 10);
        long gridExamined = grid.hitGridCandidatesExamined() - gridBefore;
        long naiveExamined = naive.hitGridCandidatesExamined() - naiveBefore;
        // naive looks at every plane for every projectile; the grid only at the 3x3 cells around it
        assertTrue(gridExamined * 100 < naiveExamined, "grid examined " + gridExamined + ", naive " + naiveExamined);
    }

    @Test
    void shouldNotAllocateInSteadyState() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        Tuning tuning = Tuning.defaults().toBuilder().countdownSeconds(1).matchSeconds(5).matchEndPauseSeconds(1).build();
        World w = new World(tuning, 60, 64, 9L);
        for (int id = 1; id <= 64; id++) {
            w.addPlayer(id, "p" + id);
        }
        runBattle(w, 6000); // warm up: JIT, every code path (hits, kills, respawns, match resets)
        // the JIT may allocate a few bytes on this thread while it settles (seen in the first windows
        // only); a steady allocation shows in every window, so one clean window of 2000 ticks
        // (several full match cycles) passes
        long[] windows = new long[5];
        int kills = 0;
        for (int i = 0; i < windows.length; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            kills += runBattle(w, 2000);
            windows[i] = threads.getCurrentThreadAllocatedBytes() - before;
            if (windows[i] == 0) {
                break;
            }
        }
        assertTrue(kills > 0, "the battle must exercise kills and respawns");
        assertTrue(Arrays.stream(windows).anyMatch(b -> b == 0),
                "bytes allocated per 2000-tick window: " + Arrays.toString(windows));
    }

    private static int runBattle(World w, int ticks) {
        int kills = 0;
        for (int t = 0; t < ticks; t++) {
            for (int s = 0; s < w.slotCapacity(); s++) {
                if ((t + s) % 30 == 0) {
                    w.setInput(s, (s % 3) - 0.5, ((t / 30 + s) % 5 - 2) / 2.0, true, t);
                }
            }
            w.step();
            kills += w.events().killCount();
        }
        return kills;
    }
}
