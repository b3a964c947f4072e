package org.jetraiders.client.world;

/**
 * One alive plane of a {@link WorldSnapshot}.
 *
 * @param id  the player's id (the {@code player_id} of its {@code Identity})
 * @param x   position in px; x grows right
 * @param y   position in px; y grows down
 * @param rot rotation in radians; 0 faces up (−y), positive turns clockwise
 * @param hp  hit points
 */
public record Plane(int id, double x, double y, double rot, int hp) {
}
