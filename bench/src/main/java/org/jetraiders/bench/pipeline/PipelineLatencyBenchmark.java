package org.jetraiders.bench.pipeline;

import java.util.concurrent.TimeUnit;
import org.jetraiders.bench.support.BattleScenario;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Input-to-screen latency through the whole pipeline: one player's input is published, the next tick
 * applies it, the snapshot is published and fanned out, and the operation ends when the
 * <em>last</em> of {@code clients} client sinks has received a snapshot showing that input applied
 * ({@code planeLastInputSeq} equals the input's number).
 *
 * <p>One operation: publish the input, publish a tick, park until the last sink unparks us.
 * Only one tick is ever in flight, so this is latency at a light load, not throughput.
 *
 * <ul>
 *   <li>{@code impl=disruptor}: the real engine, a {@code Lobby} with {@code autoTick(false)} on a
 *       shared {@code ClientThreadPool} of 2 threads ({@link DisruptorLatencyPipeline}).</li>
 *   <li>{@code impl=queues}: the baseline on {@code java.util.concurrent}: an ArrayBlockingQueue in,
 *       one game-loop thread, one ArrayBlockingQueue per client out, 2 fan-out threads
 *       ({@link QueueLatencyPipeline} documents how it is built and why it is fair).</li>
 * </ul>
 *
 * <p>Both step the same world: 16 planes (the measured player and 15 bots holding thrust, a turn and
 * the trigger) with about 200 projectiles in flight ({@link BattleScenario}, with planes that never
 * die, so no input has to be re-sent after a respawn). Sinks do nothing but count: the figures are the
 * pipeline's own cost, wake-ups included, on top of a 16-plane tick (see TickBenchmark, about 5-10 us).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PipelineLatencyBenchmark {
    private static final int PLANES = 16;
    private static final int PROJECTILES = 200;
    private static final int CLIENT_THREADS = 2;

    @Param({"1", "16", "64", "256"})
    public int clients;

    @Param({"disruptor", "queues"})
    public String impl;

    private LatencyPipeline pipeline;
    private final Arrivals arrivals = new Arrivals();
    private int player;
    private long inputSeq;

    @Setup(Level.Trial)
    public void setUp() {
        BattleScenario scenario = BattleScenario.create(PLANES, PROJECTILES, true);
        System.out.println("# scenario: " + scenario);
        pipeline = switch (impl) {
            case "disruptor" -> new DisruptorLatencyPipeline(scenario.tuning(), BattleScenario.TICK_RATE_HZ,
                    PLANES, BattleScenario.SEED, CLIENT_THREADS);
            case "queues" -> new QueueLatencyPipeline(scenario.tuning(), BattleScenario.TICK_RATE_HZ,
                    PLANES, BattleScenario.SEED, CLIENT_THREADS);
            default -> throw new IllegalArgumentException("impl must be disruptor or queues, was " + impl);
        };
        // the first player joins first, takes slot 0 and is listed first in every snapshot
        int[] ids = new int[PLANES];
        for (int i = 0; i < PLANES; i++) {
            ids[i] = pipeline.join("p" + (i + 1));
        }
        player = ids[0];
        for (int i = 0; i < clients; i++) {
            pipeline.attach(new Arrivals.Sink(arrivals, 0));
        }
        for (int i = 1; i < PLANES; i++) {
            pipeline.submitInput(ids[i], 1.0, BattleScenario.turnOf(i, PLANES), true, 0);
        }
        // reach the steady state (projectiles in flight) through the measured path itself
        for (int i = 0, n = Math.max(300, 3 * scenario.lifetimeTicks()); i < n; i++) {
            inputToLastClient();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    @Benchmark
    public long inputToLastClient() {
        long seq = ++inputSeq;
        arrivals.arm(seq, clients);
        pipeline.submitInput(player, 1.0, (seq & 1) == 0 ? 0.5 : -0.5, true, seq);
        pipeline.tickNow();
        arrivals.await();
        return seq;
    }
}
