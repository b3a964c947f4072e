package org.jetraiders.engine.sim;

import java.util.Objects;

import org.jetraiders.engine.Tuning;

/**
 * One world's parts, built from its configuration: checks the configuration, turns the rules' seconds
 * into whole ticks ({@code round(seconds * tickRateHz)}, at least 1), sizes the projectile pool and the
 * event lists for the worst case, and builds the state and the step classes wired to it. Everything is
 * allocated here, once, so the {@link World} that steps and reads these final fields allocates nothing.
 *
 * <p>Built with its world; from then on only the thread stepping that world touches it, which is the
 * lobby's game-loop thread (see the package-info).
 */
final class WorldParts {
    final Tuning tuning;
    final int tickRateHz;
    final double dt;
    final int cooldownTicks;
    final int lifetimeTicks;
    final int respawnTicks;

    final Planes planes;
    final Projectiles projectiles;
    final MatchClock clock;
    final SplitMix64 random;
    final TickEvents events;
    /** Spawns and removed projectiles from between steps, moved into the next step's events. */
    final TickEvents pending;

    // one part a job: the Roster works between steps, World.step() runs the others (and Flight) in order
    final Roster roster;
    final Spawner spawner;
    final Guns guns;
    final Combat combat;
    final MatchScores scores;

    /** The arguments of {@link World#World}; throws IllegalArgumentException when they do not fit. */
    WorldParts(Tuning tuning, int tickRateHz, int maxPlayers, long seed) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        if (tickRateHz < 1) {
            throw new IllegalArgumentException("tickRateHz must be >= 1, was " + tickRateHz);
        }
        if (maxPlayers < 1 || maxPlayers > 1 << 20) {
            throw new IllegalArgumentException("maxPlayers must be in [1, 2^20], was " + maxPlayers);
        }
        this.tickRateHz = tickRateHz;
        this.dt = 1.0 / tickRateHz;
        this.cooldownTicks = ticks(tuning.shotCooldownSeconds(), tickRateHz);
        this.lifetimeTicks = ticks(tuning.projectileLifetimeSeconds(), tickRateHz);
        this.respawnTicks = ticks(tuning.respawnSeconds(), tickRateHz);

        long projectileCapacity = Guns.projectileCapacity(maxPlayers, cooldownTicks, lifetimeTicks);
        if (projectileCapacity > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("projectile capacity too large: " + projectileCapacity);
        }
        int capacity = (int) projectileCapacity;

        this.planes = new Planes(maxPlayers);
        this.projectiles = new Projectiles(capacity);
        HitGrid grid = new HitGrid(tuning.minX(), tuning.maxX(), tuning.minY(), tuning.maxY(),
                tuning.planeRadius() + tuning.projectileRadius(), maxPlayers);
        this.clock = new MatchClock(tickRateHz, tuning.countdownSeconds(), tuning.matchSeconds(),
                tuning.matchEndPauseSeconds(), tuning.minPlayersToStart());
        this.random = new SplitMix64(seed);
        // worst cases: every projectile hits; every plane dies or spawns; a step removes the
        // projectiles that left between steps plus every projectile present during the step
        this.events = new TickEvents(capacity, maxPlayers, maxPlayers, 2 * capacity);
        this.pending = new TickEvents(1, 1, maxPlayers, capacity);

        this.scores = new MatchScores(clock, planes);
        this.spawner = new Spawner(tuning, planes, random);
        this.roster = new Roster(planes, projectiles, spawner, scores, pending);
        this.guns = new Guns(tuning, planes, projectiles, cooldownTicks, lifetimeTicks);
        this.combat = new Combat(tuning, dt, respawnTicks, planes, projectiles, grid, scores, events);
    }

    /** Whole ticks for a duration: round(seconds * rate), at least 1. */
    private static int ticks(double seconds, int rate) {
        long n = Math.round(seconds * rate);
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("duration too long: " + seconds + " s");
        }
        return (int) Math.max(1, n);
    }
}
