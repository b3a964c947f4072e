package org.jetraiders.engine.pipeline;

import java.util.concurrent.locks.LockSupport;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * Publishes a TICK into the input ring at the lobby's rate, on absolute deadlines
 * ({@code start + n × period}) so it never drifts. A tick fired more than half a period after its
 * deadline is counted late; missed deadlines are caught up immediately, but beyond
 * {@link #MAX_CATCH_UP} periods behind the ticker skips ahead and counts the skipped ticks instead of
 * bursting the simulation forward.
 */
public final class Ticker implements Runnable {
    static final int MAX_CATCH_UP = 3;

    /** Time and waiting, behind an interface so tests can drive the schedule without a wall clock. */
    interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkNanos(Object blocker, long nanos) {
                LockSupport.parkNanos(blocker, nanos);
            }
        };

        long nanoTime();

        void parkNanos(Object blocker, long nanos);
    }

    private final RingBuffer<InputEvent> input;
    private final long periodNanos;
    private final LobbyCounters counters;
    private final Clock clock;
    private volatile boolean running = true;
    private volatile Thread thread;

    public Ticker(RingBuffer<InputEvent> input, long periodNanos, LobbyCounters counters) {
        this(input, periodNanos, counters, Clock.SYSTEM);
    }

    Ticker(RingBuffer<InputEvent> input, long periodNanos, LobbyCounters counters, Clock clock) {
        this.input = input;
        this.periodNanos = periodNanos;
        this.counters = counters;
        this.clock = clock;
    }

    public void start(String threadName) {
        Thread t = new Thread(this, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the ticker; true once its thread has ended. */
    public boolean stop() throws InterruptedException {
        requestStop();
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            t.join(1000);
            return !t.isAlive();
        }
        return true;
    }

    /** Makes {@link #run()} return at its next wake-up. */
    void requestStop() {
        running = false;
    }

    @Override
    public void run() {
        long start = clock.nanoTime();
        long n = 1;
        while (running) {
            long deadline = start + n * periodNanos;
            long now;
            while ((now = clock.nanoTime()) < deadline && running) {
                clock.parkNanos(this, deadline - now);
            }
            if (!running) {
                return;
            }
            long late = now - deadline;
            if (late > periodNanos / 2) {
                counters.lateTicks++;
            }
            long behind = late / periodNanos;
            if (behind > MAX_CATCH_UP) {
                counters.skippedTicks += behind;
                n += behind;
            }
            publishTick(deadline);
            n++;
        }
    }

    private void publishTick(long deadline) {
        long seq;
        try {
            seq = input.tryNext();
        } catch (InsufficientCapacityException e) {
            counters.countDroppedRingFull();
            return;
        }
        input.get(seq).setTick(deadline);
        input.publish(seq);
    }
}
