/**
 * INTERNAL. The per-lobby Disruptor pipeline.
 *
 * <pre>
 *  WebSocket workers,          +------------------+        +-------------+
 *  ticker, bots  --tryNext-->  |  input ring (MP) | -----> |  game loop  |  one thread: jr-&lt;lobby&gt;-game-loop
 *  (join/leave/input/tick)     +------------------+        | (World.step)|
 *                                                          +------+------+
 *                                                                 | tryNext (never next(): no parking
 *                                                                 v           behind a stuck consumer)
 *                                                     +---------------------+
 *                                                     | output ring (SP)    |  SnapshotEvent slots,
 *                                                     +----------+----------+  reused in place
 *                                                                |
 *                                                     +----------v----------+
 *                                                     |  encoding stage     |  jr-&lt;lobby&gt;-encoder: each wire
 *                                                     |  (SnapshotEncoders) |  format's bytes, once per tick
 *                                                     +----------+----------+
 *                                                                | dependency barrier: consumers read
 *                           +------------------------------------+ only what the stage has passed
 *                           v                  v                 v
 *                     ClientConsumer     ClientConsumer     ClientConsumer    one Sequence each, gating
 *                           \__________________|_________________/            the output ring
 *                                   polled by K shard threads (jr-clients-N)
 * </pre>
 *
 * <h2>Threads, and why consumers do not get one each</h2>
 * Inputs, ticks, joins and leaves share one ring, so the game loop sees them totally ordered: that
 * is what makes a recorded stream replay exactly. The game loop is the ring's only consumer and the
 * only thread touching the {@code World}; it never encodes, never does I/O, never waits on a client.
 *
 * <p>Client consumers are not {@code BatchEventProcessor}s with a thread each. On this project's
 * 2-core machines a Disruptor thread per client cost 60–66% of a core at 256 clients and stalled the
 * producer at 1,000 (platform-notes.md): every tick wakes every thread. Instead each
 * {@link org.jetraiders.engine.pipeline.ClientConsumer} is a plain {@code Sequence} plus a sink, and
 * a few {@link org.jetraiders.engine.pipeline.ConsumerShard} threads (≈ cores, shared by all lobbies
 * of a server) poll their consumers in turn and park until the encoding stage signals the next
 * snapshot. A tick thus costs K wake-ups, not one per client. Measured on the 2-core machine
 * (2026-11-24, JDK 17, one 60 Hz lobby of 16 planes, each consumer copying the planes per snapshot,
 * 8 s after 2 s warm-up; {@code java -cp bench/target/benchmarks.jar
 * org.jetraiders.bench.fanout.FanoutCpuExperiment 8 256,512,1000 2,N}):
 * <pre>
 *  clients   2 shard threads          a thread per client (same code, T = N)
 *   256      1.9 % of a core          27.4 % of a core
 *   512      1.6 %                    43.7 %
 *  1000      3.4 %                    93.1 %
 * </pre>
 * Both delivered every snapshot to every consumer (0 skipped) with the game loop on time; the
 * difference is all wake-ups. So consumers share {@code ClientThreadPool} threads, ≈ one per core,
 * across all lobbies of a server.
 *
 * <p>The price of sharing a thread is that one sink could hold up its shard-mates, so sink calls are
 * watched: a call that blocks past {@code sinkBlockTimeout} gets its consumer cut off (its sequence
 * stops gating, {@code SINK_BLOCKED}) and the rest of its shard moves to a fresh thread. A consumer
 * that cannot keep up skips stale snapshots (reported as Lagged) and is detached after
 * {@code maxLagTime}, so it never holds the ring back. The producer only ever uses {@code tryNext}.
 *
 * <h2>Who touches what</h2>
 * {@code InputEvent}: publishers fill a claimed slot, then the game loop reads it.
 * {@code SnapshotEvent}: the game loop writes, then the encoding stage writes its buffers, then
 * consumers read; the ring's sequences order these. Every processor has a log-and-continue
 * exception handler: the Disruptor's default would end the thread while its sequence keeps gating.
 */
package org.jetraiders.engine.pipeline;
