/**
 * The binary protocol (version 1, "Binary protocol" in {@code docs/PROTOCOL.md}) on the client side:
 * {@link org.jetraiders.client.binary.BinarySnapshotDecoder} rebuilds the world from the server's
 * quantized and delta world frames into {@link org.jetraiders.client.binary.ClientWorldState}s, and
 * {@link org.jetraiders.client.binary.BinaryInputEncoder} writes {@code Input} frames. Allocation-free
 * after warm-up, for load generators that drive many clients; a game uses them through
 * {@link org.jetraiders.client.JetRaidersClient}.
 *
 * <p>Threads: nothing here is thread-safe. A decoder and the states it returns belong to one thread
 * at a time (a {@code JetRaidersClient}'s connection read thread, or a load generator's I/O thread);
 * the encoder is stateless.
 */
package org.jetraiders.client.binary;
