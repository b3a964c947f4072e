package org.jetraiders.client.world;

import java.util.List;

/**
 * The world to draw at a render time between two snapshots, from {@link Interpolation} or
 * {@link SnapshotBuffer}. Immutable.
 *
 * @param tick        the (fractional) simulation tick shown
 * @param planes      the planes to draw, in ascending id order
 * @param projectiles the projectiles to draw, in ascending id order
 */
public record RenderedWorld(double tick, List<Plane> planes, List<Projectile> projectiles) {
    public RenderedWorld {
        planes = List.copyOf(planes);
        projectiles = List.copyOf(projectiles);
    }

    /** The plane with this id, or null. */
    public Plane plane(int id) {
        int i = WorldSnapshot.indexOf(planes, id, Plane::id);
        return i < 0 ? null : planes.get(i);
    }

    /** The projectile with this id, or null. */
    public Projectile projectile(int id) {
        int i = WorldSnapshot.indexOf(projectiles, id, Projectile::id);
        return i < 0 ? null : projectiles.get(i);
    }
}
