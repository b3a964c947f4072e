package org.jetraiders.bench.tick;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.lmax.disruptor.RingBuffer;
import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.TickObserver;
import org.jetraiders.engine.pipeline.GameLoopHandler;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.LobbyCounters;
import org.jetraiders.engine.pipeline.LobbyPipelineState;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.pipeline.StatusCell;
import org.jetraiders.engine.sim.World;
import org.jetraiders.server.metrics.RecentTicks;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.metrics.TickRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the server's per-tick metrics cost the game loop: the real {@link GameLoopHandler} stepping a
 * 16-plane lobby ({@code 16x200}, as {@code TickBenchmark}) with no {@link TickObserver}
 * ({@code none}) and with the server's {@link TickRecorder} ({@code server}: the global tick-time
 * histogram and the lobby's health window).
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is bytes per tick and should be about 0 for
 * both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickObserverBenchmark {
    @Param({"none", "server"})
    public String observer;

    private World world;
    private GameLoopHandler gameLoop;
    private InputEvent tickEvent;
    private long inputSequence;

    @Setup
    public void setUp() {
        BattleScenario scenario = BattleScenario.parse("16x200");
        world = scenario.newSteadyWorld();
        TickObserver tickObserver = switch (observer) {
            case "none" -> TickObserver.NONE;
            case "server" -> new TickRecorder(new ServerMetrics().tickDurations(), new RecentTicks());
            default -> throw new IllegalArgumentException("observer must be none or server, was " + observer);
        };
        RingBuffer<SnapshotEvent> output = RingBuffer.createSingleProducer(() -> new SnapshotEvent(1), 64);
        gameLoop = new GameLoopHandler(world, output, new LobbyCounters(), new StatusCell(),
                new LobbyPipelineState(), new AtomicInteger(scenario.planes()), tickObserver);
        tickEvent = new InputEvent();
        for (int i = 0; i < 2 * output.getBufferSize(); i++) {
            gameLoopTick(); // fill every output slot once so that array growth is not measured
        }
    }

    @Benchmark
    public long gameLoopTick() {
        tickEvent.setTick(0);
        gameLoop.onEvent(tickEvent, inputSequence++, true);
        BattleScenario.reapplyAfterRespawn(world);
        return world.tick();
    }
}
