package org.jetraiders.client.world;

/**
 * One projectile in flight in a {@link WorldSnapshot}.
 *
 * @param id      the projectile's id
 * @param ownerId the shooter's player id
 * @param x       position in px at the snapshot's tick
 * @param y       position in px at the snapshot's tick
 * @param rot     direction of flight in radians (as for planes)
 */
public record Projectile(int id, int ownerId, double x, double y, double rot) {
}
