package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HitGridTest {
    private static final double MIN_X = -400;
    private static final double MAX_X = 400;
    private static final double MIN_Y = -230;
    private static final double MAX_Y = 230;
    private static final double HIT = 29;

    private static Planes planes(int capacity) {
        return new Planes(capacity);
    }

    private static int addPlane(Planes p, double x, double y) {
        int slot = p.add(1000 + p.count, "p");
        p.x[slot] = x;
        p.y[slot] = y;
        p.alive[slot] = true;
        return slot;
    }

    private static HitGrid grid(int capacity) {
        return new HitGrid(MIN_X, MAX_X, MIN_Y, MAX_Y, HIT, capacity);
    }

    @Test
    void shouldUseCellsAtLeastAsLargeAsTheHitDistance() {
        HitGrid g = grid(1);
        assertTrue(800.0 / g.cols() >= HIT);
        assertTrue(460.0 / g.rows() >= HIT);
        assertTrue(g.cols() > 20 && g.rows() > 10, "but not needlessly coarse: " + g.cols() + "x" + g.rows());
    }

    @Test
    void shouldFindTheSameTargetAsTheNaiveTestOnRandomScenes() {
        int hits = 0;
        int outside = 0;
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int capacity = 1 + r.nextInt(300);
            Planes p = planes(capacity);
            HitGrid g = grid(capacity);
            for (int i = 0; i < capacity; i++) {
                double x;
                double y;
                switch (r.nextInt(4)) {
                    case 0: // on an edge or a corner
                        x = r.nextBoolean() ? MIN_X : MAX_X;
                        y = r.nextBoolean() ? MIN_Y : MAX_Y;
                        if (r.nextBoolean()) {
                            y = MIN_Y + r.nextDouble() * (MAX_Y - MIN_Y);
                        }
                        break;
                    case 1: // on a likely cell boundary
                        x = MIN_X + (800.0 / g.cols()) * r.nextInt(g.cols() + 1);
                        y = MIN_Y + (460.0 / g.rows()) * r.nextInt(g.rows() + 1);
                        break;
                    default:
                        x = MIN_X + r.nextDouble() * (MAX_X - MIN_X);
                        y = MIN_Y + r.nextDouble() * (MAX_Y - MIN_Y);
                }
                addPlane(p, x, y);
                p.alive[i] = r.nextInt(10) != 0;
            }
            for (int i = 0; i < capacity; i++) {
                if (r.nextInt(20) == 0) {
                    p.remove(i); // inactive slots
                }
            }
            g.build(p);
            for (int q = 0; q < 2000; q++) {
                double px;
                double py;
                if (r.nextBoolean() && capacity > 0) {
                    // near a plane, including exactly on the hit circle
                    int s = r.nextInt(capacity);
                    double angle = r.nextDouble() * 2 * Math.PI;
                    double d = r.nextInt(4) == 0 ? HIT : r.nextDouble() * HIT * 1.2;
                    px = p.x[s] + StrictMath.cos(angle) * d;
                    py = p.y[s] + StrictMath.sin(angle) * d;
                } else {
                    px = MIN_X - 100 + r.nextDouble() * 1000;
                    py = MIN_Y - 100 + r.nextDouble() * 660;
                }
                if (px < MIN_X || px > MAX_X || py < MIN_Y || py > MAX_Y) {
                    outside++;
                }
                int owner = r.nextInt(capacity + 1) - 1;
                int expected = g.nearestNaive(p, px, py, owner);
                assertEquals(expected, g.nearest(p, px, py, owner),
                        "seed " + seed + " query " + q + " at " + px + ", " + py);
                if (expected >= 0) {
                    hits++;
                }
            }
        }
        assertTrue(hits > 50_000, "the scenes must produce hits: " + hits);
        assertTrue(outside > 10_000, "and queries outside the bounds: " + outside);
    }

    @Test
    void shouldPreferTheLowestSlotOnEqualDistanceWhicheverCellItIsIn() {
        Planes p = planes(3);
        HitGrid g = grid(3);
        addPlane(p, 100, 0);   // slot 0, right
        addPlane(p, 60, 0);    // slot 1, left
        addPlane(p, 80, -20);  // slot 2, above
        g.build(p);
        assertEquals(0, g.nearest(p, 80, 0, World.NO_SLOT)); // 20 from each
        assertEquals(0, g.nearestNaive(p, 80, 0, World.NO_SLOT));
        assertEquals(1, g.nearest(p, 80, 0, 0));
        assertEquals(2, g.nearest(p, 80, -1, World.NO_SLOT));
    }

    @Test
    void shouldIgnoreTheOwnerAndDeadPlanes() {
        Planes p = planes(2);
        HitGrid g = grid(2);
        addPlane(p, 0, 0);
        addPlane(p, 10, 0);
        p.alive[1] = false;
        g.build(p);
        assertEquals(World.NO_SLOT, g.nearest(p, 5, 0, 0));
        p.alive[1] = true; // alive again but not in the grid until the next build
        p.alive[0] = false; // died after the build: skipped
        assertEquals(World.NO_SLOT, g.nearest(p, 5, 0, World.NO_SLOT));
    }

    @Test
    void shouldHitPlanesOnTheEdgesFromProjectilesOutsideTheBounds() {
        Planes p = planes(4);
        HitGrid g = grid(4);
        addPlane(p, MAX_X, MAX_Y);
        addPlane(p, MIN_X, MIN_Y);
        addPlane(p, MAX_X, MIN_Y);
        addPlane(p, MIN_X, MAX_Y);
        g.build(p);
        assertEquals(0, g.nearest(p, MAX_X + 20, MAX_Y + 20, World.NO_SLOT));
        assertEquals(1, g.nearest(p, MIN_X - 29, MIN_Y, World.NO_SLOT));
        assertEquals(2, g.nearest(p, MAX_X, MIN_Y - 29, World.NO_SLOT));
        assertEquals(3, g.nearest(p, MIN_X - 0.5, MAX_Y + 28, World.NO_SLOT));
        assertEquals(World.NO_SLOT, g.nearest(p, MAX_X + 29.01, MAX_Y, World.NO_SLOT));
        assertEquals(World.NO_SLOT, g.nearest(p, 1e300, -1e300, World.NO_SLOT));
        assertEquals(World.NO_SLOT, g.nearest(p, Double.NaN, 0, World.NO_SLOT));
    }

    @Test
    void shouldCapTheCellCountOfAHugeWorldAndStayCorrect() {
        HitGrid g = new HitGrid(-1e6, 1e6, -1e6, 1e6, HIT, 8);
        assertEquals(HitGrid.MAX_CELLS_PER_AXIS, g.cols());
        Planes p = planes(2);
        addPlane(p, 5e5, 5e5);
        addPlane(p, -1e6, 1e6);
        g.build(p);
        assertEquals(0, g.nearest(p, 5e5 + 29, 5e5, World.NO_SLOT));
        assertEquals(1, g.nearest(p, -1e6 - 20, 1e6 + 20, World.NO_SLOT));
    }

    @Test
    void shouldWorkWithASingleCellWorldSmallerThanTheHitDistance() {
        HitGrid g = new HitGrid(0, 10, 0, 10, HIT, 2);
        assertEquals(1, g.cols());
        Planes p = planes(2);
        addPlane(p, 0, 0);
        addPlane(p, 10, 10);
        g.build(p);
        assertEquals(1, g.nearest(p, 30, 30, World.NO_SLOT));
        assertEquals(0, g.nearest(p, -20, 0, World.NO_SLOT));
        assertEquals(World.NO_SLOT, g.nearest(p, 60, 60, World.NO_SLOT));
    }
}
