package org.jetraiders.engine.sim;

import org.jetraiders.engine.Tuning;

/**
 * Step 4 of a tick: live planes count down their shot cooldown and fire from the nose when shoot is
 * held and the cooldown is over; also hands out the lobby-wide projectile ids. Sizes the projectile
 * pool too, since how many shots can be alive follows from the cooldown and the lifetime.
 *
 * <p>Only the game-loop thread of the world's lobby touches it.
 */
final class Guns {
    private final Tuning tuning;
    private final Planes planes;
    private final Projectiles projectiles;
    private final int cooldownTicks;
    private final int lifetimeTicks;

    private int nextProjectileId = 1;

    Guns(Tuning tuning, Planes planes, Projectiles projectiles, int cooldownTicks, int lifetimeTicks) {
        this.tuning = tuning;
        this.planes = planes;
        this.projectiles = projectiles;
        this.cooldownTicks = cooldownTicks;
        this.lifetimeTicks = lifetimeTicks;
    }

    /** Projectiles that can be alive at once when every one of maxPlayers planes fires continuously. */
    static long projectileCapacity(int maxPlayers, int cooldownTicks, int lifetimeTicks) {
        // everyone firing continuously keeps ceil(lifetime / cooldown) shots alive, plus one each
        // fired in the tick the oldest expires
        long shotsPerPlane = (lifetimeTicks + (long) cooldownTicks - 1) / cooldownTicks;
        return (long) maxPlayers * shotsPerPlane + maxPlayers;
    }

    /** Step 4, in slot order; a full pool (never, at the computed capacity) skips the shot. */
    void fire(long tick) {
        Planes p = planes;
        Projectiles q = projectiles;
        double nose = tuning.noseOffset();
        double speed = tuning.projectileSpeed();
        for (int s = 0; s < p.capacity; s++) {
            if (!p.active[s] || !p.alive[s]) {
                continue;
            }
            if (p.cooldownTicksLeft[s] > 0) {
                p.cooldownTicksLeft[s]--;
            }
            if (p.shoot[s] && p.cooldownTicksLeft[s] == 0 && q.count < q.capacity) {
                double fx = p.forwardX[s];
                double fy = p.forwardY[s];
                q.add(takeProjectileId(), p.playerId[s], s, p.x[s] + fx * nose, p.y[s] + fy * nose, p.rot[s],
                        fx * speed, fy * speed, tick, lifetimeTicks);
                p.cooldownTicksLeft[s] = cooldownTicks;
            }
        }
    }

    /** Lobby-wide ids from 1; wraps back to 1 after Integer.MAX_VALUE (far more than ever live at once). */
    private int takeProjectileId() {
        int id = nextProjectileId;
        nextProjectileId = id == Integer.MAX_VALUE ? 1 : id + 1;
        return id;
    }

    /** The id the next shot gets: part of the world image. */
    int nextProjectileId() {
        return nextProjectileId;
    }

    /** Restoring a world image. */
    void setNextProjectileId(int id) {
        nextProjectileId = id;
    }
}
