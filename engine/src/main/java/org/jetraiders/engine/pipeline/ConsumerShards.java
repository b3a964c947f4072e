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
    private volatile boolean closed;
    private int generation;

    public ConsumerShards(String name, int threads, Duration sinkBlockTimeout) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.name = name;
        this.blockTimeoutNanos = sinkBlockTimeout.toNanos();
        this.shards = new AtomicReferenceArray<>(threads);
        for (int i = 0; i < threads; i++) {
            ConsumerShard shard = new ConsumerShard(name + "-" + i, epochNanos);
            shards.set(i, shard);
            shard.start();
        }
        watchdog = new Thread(this::watch, name + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
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
        ConsumerShard best = shards.get(0);
        for (int i = 1; i < shards.length(); i++) {
            ConsumerShard s = shards.get(i);
            if (s.load.get() < best.load.get()) {
                best = s;
            }
        }
        best.add(consumer);
    }

    /** A snapshot is ready: wake every shard (cheap: one unpark per shard thread). */
    public void signalAll() {
        for (int i = 0; i < shards.length(); i++) {
            shards.get(i).signal();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.interrupt();
        watchdog.join(1000);
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
