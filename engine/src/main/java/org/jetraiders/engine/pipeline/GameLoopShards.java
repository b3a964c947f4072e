package org.jetraiders.engine.pipeline;

/**
 * A fixed number of {@link GameLoopShard} threads shared by any number of lobbies; a new task goes
 * to the shard hosting the fewest. Thread-safe.
 */
public final class GameLoopShards {
    private final GameLoopShard[] shards;
    private volatile boolean closed;

    /** @param onThreadStart runs first on each new game-loop thread (see {@link PassThread}) */
    public GameLoopShards(String name, int threads, Runnable onThreadStart) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        long epoch = System.nanoTime();
        shards = new GameLoopShard[threads];
        for (int i = 0; i < threads; i++) {
            shards[i] = new GameLoopShard(name + "-" + i, epoch, onThreadStart);
            shards[i].start();
        }
    }

    public int threads() {
        return shards.length;
    }

    /** Hosts a task on the least-loaded shard. */
    public void host(LoopTask task) {
        if (closed) {
            throw new IllegalStateException("game-loop threads are closed");
        }
        GameLoopShard best = shards[0];
        for (int i = 1; i < shards.length; i++) {
            if (shards[i].load.get() < best.load.get()) {
                best = shards[i];
            }
        }
        best.add(task);
    }

    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        for (GameLoopShard shard : shards) {
            shard.stop();
        }
        for (GameLoopShard shard : shards) {
            shard.join(1000);
        }
    }
}
