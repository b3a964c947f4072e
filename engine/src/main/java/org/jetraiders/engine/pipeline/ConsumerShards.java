package org.jetraiders.engine.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jetraiders.engine.DetachReason;

/**
 * A fixed number of {@link ConsumerShard} threads shared by any number of lobbies, plus a watchdog
 * that cuts off a consumer whose sink call blocks past the timeout and moves its shard-mates to a
 * fresh thread. New consumers go to the least-loaded shard.
 */
public final class ConsumerShards {
    private final String name;
    private final long blockTimeoutNanos;
    private final long epochNanos = System.nanoTime();
    private final AtomicReferenceArray<ConsumerShard> shards;
    private final Thread watchdog;
    private volatile long lastSignalledPass = -1;
    private volatile boolean closed;
    private int generation;

    /**
     * @param sinkBlockTimeout how long one sink call may block before the watchdog cuts it off; null for
     *                         shards that host only encoding stages (no sinks, so no watchdog thread)
     */
    public ConsumerShards(String name, int threads, Duration sinkBlockTimeout) {
        this(name, threads, sinkBlockTimeout, ConsumerShard.DEFAULT_IDLE_PARK_NANOS, PassThread.NO_START_HOOK);
    }

    /**
     * @param idleParkNanos how long an idle thread parks before polling again unsignalled (tests set
     *                      it long to prove a path never relies on that fallback)
     * @param onThreadStart runs first on each new shard thread, the watchdog's replacements included
     *                      (see {@link PassThread})
     */
    public ConsumerShards(String name, int threads, Duration sinkBlockTimeout, long idleParkNanos,
                          Runnable onThreadStart) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.name = name;
        this.blockTimeoutNanos = sinkBlockTimeout == null ? Long.MAX_VALUE : sinkBlockTimeout.toNanos();
        this.shards = new AtomicReferenceArray<>(threads);
        for (int i = 0; i < threads; i++) {
            ConsumerShard shard = new ConsumerShard(name + "-" + i, epochNanos, idleParkNanos, onThreadStart);
            shards.set(i, shard);
            shard.start();
        }
        if (sinkBlockTimeout == null) {
            watchdog = null;
        } else {
            watchdog = new Thread(this::watch, name + "-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    public int threads() {
        return shards.length();
    }

    /** Hosts a registered consumer on the least-loaded shard. */
    public void host(ClientConsumer consumer) {
        if (closed) {
            consumer.finish(DetachReason.LOBBY_STOPPED);
            return;
        }
        shards.get(leastLoaded()).add(consumer);
    }

    /**
     * Hosts a lobby's encoding stage on the least-loaded shard. Stages belong on shards of their own,
     * never beside client consumers: a blocked sink would hold the stage, and with it every client of
     * the lobby, until the watchdog cut it off.
     */
    public void hostStage(EncodingStage stage) {
        if (closed) {
            stage.retire();
            return;
        }
        shards.get(leastLoaded()).addStage(stage);
    }

    private int leastLoaded() {
        int best = 0;
        for (int i = 1; i < shards.length(); i++) {
            if (shards.get(i).load.get() < shards.get(best).load.get()) {
                best = i;
            }
        }
        return best;
    }

    /** A snapshot is ready: wake every shard (cheap: one unpark per shard thread). */
    public void signalAll() {
        for (int i = 0; i < shards.length(); i++) {
            shards.get(i).wake();
        }
    }

    /**
     * {@link #signalAll()} once per game-loop pass: lobbies stepped in the same pass share one wake-up
     * of each shard. A racing duplicate only costs a spare unpark.
     */
    public void signalAll(long passId) {
        if (lastSignalledPass == passId) {
            return;
        }
        lastSignalledPass = passId;
        signalAll();
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        if (watchdog != null) {
            watchdog.interrupt();
            watchdog.join(1000);
        }
        for (int i = 0; i < shards.length(); i++) {
            shards.get(i).stop();
        }
        for (int i = 0; i < shards.length(); i++) {
            shards.get(i).join(1000);
        }
    }

    private void watch() {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(blockTimeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(100)));
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (int i = 0; i < shards.length(); i++) {
                ConsumerShard shard = shards.get(i);
                ClientConsumer stuck = shard.abandonIfStuck(now, blockTimeoutNanos);
                if (stuck != null) {
                    stuck.release(DetachReason.SINK_BLOCKED);
                    ConsumerShard next = shard.successor(name + "-" + i + "." + (++generation), stuck);
                    shards.set(i, next);
                    next.start();
                    System.getLogger(ConsumerShards.class.getName()).log(System.Logger.Level.WARNING,
                            "a client sink blocked for over {0} ms; cut it off and moved its shard to {1}",
                            TimeUnit.NANOSECONDS.toMillis(blockTimeoutNanos), name + "-" + i + "." + generation);
                }
            }
        }
    }
}
