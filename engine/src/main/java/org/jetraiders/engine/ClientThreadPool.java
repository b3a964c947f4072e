package org.jetraiders.engine;

import java.time.Duration;
import org.jetraiders.engine.pipeline.ConsumerShards;

/**
 * The threads that run client consumers, shareable by any number of lobbies, plus one thread running
 * the lobbies' encoding stages. Each thread hosts many consumers and parks while no snapshot is ready; size it near the number of cores (a thread per
 * client costs far more on a small machine: see the {@code pipeline} package doc). A sink call that
 * blocks longer than {@code sinkBlockTimeout} is cut off and its thread-mates move to a fresh thread.
 *
 * <p>Close it after the lobbies that use it have stopped.
 */
public final class ClientThreadPool implements AutoCloseable {
    private final ConsumerShards shards;
    private final ConsumerShards encoders;

    private ClientThreadPool(ConsumerShards shards, ConsumerShards encoders) {
        this.shards = shards;
        this.encoders = encoders;
    }

    /**
     * @param name             thread-name prefix, e.g. {@code jr-clients}
     * @param threads          consumer threads, at least 1
     * @param sinkBlockTimeout how long one sink call may take before its consumer is cut off
     */
    public static ClientThreadPool create(String name, int threads, Duration sinkBlockTimeout) {
        return create(name, threads, sinkBlockTimeout, PipelineThreadHook.NONE);
    }

    /**
     * As {@link #create(String, int, Duration)}; each thread runs {@code hook} as it starts, with
     * {@link PipelineThreadRole#CLIENT} or, on the encoding thread, {@link PipelineThreadRole#ENCODER}.
     */
    public static ClientThreadPool create(String name, int threads, Duration sinkBlockTimeout, PipelineThreadHook hook) {
        return create(name, threads, sinkBlockTimeout, Duration.ofMillis(10), hook);
    }

    /** As {@link #create(String, int, Duration)}, with the idle threads' fallback poll period (tests). */
    static ClientThreadPool create(String name, int threads, Duration sinkBlockTimeout, Duration idlePark) {
        return create(name, threads, sinkBlockTimeout, idlePark, PipelineThreadHook.NONE);
    }

    private static ClientThreadPool create(String name, int threads, Duration sinkBlockTimeout, Duration idlePark,
                                           PipelineThreadHook hook) {
        if (sinkBlockTimeout == null || sinkBlockTimeout.isZero() || sinkBlockTimeout.isNegative()) {
            throw new IllegalArgumentException("sinkBlockTimeout must be > 0, was " + sinkBlockTimeout);
        }
        ConsumerShards clients = new ConsumerShards(name, threads, sinkBlockTimeout, idlePark.toNanos(),
                () -> hook.started(PipelineThreadRole.CLIENT));
        // the lobbies' encoding stages get a thread of their own: no sink call can ever hold them up
        return new ClientThreadPool(clients, new ConsumerShards(name + "-encoder", 1, null, idlePark.toNanos(),
                () -> hook.started(PipelineThreadRole.ENCODER)));
    }

    /** {@code threads} consumer threads named {@code jr-clients-N}, cutting off sinks blocked for 1 s. */
    public static ClientThreadPool create(int threads) {
        return create("jr-clients", threads, Duration.ofSeconds(1));
    }

    public int threads() {
        return shards.threads();
    }

    ConsumerShards shards() {
        return shards;
    }

    ConsumerShards encoders() {
        return encoders;
    }

    /** Stops the threads; consumers still attached are detached with {@link DetachReason#LOBBY_STOPPED}. */
    @Override
    public void close() {
        try {
            encoders.close();
            shards.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
