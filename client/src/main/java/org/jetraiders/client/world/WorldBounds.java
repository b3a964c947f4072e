package org.jetraiders.client.world;

/**
 * The rectangle planes fly in (they wrap at its edges), in px. The protocol does not carry it: a
 * lobby's bounds are the server's configuration, {@link #DEFAULT} unless its operator changed them.
 * {@link Interpolation} uses it to tell a wrap round an edge from a flight across the world.
 */
public record WorldBounds(double minX, double maxX, double minY, double maxY) {
    /** The game's default world (GAME_RULES): x in [-400, 400], y in [-230, 230]. */
    public static final WorldBounds DEFAULT = new WorldBounds(-400, 400, -230, 230);

    public WorldBounds {
        if (!(minX < maxX) || !(minY < maxY)) {
            throw new IllegalArgumentException("empty bounds: x " + minX + ".." + maxX + ", y " + minY + ".." + maxY);
        }
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }
}
