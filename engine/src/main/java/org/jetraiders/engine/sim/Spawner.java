package org.jetraiders.engine.sim;

import org.jetraiders.engine.Tuning;

/**
 * Where and when planes appear: a joining player's plane, and dead planes counting down to their
 * respawn (step 2 of a tick). The only user of the lobby's seeded generator: two draws a spawn, x
 * then y, so the order of spawns is the order of draws and must not change.
 *
 * <p>Only the game-loop thread of the world's lobby touches it.
 */
final class Spawner {
    private final Tuning tuning;
    private final Planes planes;
    private final SplitMix64 random;

    Spawner(Tuning tuning, Planes planes, SplitMix64 random) {
        this.tuning = tuning;
        this.planes = planes;
        this.random = random;
    }

    /** Step 2: dead planes count down; those reaching 0 spawn with a cleared input, reported in events. */
    void respawnDead(TickEvents events) {
        Planes p = planes;
        for (int s = 0; s < p.capacity; s++) {
            if (p.active[s] && !p.alive[s] && --p.respawnTicksLeft[s] <= 0) {
                spawn(s);
                p.clearInput(s);
                events.addSpawn(p.playerId[s]);
            }
        }
    }

    /** New random position inside the bounds, rot 0, throttle 0, full hp, alive. */
    void spawn(int s) {
        Planes p = planes;
        p.x[s] = tuning.minX() + random.nextDouble() * (tuning.maxX() - tuning.minX());
        p.y[s] = tuning.minY() + random.nextDouble() * (tuning.maxY() - tuning.minY());
        p.rot[s] = 0;
        p.forwardX[s] = 0;
        p.forwardY[s] = -1;
        p.throttle[s] = 0;
        p.hp[s] = tuning.maxHp();
        p.alive[s] = true;
        p.respawnTicksLeft[s] = 0;
        p.cooldownTicksLeft[s] = 0;
    }
}
