/**
 * The binary wire protocol (version 1, see "Binary protocol" in {@code docs/PROTOCOL.md}): quantized
 * world frames, projectile events and per-client delta snapshots, plus the binary {@code Input}.
 *
 * <p>Threads: a {@link org.jetraiders.server.protocol.binary.BinaryClientEncoder} belongs to one
 * connection and runs only on that client's consumer thread; it builds frames in a buffer of that
 * thread's, which every encoder the thread serves shares (one call at a time). A
 * {@link org.jetraiders.server.protocol.binary.BinaryClientMessageDecoder} is used by one thread at a
 * time (one per connection is simplest). {@link org.jetraiders.server.protocol.binary.BinaryQuantizer}
 * is stateless. The client side of the protocol (decoder, input encoder) is the {@code client}
 * module's {@code org.jetraiders.client.binary}; the server never runs it.
 *
 * <h2>The lobby's quantized ring, and who reads it when</h2>
 * {@link org.jetraiders.server.protocol.binary.BinaryQuantizeStage} has one quantized state per
 * output-ring slot (32 at 60 Hz), written only by the encoding thread, once per snapshot, before the client
 * threads see that snapshot. Client threads read two kinds of slot:
 * <ul>
 *   <li>the snapshot a client is sending (S): safe without more, because the client's sequence gates
 *       the output ring at S - 1 or later until it is done, so S's slot is not reused meanwhile;</li>
 *   <li>its delta baseline, an older snapshot B it was sent and acknowledged: NOT protected by the
 *       ring. The client has itself moved past B, so once every other client has too, the game loop
 *       may publish B + the ring's size and the encoding thread rewrite B's slot, also while this client reads it
 *       (it needs to be about a ring behind: rare, but a descheduled client thread gets there).
 *       So the slot is a seqlock: the writer marks it {@code REWRITING} before it writes and
 *       publishes the new sequence after; the client checks the slot's sequence before reading (no
 *       longer B: full frame), reads through a {@code BaselineView} (counts clamped to the arrays,
 *       so a torn read cannot throw), and checks it again after: if it changed, the delta built from
 *       it is dropped (never shared with other clients through {@code DeltaBodies}) and the frame
 *       rebuilt as a full one. Sequences only grow, so a slot never holds B again.</li>
 * </ul>
 * A client remembers only which frames it was sent ({@code SentFrames}: tick and sequence of the last
 * 32): a snapshot its consumer skipped, or anything before {@code resetBaseline()} (a Lagged skip), is
 * no baseline, whatever the stage still holds. The bytes are those the client would get from its own
 * copies, as long as the stage holds the acknowledged snapshot (an output ring of them, half a second); the
 * encoder keeps copies only where there is no stage state (used without a stage, as tests and
 * benchmarks do, or a snapshot the stage did not quantize). Measured at 256 binary clients: live
 * heap −8 MiB, 9,404 quantized states down to 1,088 (BENCHMARKS.md, "Binary delta baselines from the
 * lobby's stage").
 */
package org.jetraiders.server.protocol.binary;
