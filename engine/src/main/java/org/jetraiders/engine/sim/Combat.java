package org.jetraiders.engine.sim;

import org.jetraiders.engine.Tuning;

/**
 * Step 5 of a tick: projectiles from earlier ticks move and age, every projectile is hit-tested
 * against the planes, a hit deals damage and may kill (scoring the kill and starting the victim's
 * respawn timer), and spent and expired projectiles are removed, the rest keeping their order.
 *
 * <p>A projectile is hit-tested in every tick it is in the state, and once more at its final position
 * in the tick it expires (move, age, hit-test, then remove). Damage follows the status published by
 * the previous step: hits while that was not MatchRunning deal 0 damage (the hit is still reported and
 * the projectile removed).
 *
 * <p>Only the game-loop thread of the world's lobby touches it.
 */
final class Combat {
    private final Tuning tuning;
    private final double dt;
    private final int respawnTicks;
    private final Planes planes;
    private final Projectiles projectiles;
    private final HitGrid grid;
    private final MatchScores scores;
    private final TickEvents events;

    private boolean naiveHitTest;

    Combat(Tuning tuning, double dt, int respawnTicks, Planes planes, Projectiles projectiles, HitGrid grid,
            MatchScores scores, TickEvents events) {
        this.tuning = tuning;
        this.dt = dt;
        this.respawnTicks = respawnTicks;
        this.planes = planes;
        this.projectiles = projectiles;
        this.grid = grid;
        this.scores = scores;
        this.events = events;
    }

    /** Step 5 of tick {@code now}: projectiles in order, each moved (unless fired this tick) and hit-tested. */
    void update(long now) {
        Projectiles q = projectiles;
        Planes p = planes;
        boolean naive = naiveHitTest;
        if (!naive) {
            grid.build(p);
        }
        boolean damaging = scores.matchRunning();
        int n = q.count;
        int w = 0;
        for (int r = 0; r < n; r++) {
            if (q.spawnTick[r] < now) {
                q.x[r] += q.vx[r] * dt;
                q.y[r] += q.vy[r] * dt;
                q.life[r]--;
            }
            int victim = naive
                    ? grid.nearestNaive(p, q.x[r], q.y[r], q.ownerSlot[r])
                    : grid.nearest(p, q.x[r], q.y[r], q.ownerSlot[r]);
            if (victim != World.NO_SLOT) {
                hit(r, victim, damaging);
                events.addRemovedProjectile(q.id[r]);
            } else if (q.life[r] <= 0) {
                events.addRemovedProjectile(q.id[r]);
            } else {
                if (w != r) {
                    q.move(r, w);
                }
                w++;
            }
        }
        q.count = w;
    }

    private void hit(int r, int victim, boolean damaging) {
        Planes p = planes;
        Projectiles q = projectiles;
        int damage = damaging ? tuning.damage() : 0;
        int hp = p.hp[victim] - damage;
        int shooterId = q.ownerId[r];
        int victimId = p.playerId[victim];
        boolean killed = hp <= 0;
        if (killed) {
            hp = 0;
            p.alive[victim] = false;
            p.respawnTicksLeft[victim] = respawnTicks;
            p.throttle[victim] = 0;
            p.cooldownTicksLeft[victim] = 0;
            p.deaths[victim]++;
            int shooter = q.ownerSlot[r];
            if (p.active[shooter] && p.playerId[shooter] == shooterId) {
                p.kills[shooter]++;
            }
            scores.changed();
        }
        p.hp[victim] = hp;
        events.addHit(q.id[r], shooterId, victimId, damage, hp);
        if (killed) {
            events.addKill(shooterId, victimId);
        }
    }

    /** Grid (default) or every projectile against every plane: identical results, the latter a benchmark baseline. */
    void setNaiveHitTest(boolean naive) {
        this.naiveHitTest = naive;
    }

    boolean isNaiveHitTest() {
        return naiveHitTest;
    }

    /** Planes examined by hit tests so far (tests compare grid and naive by work done). */
    long candidatesExamined() {
        return grid.candidatesExamined;
    }
}
