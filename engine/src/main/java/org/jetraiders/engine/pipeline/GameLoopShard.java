package org.jetraiders.engine.pipeline;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One game-loop thread stepping many lobbies on one beat (LMAX's business-logic processor serves
 * every instrument from one thread). Each pass it runs every hosted {@link LoopTask} whose tick is
 * due, then wakes each task's consumers once, then parks until the earliest next deadline or a
 * {@link #wake()}. Lobbies of one rate share deadlines (see {@link TickSchedule}), so a beat costs
 * this thread one wake-up whatever the number of lobbies, and an input costs it none.
 */
public final class GameLoopShard extends PassThread {
    private static final System.Logger LOG = System.getLogger(GameLoopShard.class.getName());
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final AtomicLong PASS_IDS = new AtomicLong();

    private final long epochNanos;
    private final Queue<LoopTask> incoming = new ConcurrentLinkedQueue<>();
    final AtomicInteger load = new AtomicInteger();

    // touched only by the shard's thread
    private LoopTask[] tasks = new LoopTask[16];
    private LoopTask[] published = new LoopTask[16];
    private int count;
    private long failures;

    GameLoopShard(String threadName, long epochNanos, Runnable onStart) {
        super(threadName, onStart);
        this.epochNanos = epochNanos;
    }

    /** The time every schedule on this shard is aligned to. */
    public long epochNanos() {
        return epochNanos;
    }

    void add(LoopTask task) {
        task.hostedBy(this, System.nanoTime());
        load.incrementAndGet();
        incoming.add(task);
        wake();
    }

    @Override
    public void run() {
        while (isRunning()) {
            beginPass();
            drainIncoming();
            long now = System.nanoTime();
            long earliest = now + IDLE_PARK_NANOS;
            int publishedCount = 0;
            for (int i = 0; i < count; i++) {
                LoopTask task = tasks[i];
                if (task.isRetired()) {
                    removeAt(i--);
                    continue;
                }
                try {
                    if (task.run(now)) {
                        published[publishedCount++] = task;
                    }
                } catch (Throwable t) {
                    if (failures++ % 1000 == 0) {
                        LOG.log(System.Logger.Level.ERROR, "a game-loop task failed on " + threadName()
                                + " (" + failures + " so far); it stays scheduled", t);
                    }
                }
                earliest = Math.min(earliest, task.nextDeadline());
            }
            if (publishedCount > 0) {
                long passId = PASS_IDS.incrementAndGet();
                for (int i = 0; i < publishedCount; i++) {
                    published[i].signalConsumers(passId);
                    published[i] = null;
                }
            }
            parkUnlessWoken(earliest - System.nanoTime());
        }
    }

    private void drainIncoming() {
        LoopTask task;
        while ((task = incoming.poll()) != null) {
            if (count == tasks.length) {
                tasks = Arrays.copyOf(tasks, count * 2);
                published = new LoopTask[tasks.length];
            }
            tasks[count++] = task;
        }
    }

    private void removeAt(int i) {
        tasks[i] = tasks[--count];
        tasks[count] = null;
        load.decrementAndGet();
    }
}
