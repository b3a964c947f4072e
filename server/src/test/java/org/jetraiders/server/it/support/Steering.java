package org.jetraiders.server.it.support;

/** Flight geometry of GAME_RULES: forward is (sin rot, -cos rot). */
public final class Steering {
    private Steering() {
    }

    /** Heading (rot) that points from (x, y) at (tx, ty). */
    public static double headingTo(double x, double y, double tx, double ty) {
        return Math.atan2(tx - x, -(ty - y));
    }

    /** The angle in (-pi, pi]. */
    public static double normalize(double angle) {
        double a = angle % (2 * Math.PI);
        if (a > Math.PI) {
            a -= 2 * Math.PI;
        } else if (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }
}
