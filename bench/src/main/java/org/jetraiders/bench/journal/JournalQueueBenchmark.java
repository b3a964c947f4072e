package org.jetraiders.bench.journal;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.journal.JournalQueueAccess;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One journal record through a lobby's queue: framed (type, length, CRC-32C) into it by the journal
 * thread's code and copied out into the I/O thread's staging buffer, through the queue's own code
 * ({@link JournalQueueAccess}). {@code payload} is the record's size in bytes: a 50-ms batch of a
 * 16-player lobby is a few hundred. Run with {@code -prof gc}: it should allocate nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalQueueBenchmark {
    @Param({"300", "4000"})
    public int payload;

    private final ByteBuffer staging = ByteBuffer.allocateDirect(256 * 1024); // the I/O thread's size
    private JournalQueueAccess queue;
    private byte[] bytes;

    @Setup
    public void setUp() {
        bytes = new byte[payload];
        new SplittableRandom(1).nextBytes(bytes);
        queue = new JournalQueueAccess(256 * 1024);
    }

    @TearDown
    public void tearDown() {
        queue.free();
    }

    @Benchmark
    public int recordAndStage() {
        return queue.recordAndStage(bytes, payload, staging);
    }
}
