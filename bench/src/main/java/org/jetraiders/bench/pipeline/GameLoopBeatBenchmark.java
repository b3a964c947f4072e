package org.jetraiders.bench.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.pipeline.GameLoopHandler;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.LobbyCounters;
import org.jetraiders.engine.pipeline.LobbyLoop;
import org.jetraiders.engine.pipeline.LobbyPipelineState;
import org.jetraiders.engine.pipeline.LoopTaskHost;
import org.jetraiders.engine.pipeline.NoWakeWaitStrategy;
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
 * One beat of a game-loop thread that steps many lobbies ({@code GameLoopShard}): the whole beat on the
 * benchmark thread, with the engine's real {@link LobbyLoop}s.
 *
 * <p><b>One operation</b> (one beat, 1/60 s of game time): for each of the {@code lobbies} lobbies,
 * one input per player (16) is published into the lobby's multi-producer input ring as
 * {@code Lobby.submitInput} does ({@code tryNext}, fill, {@code publish}; with
 * {@link NoWakeWaitStrategy}, so publishing wakes nobody), then the lobby's {@link LobbyLoop} runs at
 * the beat's time: its {@code TickSchedule} finds the tick due, it publishes the TICK into the same
 * ring and drains the ring with its {@code EventPoller} into the real {@link GameLoopHandler}, which
 * applies the 16 inputs, steps the {@link World}, copies the snapshot into the output ring, updates
 * the status cell, the scoreboard (every 15 ticks) and the tick-time histogram. As the shard does, the
 * pass also reads each loop's next deadline. In the server the inputs are published by the selector
 * thread; here the benchmark thread publishes them, so their cost (16 × lobbies publishes) is in the
 * beat. Not in the beat: the shard's park and wake-up, and waking the encoding stage
 * ({@code signalConsumers}, one unpark per beat), which happen on other threads' behalf.
 *
 * <p><b>Time</b> is the beat's own: the loops are hosted as if by a shard at time 0
 * ({@link LoopTaskHost}) and beat {@code n} runs them at {@code n × 1/60 s}, so exactly one tick falls
 * due per lobby per beat, never late, and beats run back to back: the figure is CPU per beat.
 *
 * <p><b>Lobbies.</b> Each is a {@link BattleScenario} ({@code size}, default 16 planes and about 200
 * projectiles in flight: every plane holds thrust and trigger and circles at its own rate, with the
 * default hp, damage and respawn); the inputs re-press the same keys every beat, with a growing input
 * number, so respawned planes fire again. Lobby {@code i} is stepped {@code 13 × i} ticks further than
 * lobby 0 so the lobbies are not in lock step, then every lobby runs {@value #WARM_UP_BEATS} beats
 * through the loop in the trial setup. The output rings (64 slots, as a lobby's default) have no
 * consumer gating them, so publishing a snapshot never fails; the teardown prints the lobbies' counters
 * ({@code # lobbies: ...}).
 *
 * <p><b>Run</b> with {@code -prof gc}: {@code gc.alloc.rate.norm} is bytes per beat and should be
 * about 0.
 * <pre>
 * java -jar bench/target/benchmarks.jar GameLoopBeatBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GameLoopBeatBenchmark {
    static final int WARM_UP_BEATS = 300;
    static final int STAGGER_TICKS = 13;
    static final int INPUT_RING_SIZE = 4096;
    static final int OUTPUT_RING_SIZE = 64;
    /** The server's lobbies run 4 encoders (JSON WorldUpdate, scoreboard, kill feed, binary quantization). */
    static final int ENCODERS = 4;
    static final long PERIOD_NANOS = 1_000_000_000L / BattleScenario.TICK_RATE_HZ;

    @Param({"16"})
    public int lobbies;

    @Param({"16x200"})
    public String size;

    private BeatLobby[] beatLobbies;
    private long beat;

    /** One lobby as its game-loop thread sees it: rings, handler, loop; and its players' held keys. */
    private static final class BeatLobby {
        final RingBuffer<InputEvent> input;
        final World world;
        final LobbyCounters counters = new LobbyCounters();
        final LobbyLoop loop;
        final int[] playerIds;
        final double[] turns;

        BeatLobby(int index, BattleScenario scenario) {
            world = scenario.newSteadyWorld();
            for (int t = 0; t < STAGGER_TICKS * index; t++) {
                BattleScenario.stepHoldingInputs(world);
            }
            int planes = scenario.planes();
            playerIds = new int[planes];
            turns = new double[planes];
            for (int i = 0; i < planes; i++) {
                playerIds[i] = i + 1; // BattleScenario's ids
                turns[i] = BattleScenario.turnOf(i, planes);
            }
            input = RingBuffer.createMultiProducer(InputEvent::new, INPUT_RING_SIZE, NoWakeWaitStrategy.INSTANCE);
            RingBuffer<SnapshotEvent> output = RingBuffer.createSingleProducer(
                    SnapshotEvent.factoryForOneRing(ENCODERS), // slots that grow together, as LobbyPipeline's
                    OUTPUT_RING_SIZE, NoWakeWaitStrategy.INSTANCE);
            AtomicInteger reserved = new AtomicInteger(planes);
            GameLoopHandler handler = new GameLoopHandler(world, output, counters, new StatusCell(),
                    new LobbyPipelineState(), reserved);
            // no ConsumerShards: signalConsumers (the shard's job after the pass) is never called here
            loop = new LobbyLoop("beat-" + index, input, handler, true, PERIOD_NANOS, counters, null);
            LoopTaskHost.host(loop, 0, 0);
        }

        /** What the selector thread does for each player's input: {@code Lobby.submitInput}'s publish. */
        void publishInputs(long inputSeq) {
            for (int i = 0; i < playerIds.length; i++) {
                long seq;
                try {
                    seq = input.tryNext();
                } catch (InsufficientCapacityException e) {
                    counters.countDroppedRingFull();
                    continue;
                }
                input.get(seq).setInput(playerIds[i], 1.0, turns[i], true, inputSeq);
                input.publish(seq);
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        BattleScenario scenario = BattleScenario.parse(size);
        System.out.println("# scenario: " + scenario + "; " + lobbies + " lobbies");
        beatLobbies = new BeatLobby[lobbies];
        for (int i = 0; i < lobbies; i++) {
            beatLobbies[i] = new BeatLobby(i, scenario);
        }
        for (int b = 0; b < WARM_UP_BEATS; b++) {
            beat();
        }
        printLobbies("after warm-up");
    }

    @Benchmark
    public long beat() {
        long now = ++beat * PERIOD_NANOS;
        long earliest = Long.MAX_VALUE;
        int published = 0;
        for (BeatLobby lobby : beatLobbies) {
            lobby.publishInputs(beat);
            if (lobby.loop.run(now)) {
                published++;
            }
            earliest = Math.min(earliest, lobby.loop.nextDeadline());
        }
        return earliest + published;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        printLobbies("at the end");
        for (BeatLobby lobby : beatLobbies) {
            if (lobby.counters.ticks() != beat || lobby.counters.inputsDroppedRingFull() != 0
                    || lobby.counters.inputsStale() != 0 || lobby.counters.lateTicks() != 0
                    || lobby.counters.skippedTicks() != 0) {
                throw new IllegalStateException("a lobby did not tick once per beat with every input: ticks "
                        + lobby.counters.ticks() + " for " + beat + " beats, dropped "
                        + lobby.counters.inputsDroppedRingFull() + ", stale " + lobby.counters.inputsStale()
                        + ", late " + lobby.counters.lateTicks() + ", skipped " + lobby.counters.skippedTicks());
            }
        }
    }

    private void printLobbies(String when) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        long sum = 0;
        for (BeatLobby lobby : beatLobbies) {
            int n = lobby.world.projectileCount();
            min = Math.min(min, n);
            max = Math.max(max, n);
            sum += n;
        }
        System.out.printf("# lobbies %s: %d beats, projectiles in flight per lobby mean %.0f (min %d, max %d),"
                        + " median tick %.1f us%n", when, beat, (double) sum / beatLobbies.length, min, max,
                beatLobbies[0].counters.tickDurationNanos(0.5) / 1000.0);
    }
}
