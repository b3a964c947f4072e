package org.jetraiders.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The order in which one {@link Lobby}'s pipeline starts and stops. Start: the encoding stage joins
 * its thread, the journal starts, publishing opens, and last the game loop joins its thread. Stop:
 * the status turns STOPPING, a STOP goes through the input ring, the final snapshot is encoded and
 * every consumer drains (or, past the deadline, is cut off), then the game loop, the journal and the
 * encoding stage retire and the pools the lobby owns close.
 *
 * <p>Runs on the threads calling {@link Lobby#start()} and {@link Lobby#stop(Duration)}; the flags
 * below let one start and one stop through whatever threads race. The stop waits by polling what
 * the game-loop, encoding and client threads publish (lock-free), parking in between.
 */
final class LobbyLifecycle {
    /** A stop waits at least this long for the journal's last file to reach the disk. */
    private static final long JOURNAL_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final LobbyPipeline pipeline;
    private final LobbyInputs inputs;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    LobbyLifecycle(LobbyPipeline pipeline, LobbyInputs inputs) {
        this.pipeline = pipeline;
        this.inputs = inputs;
    }

    /** See {@link Lobby#start()}. */
    void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("lobby " + pipeline.config.name() + " already started");
        }
        pipeline.pool.encoders().hostStage(pipeline.encodingStage);
        if (pipeline.recording != null) {
            pipeline.recording.start();
        }
        inputs.markRunning();
        pipeline.loopPool.shards().host(pipeline.gameLoop);
    }

    /** See {@link Lobby#stop(Duration)}. */
    boolean stop(Duration timeout) {
        if (!stopping.compareAndSet(false, true)) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        pipeline.cell.status = LobbyStatus.STOPPING;
        boolean clean = true;
        try {
            if (started.get()) {
                clean = publishStop(deadline) && awaitConsumersDrained(deadline);
                inputs.markStopped();
                if (!clean) {
                    pipeline.state.forceStop = true;
                    pipeline.pool.shards().signalAll();
                    awaitCondition(() -> pipeline.counters.consumers() == 0,
                            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
                }
            }
        } finally {
            inputs.markStopped();
            pipeline.gameLoop.retire();
            if (pipeline.recording != null && started.get()) {
                pipeline.recording.lobbyStopped(); // after a STOP it has ended already; else it ends at what was applied
                pipeline.recording.awaitClosed(Math.max(deadline, System.nanoTime() + JOURNAL_CLOSE_NANOS));
            }
            pipeline.encodingStage.retire();
            pipeline.pool.encoders().signalAll();
            pipeline.pool.shards().signalAll();
            pipeline.closeOwnedPools();
        }
        return clean;
    }

    /** The STOP published, and the final snapshot it makes encoded, before {@code deadline}. */
    private boolean publishStop(long deadline) {
        if (!inputs.publishStop(deadline)) {
            return false;
        }
        return awaitCondition(() -> pipeline.state.finalSequence != Long.MAX_VALUE
                && pipeline.encodingStage.sequence().get() >= pipeline.state.finalSequence, deadline);
    }

    private boolean awaitConsumersDrained(long deadline) {
        pipeline.pool.shards().signalAll();
        return awaitCondition(() -> pipeline.counters.consumers() == 0, deadline);
    }

    private static boolean awaitCondition(BooleanSupplier condition, long deadline) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
