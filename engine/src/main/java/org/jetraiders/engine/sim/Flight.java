package org.jetraiders.engine.sim;

import org.jetraiders.engine.Tuning;

/**
 * Step 3 of a tick: every live plane turns, changes throttle, moves along its new heading and wraps
 * around the bounds. The forward vector it computes is kept in {@link Planes}, where firing (step 4)
 * reuses it.
 *
 * <p>Stateless; only the game-loop thread of the world's lobby calls it. The arithmetic, StrictMath
 * and its order included, is part of the determinism contract: golden journals depend on every bit.
 */
final class Flight {
    private Flight() {
    }

    /** Moves every active, live plane one tick of {@code dt} seconds. */
    static void fly(Planes p, Tuning tuning, double dt) {
        double turnStep = tuning.turnRate() * dt;
        double throttleStep = tuning.throttleRate() * dt;
        double speed = tuning.maxSpeed() * dt;
        double minX = tuning.minX();
        double maxX = tuning.maxX();
        double minY = tuning.minY();
        double maxY = tuning.maxY();
        for (int s = 0; s < p.capacity; s++) {
            if (!p.active[s] || !p.alive[s]) {
                continue;
            }
            double rot = p.rot[s] + p.turn[s] * turnStep;
            double throttle = p.throttle[s] + p.thrust[s] * throttleStep;
            throttle = throttle < 0 ? 0 : (throttle > 1 ? 1 : throttle);
            double fx = StrictMath.sin(rot);
            double fy = -StrictMath.cos(rot);
            double distance = throttle * speed;
            double x = p.x[s] + fx * distance;
            double y = p.y[s] + fy * distance;
            if (x < minX) {
                x = maxX;
            } else if (x > maxX) {
                x = minX;
            }
            if (y < minY) {
                y = maxY;
            } else if (y > maxY) {
                y = minY;
            }
            p.rot[s] = rot;
            p.throttle[s] = throttle;
            p.forwardX[s] = fx;
            p.forwardY[s] = fy;
            p.x[s] = x;
            p.y[s] = y;
        }
    }

    /** A test hook's exact pose for a plane: inside the bounds, forward vector as flight computes it. */
    static void place(Planes p, Tuning tuning, int slot, double x, double y, double rot) {
        if (!p.isActive(slot)) {
            throw new IllegalArgumentException("no player in slot " + slot);
        }
        if (!(x >= tuning.minX() && x <= tuning.maxX() && y >= tuning.minY() && y <= tuning.maxY())) {
            throw new IllegalArgumentException("position outside the bounds: " + x + ", " + y);
        }
        p.x[slot] = x;
        p.y[slot] = y;
        p.rot[slot] = rot;
        p.forwardX[slot] = StrictMath.sin(rot);
        p.forwardY[slot] = -StrictMath.cos(rot);
    }
}
