package org.jetraiders.server.lobby;

import org.jetraiders.engine.Snapshot;

/**
 * Decides one bot's input from a snapshot: steer toward the nearest live enemy, keep the throttle up,
 * shoot when roughly aimed and in range. Pure and allocation-free, so it is easy to test.
 */
final class BotPilot {
    static final double AIM_TOLERANCE_RAD = 0.25;
    static final double SHOOT_RANGE_PX = 350;

    /** Result holder, reused. */
    static final class Decision {
        double thrust;
        double turn;
        boolean shoot;
    }

    private BotPilot() {
    }

    /** Fills {@code out} for the plane at {@code self}; returns false when the bot's plane is absent or dead. */
    static boolean decide(Snapshot s, int self, Decision out) {
        if (self < 0 || !s.planeAlive(self)) {
            return false;
        }
        double x = s.planeX(self);
        double y = s.planeY(self);
        int target = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0, n = s.planeCount(); i < n; i++) {
            if (i == self || !s.planeAlive(i)) {
                continue;
            }
            double dx = s.planeX(i) - x;
            double dy = s.planeY(i) - y;
            double d2 = dx * dx + dy * dy;
            if (d2 < best) {
                best = d2;
                target = i;
            }
        }
        out.thrust = 1;
        if (target < 0) {
            out.turn = 0.3; // nobody to chase: circle
            out.shoot = false;
            return true;
        }
        // forward is (sin rot, -cos rot), so the heading towards (dx, dy) is atan2(dx, -dy)
        double heading = Math.atan2(s.planeX(target) - x, -(s.planeY(target) - y));
        double diff = normalize(heading - s.planeRot(self));
        out.turn = Math.max(-1, Math.min(1, diff * 3));
        out.shoot = Math.abs(diff) < AIM_TOLERANCE_RAD && best < SHOOT_RANGE_PX * SHOOT_RANGE_PX;
        return true;
    }

    static double normalize(double angle) {
        double a = angle % (2 * Math.PI);
        if (a > Math.PI) {
            a -= 2 * Math.PI;
        } else if (a < -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }
}
