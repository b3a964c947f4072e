package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Tuning;

/** Shared set-ups for the sim tests (same package, so the World's test hooks are reachable). */
final class SimFixtures {
    static final int HZ = 60;
    static final double EPS = 1e-9;

    private SimFixtures() {
    }

    /** Default numbers, but no countdown and no time limit: running after the first step. */
    static Tuning runningTuning() {
        return Tuning.defaults().toBuilder().countdownSeconds(0).matchSeconds(0).build();
    }

    /** A world with players 1..n (names "p1".."pn") in slots 0..n-1, stepped once, so MatchRunning. */
    static World runningWorld(int players) {
        World world = new World(runningTuning(), HZ, 16, 42L);
        for (int id = 1; id <= players; id++) {
            assertEquals(id - 1, world.addPlayer(id, "p" + id));
        }
        world.step();
        assertEquals(LobbyStatus.MATCH_RUNNING, world.status());
        return world;
    }

    static void steps(World world, int n) {
        for (int i = 0; i < n; i++) {
            world.step();
        }
    }

    /** Index of the projectile with this id, or -1. */
    static int projectileIndex(World world, int id) {
        for (int i = 0; i < world.projectileCount(); i++) {
            if (world.projectileId(i) == id) {
                return i;
            }
        }
        return -1;
    }

    static boolean removedThisTick(World world, int projectileId) {
        TickEvents e = world.events();
        for (int i = 0; i < e.removedProjectileCount(); i++) {
            if (e.removedProjectileId(i) == projectileId) {
                return true;
            }
        }
        return false;
    }
}
