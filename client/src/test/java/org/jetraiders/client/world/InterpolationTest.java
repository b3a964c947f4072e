package org.jetraiders.client.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterpolationTest {
    private static WorldSnapshot world(long tick, List<Plane> planes, List<Projectile> projectiles) {
        return new WorldSnapshot(tick, 0, planes, projectiles);
    }

    @Test
    void shouldMovePlanesAndProjectilesOnTheLineBetweenTwoSnapshots() {
        WorldSnapshot a = world(10, List.of(new Plane(1, 0, 0, 0, 100)), List.of(new Projectile(5, 1, 0, -10, 0)));
        WorldSnapshot b = world(12, List.of(new Plane(1, 10, -20, 0.2, 80)), List.of(new Projectile(5, 1, 0, -30, 0)));

        RenderedWorld quarter = Interpolation.between(a, b, 10.5);

        assertEquals(10.5, quarter.tick());
        Plane p = quarter.plane(1);
        assertEquals(2.5, p.x(), 1e-12);
        assertEquals(-5, p.y(), 1e-12);
        assertEquals(0.05, p.rot(), 1e-12);
        assertEquals(100, p.hp(), "hp switches half-way");
        assertEquals(80, Interpolation.between(a, b, 11.5).plane(1).hp());
        assertEquals(-15, quarter.projectile(5).y(), 1e-12);
    }

    @Test
    void shouldClampTheRenderTickToThePair() {
        WorldSnapshot a = world(10, List.of(new Plane(1, 0, 0, 0, 100)), List.of());
        WorldSnapshot b = world(12, List.of(new Plane(1, 10, 0, 0, 100)), List.of());
        assertEquals(0, Interpolation.between(a, b, 3).plane(1).x());
        assertEquals(10, Interpolation.between(a, b, 99).plane(1).x());
        assertEquals(0, Interpolation.between(a, a, 10).plane(1).x(), "one snapshot twice: nothing to interpolate");
    }

    @Test
    void shouldTurnTheShortWayRoundThroughZero() {
        double nearlyFull = 2 * Math.PI - 0.1;
        WorldSnapshot a = world(0, List.of(new Plane(1, 0, 0, nearlyFull, 100)), List.of());
        WorldSnapshot b = world(2, List.of(new Plane(1, 0, 0, 0.1, 100)), List.of());
        assertEquals(nearlyFull + 0.1, Interpolation.between(a, b, 1).plane(1).rot(), 1e-12, "through 2π, not back round");
    }

    @Test
    void shouldSnapAPlaneThatWrappedRoundAnEdgeHalfWayInsteadOfStreakingAcross() {
        WorldSnapshot a = world(0, List.of(new Plane(1, 398, 0, Math.PI / 2, 100)), List.of());
        WorldSnapshot b = world(2, List.of(new Plane(1, -398, 0, Math.PI / 2, 100)), List.of());
        assertEquals(398, Interpolation.between(a, b, 0.9).plane(1).x());
        assertEquals(-398, Interpolation.between(a, b, 1.1).plane(1).x());
        WorldBounds wide = new WorldBounds(-1000, 1000, -230, 230);
        assertEquals(0, Interpolation.between(a, b, 1, wide).plane(1).x(), 1e-12, "in a wider world it is a flight");
    }

    @Test
    void shouldShowADeadPlaneUntilTheNewerSnapshotAndASpawnedOneFromItsOwn() {
        Plane dying = new Plane(1, 5, 5, 0, 10);
        WorldSnapshot a = world(0, List.of(dying), List.of(new Projectile(3, 1, 1, 1, 0)));
        WorldSnapshot b = world(2, List.of(new Plane(2, 0, 0, 0, 100)), List.of());
        RenderedWorld mid = Interpolation.between(a, b, 1.9);
        assertSame(dying, mid.plane(1));
        assertNull(mid.plane(2));
        assertEquals(new Projectile(3, 1, 1, 1, 0), mid.projectile(3), "an ended projectile stays where it was");
    }
}
