package org.jetraiders.engine.pipeline;

/**
 * A wake-up a game-loop shard sends after a pass that stepped a lobby, beside its consumers' (the
 * journal's reader thread). Called on the shard's thread: cheap, never blocking. {@code passId} lets a
 * receiver woken by many lobbies in one pass wake once.
 */
@FunctionalInterface
public interface PassSignal {
    PassSignal NONE = passId -> { };

    void signal(long passId);
}
