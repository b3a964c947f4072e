package org.jetraiders.engine.pipeline;

/** Cross-thread stop markers of one lobby's pipeline. */
public final class LobbyPipelineState {
    /** Sequence of the final (Stopping) snapshot; consumers past it detach. MAX_VALUE while running. */
    public volatile long finalSequence = Long.MAX_VALUE;
    /** Set when a stop ran out of patience: every consumer detaches at its next poll. */
    public volatile boolean forceStop;
}
