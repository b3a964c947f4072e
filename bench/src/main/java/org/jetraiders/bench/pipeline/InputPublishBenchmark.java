package org.jetraiders.bench.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.NoWakeWaitStrategy;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Publishing a player's input into a lobby's input ring, with and without waking the game loop: what
 * the selector thread pays per input, and how often the consuming thread is woken for it.
 *
 * <p><b>One operation</b>: one input published into a multi-producer {@code RingBuffer<InputEvent>}
 * (4,096 slots, as a lobby's) as {@code Lobby.submitInput} does: {@code tryNext}, fill the slot,
 * {@code publish}. A live consumer thread reads the ring:
 * <ul>
 *   <li>{@code strategy=blocking} (the old model): {@link BlockingWaitStrategy} and a
 *       {@link BatchEventProcessor} thread, the game loop as it was: every publish takes the strategy's
 *       monitor and notifies, and the consumer, blocked in {@code waitFor}, wakes for every input.</li>
 *   <li>{@code strategy=nowake} (the new model): {@link NoWakeWaitStrategy} (publishing signals nobody)
 *       and a consumer thread that parks until its next 60 Hz beat (every 16.67 ms) and then drains the
 *       ring with an {@link EventPoller}, as a game-loop shard does.</li>
 * </ul>
 * The consumer only counts what it reads: the benchmark is about the hand-off, not the simulation.
 *
 * <p><b>Arrivals.</b> Inputs do not arrive back to back: a full 64-player lobby sends about 3,840 a
 * second at 60 Hz, one every 260 µs. So each publish waits, outside the measured time (a JMH
 * {@code Level.Invocation} setup), until at least {@code arrivalMicros} (default 250) after the
 * previous one, spinning or parked ({@code pacing}); this gives a blocking consumer time to go back to
 * sleep, as it does between real inputs, and keeps a beat's inputs (about 60) far below the ring's
 * size. Per-invocation timing adds JMH's timestamp overhead (two {@code System.nanoTime()} calls,
 * some 20-40 ns) to both strategies alike. At about 4,000 operations an iteration,
 * {@code gc.alloc.rate.norm} shows JMH's own allocations (a few KB an iteration, about 1.6 B/op) and,
 * in the last iteration, the trial teardown's; nothing on the publish path allocates ({@code -v EXTRA}
 * prints it per iteration).
 *
 * <p><b>Counters</b> ({@code @AuxCounters}, events per iteration): {@code inputs} published,
 * {@code dropped} (ring full; expected 0) and {@code wakeups}: the consumer's returns from waiting or
 * parking that found inputs to read (blocking: a {@code waitFor} that had to block and returned; nowake:
 * a beat whose poll read at least one input). {@code wakeups / inputs} is the wake-ups per input: about
 * 1 for blocking; for nowake one per beat, which the game loop spends on its tick anyway (60 a second
 * whatever the number of inputs).
 * <pre>
 * java -jar bench/target/benchmarks.jar InputPublishBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InputPublishBenchmark {
    static final int RING_SIZE = 4096;
    static final long BEAT_NANOS = 1_000_000_000L / BattleScenario.TICK_RATE_HZ;

    @Param({"blocking", "nowake"})
    public String strategy;

    @Param({"250"})
    public int arrivalMicros;

    /**
     * How the producer waits between inputs. {@code spin}: it stays on its core, hot, like a selector
     * thread in the middle of a read batch (the server reads inputs in paced batches); {@code park}: it
     * sleeps, like a selector thread woken for each input, so each publish runs on a cold thread (and
     * the timer's slack makes the gaps somewhat longer than {@code arrivalMicros}).
     */
    @Param({"spin", "park"})
    public String pacing;

    private RingBuffer<InputEvent> ring;
    private Consumer consumer;
    private long arrivalNanos;
    private long lastArrival;
    private long inputSeq;
    private boolean park;

    @Setup(Level.Trial)
    public void setUp() {
        arrivalNanos = TimeUnit.MICROSECONDS.toNanos(arrivalMicros);
        park = switch (pacing) {
            case "spin" -> false;
            case "park" -> true;
            default -> throw new IllegalArgumentException("pacing must be spin or park, was " + pacing);
        };
        switch (strategy) {
            case "blocking" -> {
                CountingBlockingWaitStrategy wait = new CountingBlockingWaitStrategy();
                ring = RingBuffer.createMultiProducer(InputEvent::new, RING_SIZE, wait);
                consumer = new BlockingConsumer(ring, wait);
            }
            case "nowake" -> {
                ring = RingBuffer.createMultiProducer(InputEvent::new, RING_SIZE, NoWakeWaitStrategy.INSTANCE);
                consumer = new BeatConsumer(ring);
            }
            default -> throw new IllegalArgumentException("strategy must be blocking or nowake, was " + strategy);
        }
        consumer.start();
        lastArrival = System.nanoTime();
    }

    /** Waits, unmeasured, until the next input is due: spinning or parked, see {@link #pacing}. */
    @Setup(Level.Invocation)
    public void awaitArrival() {
        long due = lastArrival + arrivalNanos;
        long now;
        if (park) {
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
        } else {
            while ((now = System.nanoTime()) < due) {
                Thread.onSpinWait();
            }
        }
        lastArrival = now;
    }

    @Benchmark
    public void publish(WakeCounters counters) {
        long seq;
        try {
            seq = ring.tryNext();
        } catch (InsufficientCapacityException e) {
            counters.dropped++;
            return;
        }
        ring.get(seq).setInput(7, 1.0, 0.25, true, ++inputSeq);
        ring.publish(seq);
        counters.inputs++;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        consumer.stop();
        System.out.printf("# consumer (%s): %d inputs read, %d wake-ups with inputs; %.3f wake-ups per input%n",
                strategy, consumer.consumed(), consumer.wakeups(),
                consumer.consumed() == 0 ? 0.0 : (double) consumer.wakeups() / consumer.consumed());
    }

    /** Per-iteration counts, reported next to the time per publish. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class WakeCounters {
        public long inputs;
        public long dropped;
        public long wakeups;
        private long wakeupsBefore;

        @Setup(Level.Iteration)
        public void start(InputPublishBenchmark benchmark) {
            inputs = 0;
            dropped = 0;
            wakeups = 0;
            wakeupsBefore = benchmark.consumer.wakeups();
        }

        @TearDown(Level.Iteration)
        public void finish(InputPublishBenchmark benchmark) {
            wakeups = benchmark.consumer.wakeups() - wakeupsBefore;
        }
    }

    /** A thread reading the ring; counts what it read and how often it woke with something to read. */
    abstract static class Consumer {
        volatile long consumed; // written by the consumer thread only
        volatile long wakeups;  // written by the consumer thread only
        final Thread thread;

        Consumer(String name) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        abstract void run();

        abstract void stop() throws InterruptedException;

        long consumed() {
            return consumed;
        }

        long wakeups() {
            return wakeups;
        }
    }

    /** The old game loop: a {@link BatchEventProcessor} blocked in the strategy until an input arrives. */
    static final class BlockingConsumer extends Consumer implements EventHandler<InputEvent> {
        private final BatchEventProcessor<InputEvent> processor;
        private final CountingBlockingWaitStrategy wait;

        BlockingConsumer(RingBuffer<InputEvent> ring, CountingBlockingWaitStrategy wait) {
            super("input-consumer-blocking");
            this.wait = wait;
            processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), this);
            ring.addGatingSequences(processor.getSequence());
        }

        @Override
        void run() {
            processor.run();
        }

        @Override
        public void onEvent(InputEvent event, long sequence, boolean endOfBatch) {
            if (event.type() == InputEvent.INPUT) {
                consumed++;
            }
        }

        @Override
        long wakeups() {
            return wait.wakeups;
        }

        @Override
        void stop() throws InterruptedException {
            processor.halt();
            thread.join(5000);
        }
    }

    /** The new game loop: parks until its next beat, then polls everything published since the last one. */
    static final class BeatConsumer extends Consumer {
        private final EventPoller<InputEvent> poller;
        private final EventPoller.Handler<InputEvent> handler;
        private volatile boolean running = true;

        BeatConsumer(RingBuffer<InputEvent> ring) {
            super("input-consumer-beat");
            poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
            handler = (event, sequence, endOfBatch) -> {
                if (event.type() == InputEvent.INPUT) {
                    consumed++;
                }
                return true;
            };
        }

        @Override
        void run() {
            long next = System.nanoTime() + BEAT_NANOS;
            while (running) {
                long wait;
                while ((wait = next - System.nanoTime()) > 0 && running) {
                    LockSupport.parkNanos(this, wait);
                }
                next += BEAT_NANOS;
                long before = consumed;
                try {
                    poller.poll(handler);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                if (consumed != before) {
                    wakeups++;
                }
            }
        }

        @Override
        void stop() throws InterruptedException {
            running = false;
            LockSupport.unpark(thread);
            thread.join(5000);
        }
    }

    /**
     * Disruptor's {@link BlockingWaitStrategy}, counting the consumer's wake-ups: each {@code waitFor}
     * that found nothing published yet (so it blocked) and returned with an input.
     */
    static final class CountingBlockingWaitStrategy implements WaitStrategy {
        private final BlockingWaitStrategy delegate = new BlockingWaitStrategy();
        volatile long wakeups; // written by the one consumer thread only

        @Override
        public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
                throws AlertException, InterruptedException, TimeoutException {
            if (cursor.get() >= sequence) {
                return delegate.waitFor(sequence, cursor, dependentSequence, barrier);
            }
            long available = delegate.waitFor(sequence, cursor, dependentSequence, barrier);
            wakeups++;
            return available;
        }

        @Override
        public void signalAllWhenBlocking() {
            delegate.signalAllWhenBlocking();
        }
    }
}
