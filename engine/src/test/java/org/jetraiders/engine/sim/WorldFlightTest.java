package org.jetraiders.engine.sim;

import static org.jetraiders.engine.sim.SimFixtures.EPS;
import static org.jetraiders.engine.sim.SimFixtures.runningWorld;
import static org.jetraiders.engine.sim.SimFixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorldFlightTest {
    private final World world = runningWorld(1);

    @Test
    void shouldTurnThreeRadiansPerSecondClockwiseAtFullTurn() {
        world.placePlane(0, 0, 0, 0);
        world.setInput(0, 0, 1, false, 1);
        steps(world, 60);
        assertEquals(3.0, world.planeRot(0), EPS);
    }

    @Test
    void shouldTurnCounterClockwiseWithNegativeTurn() {
        world.placePlane(0, 0, 0, 0);
        world.setInput(0, 0, -0.5, false, 1);
        steps(world, 60);
        assertEquals(-1.5, world.planeRot(0), EPS);
    }

    @Test
    void shouldReachFullThrottleInHalfASecond() {
        world.setInput(0, 1, 0, false, 1);
        steps(world, 15);
        assertEquals(0.5, world.planeThrottle(0), EPS);
        steps(world, 14);
        assertTrue(world.planeThrottle(0) < 1 - 0.01, "not yet full after 29 ticks");
        world.step();
        assertEquals(1.0, world.planeThrottle(0), EPS);
        steps(world, 10);
        assertEquals(1.0, world.planeThrottle(0), 0.0, "clamped at 1");
    }

    @Test
    void shouldCutThrottleToZeroAndNoFurtherWithReverseThrust() {
        world.setThrottle(0, 1);
        world.setInput(0, -1, 0, false, 1);
        steps(world, 15);
        assertEquals(0.5, world.planeThrottle(0), EPS);
        steps(world, 20);
        assertEquals(0.0, world.planeThrottle(0), 0.0);
    }

    @Test
    void shouldMoveUpAt150PixelsPerSecondAtFullThrottleWithRotZero() {
        world.placePlane(0, 10, 100, 0);
        world.setThrottle(0, 1);
        steps(world, 60);
        assertEquals(10, world.planeX(0), EPS);
        assertEquals(100 - 150, world.planeY(0), EPS);
    }

    @Test
    void shouldMoveAlongSinMinusCosOfRotation() {
        double rot = 0.7;
        world.placePlane(0, 0, 0, rot);
        world.setThrottle(0, 0.5);
        steps(world, 60);
        assertEquals(StrictMath.sin(rot) * 75, world.planeX(0), EPS);
        assertEquals(-StrictMath.cos(rot) * 75, world.planeY(0), EPS);
    }

    @Test
    void shouldMoveRightAtHalfPiAndDownAtPi() {
        world.placePlane(0, 0, 0, Math.PI / 2);
        world.setThrottle(0, 1);
        world.step();
        assertEquals(2.5, world.planeX(0), EPS);
        assertEquals(0, world.planeY(0), EPS);

        world.placePlane(0, 0, 0, Math.PI);
        world.step();
        assertEquals(0, world.planeX(0), EPS);
        assertEquals(2.5, world.planeY(0), EPS);
    }

    @Test
    void shouldWrapFromLeftEdgeToRightEdge() {
        world.placePlane(0, -399, 7, -Math.PI / 2);
        world.setThrottle(0, 1);
        world.step();
        assertEquals(400, world.planeX(0), 0.0);
        assertEquals(7, world.planeY(0), EPS);
    }

    @Test
    void shouldWrapFromRightEdgeToLeftEdge() {
        world.placePlane(0, 399, 7, Math.PI / 2);
        world.setThrottle(0, 1);
        world.step();
        assertEquals(-400, world.planeX(0), 0.0);
    }

    @Test
    void shouldWrapFromTopEdgeToBottomEdge() {
        world.placePlane(0, 5, -229, 0);
        world.setThrottle(0, 1);
        world.step();
        assertEquals(230, world.planeY(0), 0.0);
        assertEquals(5, world.planeX(0), EPS);
    }

    @Test
    void shouldWrapFromBottomEdgeToTopEdge() {
        world.placePlane(0, 5, 229, Math.PI);
        world.setThrottle(0, 1);
        world.step();
        assertEquals(-230, world.planeY(0), 0.0);
    }

    @Test
    void shouldNotWrapWhileStillInsideTheEdge() {
        world.placePlane(0, -397, 0, -Math.PI / 2);
        world.setThrottle(0, 1);
        world.step();
        assertEquals(-399.5, world.planeX(0), EPS);
    }

    @Test
    void shouldClampInputToUnitRange() {
        world.placePlane(0, 0, 0, 0);
        world.setInput(0, 5, -7, false, 1);
        steps(world, 60);
        assertEquals(-3.0, world.planeRot(0), EPS);
        assertEquals(1.0, world.planeThrottle(0), 0.0);
    }

    @Test
    void shouldTreatNonFiniteInputAsZero() {
        world.placePlane(0, 0, 0, 0);
        world.setInput(0, Double.NaN, Double.POSITIVE_INFINITY, false, 1);
        steps(world, 10);
        assertEquals(0, world.planeRot(0), 0.0);
        assertEquals(0, world.planeThrottle(0), 0.0);
        world.setInput(0, Double.NEGATIVE_INFINITY, Double.NaN, false, 2);
        steps(world, 10);
        assertEquals(0, world.planeRot(0), 0.0);
        assertEquals(0, world.planeX(0), 0.0);
        assertEquals(0, world.planeY(0), 0.0);
    }

    @Test
    void shouldHoldInputUntilReplacedAndRememberItsSequence() {
        world.placePlane(0, 0, 0, 0);
        world.setInput(0, 0, 1, false, 41);
        steps(world, 30);
        world.setInput(0, 0, 0, false, 42);
        steps(world, 30);
        assertEquals(1.5, world.planeRot(0), EPS);
        assertEquals(42, world.lastInputSeq(0));
    }

    @Test
    void shouldIgnoreInputForAnEmptySlot() {
        world.setInput(5, 1, 1, true, 9);
        world.setInput(-1, 1, 1, true, 9);
        world.setInput(999, 1, 1, true, 9);
        world.step();
        assertEquals(0, world.lastInputSeq(5));
        assertEquals(0, world.projectileCount());
    }
}
