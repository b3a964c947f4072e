package org.jetraiders.client.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the world at a time between two snapshots, so that motion looks smooth although snapshots
 * arrive in steps (and sometimes late or not at all). The rules are the browser client's
 * ({@code web/js/interp.js}):
 *
 * <ul>
 *   <li>A plane in both snapshots moves on the straight line between them and turns the short way
 *       round; its hp switches half-way.</li>
 *   <li>A plane that moved more than half the world's width or height between them wrapped round an
 *       edge (or respawned elsewhere): it snaps half-way instead of streaking across the map.</li>
 *   <li>A plane only in {@code from} is shown where it was (it died or left at {@code to});
 *       a plane only in {@code to} appears once {@code to} is the older snapshot of a pair.</li>
 *   <li>Projectiles move on the straight line between the snapshots; one only in {@code from}
 *       stays where it was.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * The world at {@code tick}, between {@code from} and {@code to} (clamped to that range).
     *
     * @param bounds the lobby's world, to recognize wraps round its edges
     */
    public static RenderedWorld between(WorldSnapshot from, WorldSnapshot to, double tick, WorldBounds bounds) {
        double alpha = alpha(from.tick(), to.tick(), tick);
        List<Plane> planes = new ArrayList<>(from.planes().size());
        for (Plane a : from.planes()) {
            Plane b = to.plane(a.id());
            if (b == null) {
                planes.add(a);
            } else if (Math.abs(b.x() - a.x()) > bounds.width() / 2 || Math.abs(b.y() - a.y()) > bounds.height() / 2) {
                planes.add(alpha < 0.5 ? a : b);
            } else {
                planes.add(new Plane(a.id(), lerp(a.x(), b.x(), alpha), lerp(a.y(), b.y(), alpha),
                        lerpAngle(a.rot(), b.rot(), alpha), alpha < 0.5 ? a.hp() : b.hp()));
            }
        }
        List<Projectile> projectiles = new ArrayList<>(from.projectiles().size());
        for (Projectile a : from.projectiles()) {
            Projectile b = to.projectile(a.id());
            projectiles.add(b == null ? a
                    : new Projectile(a.id(), a.ownerId(), lerp(a.x(), b.x(), alpha), lerp(a.y(), b.y(), alpha), b.rot()));
        }
        return new RenderedWorld(from.tick() + alpha * (to.tick() - from.tick()), planes, projectiles);
    }

    /** {@link #between(WorldSnapshot, WorldSnapshot, double, WorldBounds)} in the default world. */
    public static RenderedWorld between(WorldSnapshot from, WorldSnapshot to, double tick) {
        return between(from, to, tick, WorldBounds.DEFAULT);
    }

    /** The world of one snapshot, as a {@link RenderedWorld} (nothing to interpolate). */
    public static RenderedWorld of(WorldSnapshot s) {
        return new RenderedWorld(s.tick(), s.planes(), s.projectiles());
    }

    static double alpha(long fromTick, long toTick, double tick) {
        if (toTick <= fromTick) {
            return 0;
        }
        double a = (tick - fromTick) / (toTick - fromTick);
        return a < 0 ? 0 : Math.min(a, 1);
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** From {@code a} towards {@code b} the short way round, radians. */
    static double lerpAngle(double a, double b, double t) {
        double d = (b - a) % (2 * Math.PI);
        if (d > Math.PI) {
            d -= 2 * Math.PI;
        } else if (d < -Math.PI) {
            d += 2 * Math.PI;
        }
        return a + d * t;
    }
}
