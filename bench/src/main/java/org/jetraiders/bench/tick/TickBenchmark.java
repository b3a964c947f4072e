package org.jetraiders.bench.tick;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.lmax.disruptor.RingBuffer;
import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.pipeline.GameLoopHandler;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.LobbyCounters;
import org.jetraiders.engine.pipeline.LobbyPipelineState;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.pipeline.StatusCell;
import org.jetraiders.engine.sim.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One game-loop tick at three lobby sizes, with the uniform hit grid and with the naive all-pairs hit
 * test as the baseline in the same run.
 *
 * <p><b>What one operation is.</b>
 * <ul>
 *   <li>{@link #stepAndCopy}: {@code World.step()} plus {@code SnapshotEvent.copyFrom} into one
 *       pre-allocated slot: the simulation and the snapshot copy, the core of every tick.</li>
 *   <li>{@link #gameLoopTick}: the real {@link GameLoopHandler} handling a TICK event, which adds
 *       claiming and publishing an output-ring slot, the status cell, the scoreboard refresh and the
 *       tick-time histogram. The output ring (64 slots, as a lobby's default) has no consumer gating it
 *       here, so {@code tryNext} never fails.</li>
 * </ul>
 * Both also re-press the keys of planes that respawned this tick (a few array writes; the engine
 * clears a fresh plane's input, a real client would send it again).
 *
 * <p><b>Setup</b> ({@link BattleScenario}): {@code size} is {@code <planes>x<projectiles in flight>}.
 * The world has the default game's plane density (16 planes in 800 × 460 px; 1,000 planes in about
 * 6,300 × 3,640 px), every plane holds full thrust and the trigger and turns at its own rate, and fights
 * with the default hp, damage, cooldown and respawn; the match never ends. The projectile lifetime is
 * calibrated so the mean number in flight is within a few percent of the target; the trial setup prints
 * the figures ({@code # scenario: ...}). The world is stepped to a steady state before measuring and
 * keeps running (statistically stationary) through every iteration. Grid and naive runs step identical
 * worlds: both hit tests give the same answers.
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is bytes per tick and should be about 0.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickBenchmark {
    @Param({"16x200", "64x1000", "1000x10000"})
    public String size;

    @Param({"grid", "naive"})
    public String hitTest;

    private World world;
    private SnapshotEvent snapshot;
    private long sequence;

    private GameLoopHandler gameLoop;
    private InputEvent tickEvent;
    private long inputSequence;

    @Setup(Level.Trial)
    public void setUp() {
        BattleScenario scenario = BattleScenario.parse(size);
        System.out.println("# scenario: " + scenario);
        world = scenario.newSteadyWorld();
        switch (hitTest) {
            case "grid" -> world.setNaiveHitTest(false);
            case "naive" -> world.setNaiveHitTest(true);
            default -> throw new IllegalArgumentException("hitTest must be grid or naive, was " + hitTest);
        }
        snapshot = new SnapshotEvent(1); // one encoder's buffer, as a server with one wire format
        RingBuffer<SnapshotEvent> output = RingBuffer.createSingleProducer(() -> new SnapshotEvent(1), 64);
        gameLoop = new GameLoopHandler(world, output, new LobbyCounters(), new StatusCell(),
                new LobbyPipelineState(), new AtomicInteger(scenario.planes()));
        tickEvent = new InputEvent();
        // fill every output slot once so that array growth is not measured
        for (int i = 0; i < 2 * output.getBufferSize(); i++) {
            tickOnce();
        }
        stepAndCopy();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("# after the trial: tick " + world.tick() + ", " + world.projectileCount()
                + " projectiles in flight, " + world.playerCount() + " players");
    }

    @Benchmark
    public SnapshotEvent stepAndCopy() {
        BattleScenario.stepHoldingInputs(world);
        snapshot.copyFrom(world, sequence++, null);
        return snapshot;
    }

    @Benchmark
    public long gameLoopTick() {
        return tickOnce();
    }

    private long tickOnce() {
        tickEvent.setTick(0);
        gameLoop.onEvent(tickEvent, inputSequence++, true);
        BattleScenario.reapplyAfterRespawn(world);
        return world.tick();
    }
}
