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
 *
 * <p>What every client sends all the time costs no garbage: the parser tries an allocation-free fast
 * path for the plain forms of {@code Input} (60 a second) and {@code Ping} ({@code InputFastPath},
 * {@code PingFastPath}, on {@code JsonScan}'s steps) before Gson's strict parse, which decides everything
 * they decline; {@link org.jetraiders.server.protocol.json.PongBytes} writes the reply into the
 * connection's array. All of them are stateless; the server calls them on the selector thread.
 */
package org.jetraiders.server.protocol.json;
