package org.jetraiders.engine.sim;

import static org.jetraiders.engine.sim.SimFixtures.EPS;
import static org.jetraiders.engine.sim.SimFixtures.projectileIndex;
import static org.jetraiders.engine.sim.SimFixtures.removedThisTick;
import static org.jetraiders.engine.sim.SimFixtures.runningWorld;
import static org.jetraiders.engine.sim.SimFixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorldShootingTest {
    private final World world = runningWorld(1);

    @Test
    void shouldFireExactlyTenShotsInOneSecondWhileShootHeld() {
        world.placePlane(0, 0, 0, 0);
        world.setInput(0, 0, 0, true, 1);
        long first = world.tick() + 1;
        steps(world, 60);
        assertEquals(10, world.projectileCount());
        for (int i = 0; i < 10; i++) {
            assertEquals(first + 6L * i, world.projectileSpawnTick(i), "one shot every 6 ticks");
        }
    }

    @Test
    void shouldFireOnTheFirstTickShootIsHeld() {
        world.setInput(0, 0, 0, true, 1);
        world.step();
        assertEquals(1, world.projectileCount());
        assertEquals(world.tick(), world.projectileSpawnTick(0));
    }

    @Test
    void shouldNotFireAgainUntilTheCooldownIsOverEvenWhenShootIsReleasedAndPressed() {
        world.setInput(0, 0, 0, true, 1);
        world.step();
        world.setInput(0, 0, 0, false, 2);
        world.step();
        world.setInput(0, 0, 0, true, 3);
        steps(world, 4);
        assertEquals(1, world.projectileCount(), "5 ticks after the shot: still cooling down");
        world.step();
        assertEquals(2, world.projectileCount(), "6 ticks after the shot");
    }

    @Test
    void shouldSpawnProjectileAtTheNoseWithPlaneRotationVelocityAndOwner() {
        world.placePlane(0, 10, 20, Math.PI / 2);
        world.setInput(0, 0, 0, true, 1);
        world.step();
        assertEquals(1, world.projectileCount());
        assertEquals(1, world.projectileId(0), "ids start at 1");
        assertEquals(1, world.projectileOwner(0));
        assertEquals(10 + 24, world.projectileX(0), EPS);
        assertEquals(20, world.projectileY(0), EPS);
        assertEquals(Math.PI / 2, world.projectileRot(0), 0.0);
        assertEquals(500, world.projectileVx(0), EPS);
        assertEquals(0, world.projectileVy(0), EPS);
        assertEquals(world.tick(), world.projectileSpawnTick(0));
    }

    @Test
    void shouldNumberProjectilesConsecutively() {
        world.setInput(0, 0, 0, true, 1);
        steps(world, 13);
        assertEquals(3, world.projectileCount());
        assertEquals(1, world.projectileId(0));
        assertEquals(2, world.projectileId(1));
        assertEquals(3, world.projectileId(2));
    }

    @Test
    void shouldMoveProjectilesAt500PixelsPerSecondFromTheTickAfterTheirSpawn() {
        world.placePlane(0, 0, 200, 0);
        world.setInput(0, 0, 0, true, 1);
        world.step();
        world.setInput(0, 0, 0, false, 2);
        assertEquals(200 - 24, world.projectileY(0), EPS);
        steps(world, 60);
        assertEquals(0, world.projectileX(0), EPS);
        assertEquals(200 - 24 - 500, world.projectileY(0), EPS);
    }

    @Test
    void shouldKeepAProjectileFor180TickStatesThenReportItRemoved() {
        world.placePlane(0, 0, 0, 0);
        world.setInput(0, 0, 0, true, 1);
        world.step();
        world.setInput(0, 0, 0, false, 2);
        int id = world.projectileId(0);
        int present = 1;
        while (true) {
            world.step();
            if (projectileIndex(world, id) < 0) {
                assertTrue(removedThisTick(world, id), "removal reported in the tick it disappears");
                break;
            }
            assertFalse(removedThisTick(world, id));
            present++;
        }
        assertEquals(180, present);
    }

    @Test
    void shouldNotWrapProjectiles() {
        world.placePlane(0, 300, 0, Math.PI / 2);
        world.setInput(0, 0, 0, true, 1);
        world.step();
        world.setInput(0, 0, 0, false, 2);
        steps(world, 60);
        assertEquals(300 + 24 + 500, world.projectileX(0), EPS);
        steps(world, 60);
        assertEquals(300 + 24 + 1000, world.projectileX(0), EPS);
    }

    @Test
    void shouldKeepFiringForeverWithoutRunningOutOfCapacity() {
        world.setInput(0, 0, 0.3, true, 1);
        steps(world, 2000);
        assertEquals(30, world.projectileCount(), "ceil(180 / 6) shots alive at once");
    }
}
