/**
 * The JSON wire protocol of the Jet Raiders Godot client (see {@code docs/PROTOCOL.md}).
 *
 * <p>Threads: the {@code ...Encoder} classes run on a lobby's encoding stage (one instance per lobby,
 * one thread, snapshot order) and write into the slot's {@link org.jetraiders.engine.EncodedBuffer}
 * without allocating in steady state. {@link org.jetraiders.server.protocol.json.JsonWorldUpdateFrame}
 * and {@link org.jetraiders.server.protocol.json.EncodedBuffer} run on a client consumer thread, one
 * builder per thread. {@link org.jetraiders.server.protocol.json.ClientMessageParser} and
 * {@link org.jetraiders.server.protocol.json.ServerMessages} are stateless and may be called from any
 * thread; a {@link org.jetraiders.server.protocol.json.ClientMessage} belongs to one thread at a time.
 */
package org.jetraiders.server.protocol.json;
