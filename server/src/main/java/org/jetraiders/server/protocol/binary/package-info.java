/**
 * The binary wire protocol (version 1, see "Binary protocol" in {@code docs/PROTOCOL.md}): quantized
 * world frames, projectile events and per-client delta snapshots, plus the binary {@code Input}.
 *
 * <p>Threads: a {@link org.jetraiders.server.protocol.binary.BinaryClientEncoder} belongs to one
 * connection and runs only on that client's consumer thread. A
 * {@link org.jetraiders.server.protocol.binary.BinaryClientMessageDecoder} is used by one thread at a
 * time (one per connection is simplest). {@link org.jetraiders.server.protocol.binary.BinaryQuantizer}
 * is stateless. The client side of the protocol (decoder, input encoder) is the {@code client}
 * module's {@code org.jetraiders.client.binary}; the server never runs it.
 */
package org.jetraiders.server.protocol.binary;
