package org.jetraiders.engine.sim;

import static org.jetraiders.engine.sim.SimFixtures.removedThisTick;
import static org.jetraiders.engine.sim.SimFixtures.runningTuning;
import static org.jetraiders.engine.sim.SimFixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorldPlayersTest {
    private final World world = new World(runningTuning(), 60, 3, 5L);

    @Test
    void shouldSpawnAJoiningPlayerInsideTheBoundsWithRotZeroThrottleZeroAndFullHp() {
        int slot = world.addPlayer(17, "Ada");
        assertEquals(0, slot);
        assertTrue(world.isActive(slot));
        assertTrue(world.planeAlive(slot));
        assertEquals(17, world.playerId(slot));
        assertEquals("Ada", world.playerName(slot));
        assertEquals(100, world.planeHp(slot));
        assertEquals(0, world.planeRot(slot), 0.0);
        assertEquals(0, world.planeThrottle(slot), 0.0);
        assertTrue(world.planeX(slot) >= -400 && world.planeX(slot) <= 400);
        assertTrue(world.planeY(slot) >= -230 && world.planeY(slot) <= 230);
        assertEquals(0, world.kills(slot));
        assertEquals(0, world.deaths(slot));
        assertEquals(0, world.lastInputSeq(slot));
        assertEquals(1, world.playerCount());
        assertEquals(0, world.slotOf(17));
    }

    @Test
    void shouldReportTheJoinSpawnInTheNextStepsEventsOnly() {
        world.addPlayer(17, "Ada");
        assertEquals(0, world.events().spawnCount(), "nothing published before the step");
        world.step();
        assertEquals(1, world.events().spawnCount());
        assertEquals(17, world.events().spawnPlayerId(0));
        world.step();
        assertEquals(0, world.events().spawnCount(), "events are replaced every step");
    }

    @Test
    void shouldDropTheSpawnEventOfAPlayerWhoLeftBeforeTheStep() {
        world.addPlayer(17, "Ada");
        world.addPlayer(18, "Bob");
        world.removePlayer(17);
        world.step();
        assertEquals(1, world.events().spawnCount());
        assertEquals(18, world.events().spawnPlayerId(0));
    }

    @Test
    void shouldRejectADuplicateIdAndAFullWorld() {
        assertEquals(0, world.addPlayer(1, "a"));
        assertEquals(World.NO_SLOT, world.addPlayer(1, "again"));
        assertEquals(1, world.addPlayer(2, "b"));
        assertEquals(2, world.addPlayer(3, "c"));
        assertEquals(World.NO_SLOT, world.addPlayer(4, "d"));
        assertEquals(3, world.playerCount());
        assertEquals(World.NO_SLOT, world.slotOf(4));
    }

    @Test
    void shouldReuseTheLowestFreeSlot() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        world.addPlayer(3, "c");
        assertTrue(world.removePlayer(2));
        assertFalse(world.isActive(1));
        assertEquals(World.NO_SLOT, world.slotOf(2));
        assertEquals(1, world.addPlayer(9, "i"));
        assertEquals(0, world.kills(1));
        assertEquals(0, world.lastInputSeq(1));
    }

    @Test
    void shouldReturnFalseWhenRemovingAnUnknownPlayer() {
        assertFalse(world.removePlayer(42));
    }

    @Test
    void shouldRemoveThePlaneAndOnlyItsProjectilesReportingThemInTheNextStep() {
        world.addPlayer(1, "a");
        world.addPlayer(2, "b");
        world.step();
        world.placePlane(0, -200, 0, Math.PI);
        world.placePlane(1, 200, 0, Math.PI);
        world.setInput(0, 0, 0, true, 1);
        world.setInput(1, 0, 0, true, 1);
        steps(world, 13);
        assertEquals(6, world.projectileCount());
        int[] leaverShots = new int[3];
        int n = 0;
        for (int i = 0; i < world.projectileCount(); i++) {
            if (world.projectileOwner(i) == 1) {
                leaverShots[n++] = world.projectileId(i);
            }
        }
        assertEquals(3, n);
        world.setInput(1, 0, 0, false, 2);
        assertTrue(world.removePlayer(1));
        assertEquals(3, world.projectileCount());
        for (int i = 0; i < world.projectileCount(); i++) {
            assertEquals(2, world.projectileOwner(i));
        }
        world.step();
        for (int id : leaverShots) {
            assertTrue(removedThisTick(world, id), "projectile " + id);
        }
        assertEquals(3, world.events().removedProjectileCount());
        assertEquals(1, world.playerCount());
        assertFalse(world.isActive(0));
    }

    @Test
    void shouldBumpTheScoresVersionOnJoinAndLeave() {
        long v0 = world.scoresVersion();
        world.addPlayer(1, "a");
        long v1 = world.scoresVersion();
        assertNotEquals(v0, v1);
        world.removePlayer(1);
        assertNotEquals(v1, world.scoresVersion());
        long v2 = world.scoresVersion();
        world.addPlayer(1, "a");
        world.step(); // match (re)starts: scores reset also counts
        long v3 = world.scoresVersion();
        steps(world, 100);
        assertEquals(v3, world.scoresVersion(), "nothing changed while flying around");
        assertTrue(v3 > v2);
    }

    @Test
    void shouldCountTicksFromZero() {
        assertEquals(0, world.tick());
        steps(world, 3);
        assertEquals(3, world.tick());
    }

    @Test
    void shouldSizeProjectilesForEveryoneFiringContinuously() {
        assertEquals(3 * 30 + 3, world.projectileCapacity());
        assertEquals(6, world.cooldownTicks());
        assertEquals(180, world.lifetimeTicks());
        assertEquals(60, world.respawnTicks());
        assertEquals(3, world.slotCapacity());
    }
}
