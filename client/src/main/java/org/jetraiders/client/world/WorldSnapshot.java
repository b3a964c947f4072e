package org.jetraiders.client.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jetraiders.client.binary.ClientWorldState;

/**
 * The world at one simulation tick as the server sent it, in px and radians whichever wire format
 * carried it: a JSON {@code WorldUpdate}, or a binary world frame rebuilt from its baselines.
 * Immutable, so it is safe to keep (for {@link SnapshotBuffer}) and to hand to another thread.
 *
 * @param tick        the simulation tick (60 per second by default)
 * @param ack         the {@code seq} of this client's latest input the simulation used, 0 before any
 * @param planes      the alive planes, in ascending id order (a dead plane is absent until it respawns)
 * @param projectiles the projectiles in flight, in ascending id order
 */
public record WorldSnapshot(long tick, long ack, List<Plane> planes, List<Projectile> projectiles) {
    private static final Comparator<Plane> PLANE_ORDER = Comparator.comparingInt(Plane::id);
    private static final Comparator<Projectile> PROJECTILE_ORDER = Comparator.comparingInt(Projectile::id);

    /** Copies the lists, sorted by id; fails on a repeated id. */
    public WorldSnapshot {
        planes = sorted(planes, PLANE_ORDER, Plane::id);
        projectiles = sorted(projectiles, PROJECTILE_ORDER, Projectile::id);
    }

    /** The plane with this id, or null when it is not alive in this snapshot. */
    public Plane plane(int id) {
        int i = indexOf(planes, id, Plane::id);
        return i < 0 ? null : planes.get(i);
    }

    /** The projectile with this id, or null. */
    public Projectile projectile(int id) {
        int i = indexOf(projectiles, id, Projectile::id);
        return i < 0 ? null : projectiles.get(i);
    }

    /**
     * The world a binary decoder rebuilt, converted to px and radians: projectiles that came as spawn
     * records are placed at the state's tick.
     */
    public static WorldSnapshot of(ClientWorldState s) {
        List<Plane> planes = new ArrayList<>(s.planeCount());
        for (int i = 0; i < s.planeCount(); i++) {
            planes.add(new Plane(s.planeId(i), s.planeX(i), s.planeY(i), s.planeRot(i), s.planeHp(i)));
        }
        List<Projectile> projectiles = new ArrayList<>(s.projectileCount());
        for (int i = 0; i < s.projectileCount(); i++) {
            projectiles.add(new Projectile(s.projectileId(i), s.projectileOwner(i), s.projectileX(i), s.projectileY(i),
                    s.projectileRot(i)));
        }
        return new WorldSnapshot(s.tick(), s.ack(), planes, projectiles);
    }

    interface Id<T> {
        int of(T t);
    }

    static <T> int indexOf(List<T> sorted, int id, Id<T> idOf) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = idOf.of(sorted.get(mid));
            if (m < id) {
                lo = mid + 1;
            } else if (m > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    static <T> List<T> sorted(List<T> items, Comparator<T> order, Id<T> idOf) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        for (int i = 1; i < copy.size(); i++) {
            if (idOf.of(copy.get(i)) == idOf.of(copy.get(i - 1))) {
                throw new IllegalArgumentException("id " + idOf.of(copy.get(i)) + " appears twice");
            }
        }
        return List.copyOf(copy);
    }
}
