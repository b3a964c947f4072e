package org.jetraiders.bench.pipeline;

import org.jetraiders.engine.ClientSink;

/** The flow the latency benchmark drives, implemented on the engine's Disruptor lobby and on j.u.c queues. */
interface LatencyPipeline extends AutoCloseable {
    /** Adds a player (applied by the game loop in order with everything else); returns its id. */
    int join(String name);

    /** Adds a client receiving every snapshot from now on. */
    void attach(ClientSink sink);

    void submitInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq);

    /** One tick: step, publish the snapshot, fan it out. */
    void tickNow();

    @Override
    void close();
}
