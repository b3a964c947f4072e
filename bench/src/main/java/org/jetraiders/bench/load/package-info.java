/**
 * WebSocket load generator for the Jet Raiders server ({@link org.jetraiders.bench.load.LoadTest}).
 *
 * <p>Threads and what they touch:
 * <pre>
 *  main (stats thread, LoadRun) --every 1 s--> roll histograms, progress line, window start/end, summary
 *  jr-load-connector           --connect()--> LoadClient x N          (paced at --connect-rate)
 *  jr-load-sender-k            --sendInput--> LoadClient k, k+S, ...  (absolute deadlines, staggered)
 *                                   |  LatencyProbe.turnForInput (probes only, synchronized)
 *  WebSocketConnectReadThread-* --onMessage--> one LoadClient: counters (single writer),
 *                                   LatencyProbe.onSnapshot, LoadStats (LongAdder, Recorder);
 *                                   --format bin: BinarySnapshotDecoder.decode (one per client),
 *                                   ackedTick (volatile) --> read by the sender for Input.ackedTick
 *  WebSocketWriteThread-*       Java-WebSocket's per-client socket writer
 * </pre>
 * Java-WebSocket's client costs two threads per connection (read and write); the library's
 * connection-lost timer, a third, is disabled. That is fine up to about 1000 clients; beyond that a
 * NIO-multiplexed client would be needed. The sender's binary Input scratch ({@code BinaryWriter}) is
 * reused for every send: Java-WebSocket masks the payload into a new buffer inside {@code send}.
 */
package org.jetraiders.bench.load;
