package org.jetraiders.engine;

/** What a pipeline thread does, as told to a {@link PipelineThreadHook}. */
public enum PipelineThreadRole {
    /** Steps lobbies on the tick's beat ({@link GameLoopPool}): late, and every client of its lobbies waits. */
    GAME_LOOP,
    /** Encodes each stepped lobby's snapshot once per tick ({@link ClientThreadPool}): on every client's path. */
    ENCODER,
    /** Sends snapshots to the clients it hosts ({@link ClientThreadPool}). */
    CLIENT
}
