package org.jetraiders.engine.pipeline;

/**
 * A signal a game-loop shard sends after a pass that stepped a lobby, beside its consumers' wake-up (the
 * journal's: it wakes the journal thread if the lobby's unread events pile up). Called on the shard's
 * thread: cheap, never blocking.
 */
@FunctionalInterface
public interface PassSignal {
    PassSignal NONE = () -> { };

    void signal();
}
