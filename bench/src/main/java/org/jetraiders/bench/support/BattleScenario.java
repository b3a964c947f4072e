package org.jetraiders.bench.support;

import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.sim.World;

/**
 * A reproducible battle with a target number of projectiles in flight, shared by the benchmarks.
 *
 * <ul>
 *   <li><b>Density</b>: the world keeps the default game's density (16 planes in 800 × 460 px,
 *       23,000 px² per plane) and aspect ratio, so 64 planes fly in 1,600 × 920 px and 1,000 planes
 *       in about 6,300 × 3,640 px.</li>
 *   <li><b>Inputs</b>: every plane holds full thrust and the trigger, and turns at its own rate
 *       (spread over [-0.6, 0.6] by slot), so planes fly circles of different radii and fire every
 *       cooldown (the default 0.1 s). Hits, kills and respawns happen as in a real match (default hp,
 *       damage and respawn time); the match has no time limit and no countdown, so the world stays in
 *       MatchRunning for as long as a benchmark runs.</li>
 *   <li><b>Projectile count</b>: the only tuned number is the projectile lifetime. {@link #create}
 *       calibrates it: it starts from {@code target / planes × cooldown} ticks, steps the world
 *       until it is steady and scales the lifetime by target / measured, a few times, so that the mean
 *       count lands near the target despite hits and dead planes. Everything is seeded, so the same
 *       arguments always give the same lifetime and the same trajectory.</li>
 * </ul>
 */
public final class BattleScenario {
    public static final int TICK_RATE_HZ = 60;
    public static final long SEED = 0x0BE7_C4_2024L;
    private static final double AREA_PER_PLANE = 800.0 * 460.0 / 16.0;
    private static final double ASPECT = 800.0 / 460.0;
    /** 33 million default hits: more than a plane takes in any benchmark run. */
    private static final int IMMORTAL_HP = 1_000_000_000;

    private final int planes;
    private final int targetProjectiles;
    private final Tuning tuning;
    private final int lifetimeTicks;
    private final double measuredMeanProjectiles;

    private BattleScenario(int planes, int targetProjectiles, Tuning tuning, int lifetimeTicks, double mean) {
        this.planes = planes;
        this.targetProjectiles = targetProjectiles;
        this.tuning = tuning;
        this.lifetimeTicks = lifetimeTicks;
        this.measuredMeanProjectiles = mean;
    }

    /** Parses {@code "<planes>x<projectiles>"}, e.g. {@code "64x1000"}, and calibrates. */
    public static BattleScenario parse(String size) {
        String[] parts = size.split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("size must be <planes>x<projectiles>, was " + size);
        }
        return create(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    }

    /** A calibrated scenario: lifetime chosen so that about {@code targetProjectiles} are in flight. */
    public static BattleScenario create(int planes, int targetProjectiles) {
        return create(planes, targetProjectiles, false);
    }

    /**
     * As {@link #create(int, int)}; with {@code immortal} planes have so many hit points that none dies
     * during a benchmark (hits still land, deal damage and remove the projectile), so every plane keeps
     * firing without its input being sent again after a respawn: for pipelines fed only through inputs.
     */
    public static BattleScenario create(int planes, int targetProjectiles, boolean immortal) {
        Tuning base = baseTuning(planes);
        if (immortal) {
            base = base.toBuilder().maxHp(IMMORTAL_HP).build();
        }
        int cooldownTicks = (int) Math.round(base.shotCooldownSeconds() * TICK_RATE_HZ);
        int lifetime = Math.max(1, (int) Math.round((double) targetProjectiles / planes * cooldownTicks));
        double mean = 0;
        for (int round = 0; round < 6; round++) {
            Tuning t = withLifetime(base, lifetime);
            World w = newWorld(planes, t);
            mean = warmUp(w, lifetime);
            double error = Math.abs(mean - targetProjectiles) / targetProjectiles;
            if (error < 0.03) {
                break;
            }
            lifetime = Math.max(1, (int) Math.round(lifetime * targetProjectiles / Math.max(1.0, mean)));
        }
        return new BattleScenario(planes, targetProjectiles, withLifetime(base, lifetime), lifetime, mean);
    }

    private static Tuning baseTuning(int planes) {
        double width = Math.sqrt(planes * AREA_PER_PLANE * ASPECT);
        double height = width / ASPECT;
        return Tuning.defaults().toBuilder()
                .bounds(-width / 2, width / 2, -height / 2, height / 2)
                .countdownSeconds(0)
                .matchSeconds(0)
                .build();
    }

    private static Tuning withLifetime(Tuning base, int lifetimeTicks) {
        return base.toBuilder().projectileLifetimeSeconds((double) lifetimeTicks / TICK_RATE_HZ).build();
    }

    private static World newWorld(int planes, Tuning tuning) {
        World w = new World(tuning, TICK_RATE_HZ, planes, SEED);
        for (int i = 0; i < planes; i++) {
            int slot = w.addPlayer(i + 1, "p" + (i + 1));
            w.setInput(slot, 1.0, turnOf(i, planes), true, 0);
        }
        return w;
    }

    /**
     * Steps until steady (3 lifetimes, at least 120 ticks), then returns the mean projectile count over
     * 2 more lifetimes (at least 120 ticks). Respawned planes lose their input, so it is re-applied.
     */
    private static double warmUp(World w, int lifetimeTicks) {
        int settle = Math.max(120, 3 * lifetimeTicks);
        int measure = Math.max(120, 2 * lifetimeTicks);
        for (int i = 0; i < settle; i++) {
            stepHoldingInputs(w);
        }
        long sum = 0;
        for (int i = 0; i < measure; i++) {
            stepHoldingInputs(w);
            sum += w.projectileCount();
        }
        return (double) sum / measure;
    }

    /** Steps, then gives respawned planes their held input back (the engine clears it on respawn). */
    public static void stepHoldingInputs(World w) {
        w.step();
        reapplyAfterRespawn(w);
    }

    /** A respawn clears the plane's input (the rules' fresh plane); a bot presses its keys again. */
    public static void reapplyAfterRespawn(World w) {
        var events = w.events();
        for (int i = 0, n = events.spawnCount(); i < n; i++) {
            int id = events.spawnPlayerId(i);
            int slot = w.slotOf(id);
            if (slot != World.NO_SLOT) {
                w.setInput(slot, 1.0, turnOf(id - 1, w.slotCapacity()), true, 0);
            }
        }
    }

    /** Turn input of the i-th plane (0-based): spread over [-0.6, 0.6]. */
    public static double turnOf(int i, int planes) {
        return planes <= 1 ? 0.3 : -0.6 + 1.2 * i / (planes - 1);
    }

    /** A fresh world with every plane joined and holding its inputs, stepped to the steady state. */
    public World newSteadyWorld() {
        World w = newWorld(planes, tuning);
        warmUp(w, lifetimeTicks);
        return w;
    }

    public int planes() {
        return planes;
    }

    public int targetProjectiles() {
        return targetProjectiles;
    }

    public Tuning tuning() {
        return tuning;
    }

    public int lifetimeTicks() {
        return lifetimeTicks;
    }

    public double measuredMeanProjectiles() {
        return measuredMeanProjectiles;
    }

    @Override
    public String toString() {
        return String.format("%d planes in %.0f x %.0f px, lifetime %d ticks, mean %.0f projectiles in flight (target %d)",
                planes, tuning.maxX() - tuning.minX(), tuning.maxY() - tuning.minY(), lifetimeTicks,
                measuredMeanProjectiles, targetProjectiles);
    }
}
