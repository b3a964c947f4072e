/**
 * INTERNAL. The lobbies' Disruptor pipelines and the few threads that run all of them.
 *
 * <pre>
 *  WebSocket selector,       +------------------+   polled on the beat   +---------------------+
 *  bots, tools --tryNext-->  |  input ring (MP) | ---------------------> | game-loop shard     |  jr-game-loop-N: ONE thread
 *  (join/leave/input)        |  per lobby       |   (publishing wakes    | (LobbyLoop per      |  steps MANY lobbies; per beat
 *                            +------------------+    nobody)             |  lobby: TICK, drain,|  it publishes each due lobby's
 *                                     ^  TICK, by the shard itself        |  World.step)        |  TICK, drains its ring, steps
 *                                     +-----------------------------------+----------+----------+
 *                                                                                    | tryNext; one wake-up of the
 *                                                                                    v encoding thread per beat
 *                                                                   +---------------------------+
 *                                                                   | output ring (SP) per lobby|  SnapshotEvent slots, reused
 *                                                                   +-------------+-------------+
 *                                                                                 |
 *                                                                   +-------------v-------------+
 *                                                                   | encoding stage per lobby  |  all on &lt;pool&gt;-encoder-0:
 *                                                                   | (SnapshotEncoders)        |  each wire format once per tick
 *                                                                   +-------------+-------------+
 *                                                                                 | dependency barrier; one wake-up
 *                           +-----------------------------------------------------+ of each client thread per pass
 *                           v                  v                 v
 *                     ClientConsumer     ClientConsumer     ClientConsumer    one Sequence each, gating the ring
 *                           \__________________|_________________/
 *                                   polled by K client threads (jr-clients-N), shared by every lobby
 * </pre>
 *
 * <p>With a journaler, one more reader follows the game loop in every input ring without gating it: the
 * journal thread ({@code jr-journal}), on its own 50 ms beat; a pass wakes it early only for a lobby
 * whose unread events reach a quarter of its ring. The game loop stamps
 * each TICK slot it handles for it ({@link org.jetraiders.engine.pipeline.TickCapture}) and keeps JOIN
 * names in their slots. See the {@code journal} package doc for why it never gates and what happens
 * when it falls a ring behind.
 *
 * <h2>Threads: a fixed few, whatever the number of lobbies</h2>
 * Inputs, ticks, joins and leaves share one ring per lobby, so its game loop sees them totally
 * ordered: that is what makes a recorded stream replay exactly. A lobby's {@code World} is touched by
 * one thread only, the game-loop shard hosting it; that thread never encodes, never does I/O, never
 * waits on a client.
 *
 * <p>A server runs G game-loop threads ({@link org.jetraiders.engine.pipeline.GameLoopShard}, ≈ cores
 * / 2), one encoding thread and K client threads ({@link org.jetraiders.engine.pipeline.ConsumerShard},
 * ≈ cores), plus a watchdog: 64 lobbies cost the threads one does. Like LMAX's business-logic
 * processor, which serves every instrument from one thread, a game-loop shard steps every lobby it
 * hosts on one beat: {@link org.jetraiders.engine.pipeline.TickSchedule} aligns the deadlines of all
 * lobbies of a rate to the shard's epoch, so a beat is one wake-up for any number of lobbies. On it
 * the shard publishes each due lobby's TICK into that lobby's input ring and drains the ring up to
 * it. Inputs do not wake the game loop: the rings use
 * {@link org.jetraiders.engine.pipeline.NoWakeWaitStrategy}, since the simulation reads inputs only at
 * the next tick. After the pass the shard wakes the encoding thread once, which encodes every lobby
 * stepped and then wakes the K client threads once.
 *
 * <p>The model it replaced gave every lobby a ticker, a game-loop and an encoder thread, with
 * {@code BlockingWaitStrategy} on the input ring: measured at 256 binary clients in 16 lobbies (peers
 * kit, 2026-11-30) that was 81 threads and about 38,500 context switches a second, the game loops
 * woken by every input. Per beat the new model wakes G + 1 + K threads (4 on 2 cores) for all lobbies;
 * the figures that chose it are in BENCHMARKS.md ("Thread model").
 *
 * <p>Every pool thread first runs its pool's {@link org.jetraiders.engine.PipelineThreadHook} (via
 * {@link org.jetraiders.engine.pipeline.PassThread}), told its role. The game server uses it to run
 * the game-loop and encoding threads at nice -10: they work well under a millisecond per beat, and on
 * a saturated machine waiting for a core was what made a beat late (the server's {@code sched}
 * package doc has the figures).
 *
 * <h2>Why client consumers do not get a thread each</h2>
 * Each {@link org.jetraiders.engine.pipeline.ClientConsumer} is a plain {@code Sequence} plus a sink,
 * polled by a client thread. On this project's 2-core machines a Disruptor thread per client cost
 * 60–66% of a core at 256 clients and stalled the producer at 1,000 (platform-notes.md); measured
 * 2026-11-24 ({@code java -cp bench/target/benchmarks.jar
 * org.jetraiders.bench.fanout.FanoutCpuExperiment 8 256,512,1000 2,N}):
 * <pre>
 *  clients   2 shard threads          a thread per client (same code, T = N)
 *   256      1.9 % of a core          27.4 % of a core
 *   512      1.6 %                    43.7 %
 *  1000      3.4 %                    93.1 %
 * </pre>
 *
 * <p>The price of sharing a thread is that one sink could hold up its shard-mates, so sink calls are
 * watched: a call that blocks past {@code sinkBlockTimeout} gets its consumer cut off (its sequence
 * stops gating, {@code SINK_BLOCKED}) and the rest of its shard moves to a fresh thread. Encoding
 * stages have a thread of their own for the same reason: a blocked sink must never hold up a lobby's
 * encoding, and with it every other client of the lobby. A consumer that cannot keep up skips stale
 * snapshots (reported as Lagged) and is detached after {@code maxLagTime}, so it never holds the ring
 * back. Producers only ever use {@code tryNext}.
 *
 * <h2>Who touches what</h2>
 * {@code InputEvent}: publishers (any thread) fill a claimed slot, then the hosting game-loop shard
 * reads it. {@code SnapshotEvent}: the game-loop shard writes, then the encoding thread writes its
 * buffers, then client threads read; the ring's sequences order these. The slots of one ring share
 * their capacities ({@link org.jetraiders.engine.SharedCapacity}): the game-loop shard is the only
 * writer of the projectile and event room, the encoding thread of the bytes' room, so a lobby's ring
 * grows to its busiest tick within one lap and then stops allocating. A failing event or encoder is
 * logged (rate-limited) and skipped, never allowed to end a shared thread.
 */
package org.jetraiders.engine.pipeline;
