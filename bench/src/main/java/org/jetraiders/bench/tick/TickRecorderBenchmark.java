package org.jetraiders.bench.tick;

import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.server.metrics.RecentTicks;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.metrics.TickDurations;
import org.jetraiders.server.metrics.TickRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's per-tick observer alone, on counters that advance 1/60 s per call so that the health
 * window turns a second every 60 calls as it does in a lobby: {@link #observe} is the tick-time
 * histogram only, {@link #recordTick} the whole {@link TickRecorder} (histogram and window).
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} should be about 0 B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TickRecorderBenchmark {
    private static final long PERIOD = TimeUnit.SECONDS.toNanos(1) / 60;

    private final AdvancingCounters lobby = new AdvancingCounters();
    private TickDurations durations;
    private TickRecorder recorder;
    private long duration;

    @Setup
    public void setUp() {
        durations = new ServerMetrics().tickDurations();
        recorder = new TickRecorder(durations, new RecentTicks());
    }

    @Benchmark
    public void observe() {
        durations.observeNanos(nextDuration());
    }

    @Benchmark
    public void recordTick() {
        lobby.tick();
        recorder.onTick(lobby, nextDuration());
    }

    /** 20 µs to 120 µs: a few buckets, as real ticks spread. */
    private long nextDuration() {
        duration = duration >= 100_000 ? 0 : duration + 997;
        return 20_000 + duration;
    }

    /** A lobby's counters as the game loop leaves them after each tick; one tick in eight late. */
    private static final class AdvancingCounters implements LobbyMetrics {
        long ticks;
        long late;
        long lastTick = TimeUnit.HOURS.toNanos(1);

        void tick() {
            ticks++;
            late += (ticks & 7) == 0 ? 1 : 0;
            lastTick += PERIOD;
        }

        @Override public long ticks() { return ticks; }
        @Override public long lateTicks() { return late; }
        @Override public long skippedTicks() { return 0; }
        @Override public long lastTickNanos() { return lastTick; }
        @Override public long tickDurationNanos(double quantile) { return 0; }
        @Override public long inputsRejectedNotFinite() { return 0; }
        @Override public long inputsDroppedRingFull() { return 0; }
        @Override public long inputsUnknownPlayer() { return 0; }
        @Override public long inputsStale() { return 0; }
        @Override public long snapshotsPublished() { return ticks; }
        @Override public long snapshotsDroppedRingFull() { return 0; }
        @Override public long snapshotsSkipped() { return 0; }
        @Override public int consumers() { return 0; }
        @Override public long detached(DetachReason reason) { return 0; }
    }
}
