package org.jetraiders.engine;

import org.jetraiders.engine.pipeline.GameLoopShards;

/**
 * The threads that run lobbies' game loops, shareable by any number of lobbies: each thread steps
 * every lobby it hosts on one beat and parks in between, so 64 lobbies cost the same threads as one
 * (see the {@code pipeline} package doc). One thread steps dozens of 16-player lobbies well inside a
 * tick; give it more threads (up to the number of cores) for many large lobbies.
 *
 * <p>Close it after the lobbies that use it have stopped.
 */
public final class GameLoopPool implements AutoCloseable {
    private final GameLoopShards shards;

    private GameLoopPool(GameLoopShards shards) {
        this.shards = shards;
    }

    /**
     * @param name    thread-name prefix, e.g. {@code jr-game-loop}; threads are {@code name-0}, {@code name-1}, …
     * @param threads game-loop threads, at least 1
     */
    public static GameLoopPool create(String name, int threads) {
        return create(name, threads, PipelineThreadHook.NONE);
    }

    /**
     * As {@link #create(String, int)}; each thread runs {@code hook} with
     * {@link PipelineThreadRole#GAME_LOOP} as it starts.
     */
    public static GameLoopPool create(String name, int threads, PipelineThreadHook hook) {
        return new GameLoopPool(new GameLoopShards(name, threads, () -> hook.started(PipelineThreadRole.GAME_LOOP)));
    }

    /** {@code threads} game-loop threads named {@code jr-game-loop-N}. */
    public static GameLoopPool create(int threads) {
        return create("jr-game-loop", threads);
    }

    public int threads() {
        return shards.threads();
    }

    GameLoopShards shards() {
        return shards;
    }

    /** Stops the threads; lobbies still hosted stop ticking. */
    @Override
    public void close() {
        try {
            shards.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
