/**
 * WebSocket load generator for the Jet Raiders server ({@link org.jetraiders.bench.load.LoadTest}).
 *
 * <p>Clients cost no thread of their own: a few NIO selector threads ({@code --io-threads}, default 1)
 * each own every N-th connection and do all of its work. Threads and what they touch:
 * <pre>
 *  main (stats thread, LoadRun) --every 1 s--> roll histograms, progress line, window start/end,
 *                                   ProcessWindow (server and own CPU, threads, context switches), summary
 *  jr-load-connector   --startConnect--> IoThread.execute(connect)  (paced at --connect-rate; ends after the ramp)
 *  jr-load-io-k        owns clients k, k+N, ...: for each, its WsConnection (socket, handshake, frames,
 *                      pong, close, timeouts) and its LoadClient callbacks: counters (single writer),
 *                      LatencyProbe, LoadStats (LongAdder, Recorder); --format bin: BinarySnapshotDecoder
 *                      (one per client; with --decode probes only the probes have one, the others read
 *                      the tick they acknowledge from the frame's first field); and its InputTimer: at each client's 60 Hz deadline
 *                      LoadClient.sendInput writes the Input (binary ones ack the latest decoded tick)
 *                      with one write call
 *  any thread          IoThread.execute (connect and close requests), LoadClient.closeQuietly
 * </pre>
 *
 * <p>The WebSocket client is this package's own (RFC 6455, plain {@code ws://}, no extension):
 * {@link org.jetraiders.bench.load.WsHandshake} (opening handshake),
 * {@link org.jetraiders.bench.load.WsFrameParser} (server frames in, reassembled across reads and
 * fragments), {@link org.jetraiders.bench.load.WsFrameEncoder} (masked client frames out),
 * {@link org.jetraiders.bench.load.WsConnection} (one connection's state machine and buffers) and
 * {@link org.jetraiders.bench.load.IoThread} (the selector loop). In a steady run nothing is allocated
 * per frame except for probes' JSON snapshots and rare control messages: buffers, the frame encoder
 * and the I/O thread's payload scratch are reused. The binary protocol's codec (decoder, input
 * encoder, byte writer) is the client library's ({@code org.jetraiders.client.binary}), which is
 * allocation-free after warm-up; its {@code JetRaidersClient} (a thread per connection) is not used
 * here, since 1,024 clients must share a thread or two.
 */
package org.jetraiders.bench.load;
