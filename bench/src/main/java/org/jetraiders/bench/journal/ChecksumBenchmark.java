package org.jetraiders.bench.journal;

import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.journal.ByteWriter;
import org.jetraiders.engine.journal.WorldCapture;
import org.jetraiders.engine.sim.World;
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
 * What the journal adds to one tick in 60 on the game loop: the world's checksum, the CRC-32C of its
 * image, through the game loop's own code ({@link WorldCapture#checksum}), beside a plain step of the
 * same world for scale. {@code size} is {@code <planes>x<projectiles in flight>}
 * ({@link BattleScenario}). Run with {@code -prof gc}: both should allocate nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChecksumBenchmark {
    @Param({"16x200", "64x1000"})
    public String size;

    private World world;
    private final ByteWriter image = new ByteWriter(4096);
    private final CRC32C crc = new CRC32C();

    @Setup
    public void setUp() {
        world = BattleScenario.parse(size).newSteadyWorld();
    }

    @Benchmark
    public int checksum() {
        return WorldCapture.checksum(world, image, crc);
    }

    @Benchmark
    public long step() {
        BattleScenario.stepHoldingInputs(world);
        return world.tick();
    }
}
