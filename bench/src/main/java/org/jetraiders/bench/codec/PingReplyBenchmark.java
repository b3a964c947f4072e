package org.jetraiders.bench.codec;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ClientMessageParser;
import org.jetraiders.server.protocol.json.ParseResult;
import org.jetraiders.server.protocol.json.PongBytes;
import org.jetraiders.server.protocol.json.ServerMessages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Answering one client {@code Ping} on the selector thread: parsing the text into a reused
 * {@link ClientMessage} and building the {@code Pong}'s bytes, as {@code transport.Connection} does.
 * Every client may ping (the browser client does every 2 s, the load generator's probes every second).
 *
 * <ul>
 *   <li>{@code path=fast}: {@link ClientMessageParser#parse}, which takes its allocation-free Ping path,
 *       and {@link PongBytes#write} into a reused array (the server since the fourteenth session).</li>
 *   <li>{@code path=gson}: {@link ClientMessageParser#parseStrict} (a Gson {@code JsonReader} per
 *       message) and {@link ServerMessages#pong}'s String as UTF-8 bytes (the server before).</li>
 * </ul>
 * Run with {@code -prof gc} for the bytes each allocates per ping.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PingReplyBenchmark {
    static final String PING = "{\"type\":\"Ping\",\"data\":{\"t\":51234}}";
    private static final long SERVER_TIME = 1_732_420_000_123L;

    @Param({"fast", "gson"})
    public String path;

    /** Not a constant: the JIT must not see the text. */
    private String text;
    private boolean fast;
    private final ClientMessageParser parser = new ClientMessageParser();
    private final ClientMessage message = new ClientMessage();
    private final byte[] pong = new byte[PongBytes.MAX_LENGTH];

    @Setup
    public void setUp() {
        text = new String(PING.toCharArray());
        fast = switch (path) {
            case "fast" -> true;
            case "gson" -> false;
            default -> throw new IllegalArgumentException("path must be fast or gson, was " + path);
        };
        int length = reply();
        String expected = ServerMessages.pong(51234, SERVER_TIME);
        if (length != expected.length()) {
            throw new IllegalStateException(path + " wrote " + length + " bytes, expected " + expected);
        }
    }

    /** @return the Pong's length in bytes */
    @Benchmark
    public int reply() {
        ParseResult result = fast ? parser.parse(text, message) : parser.parseStrict(text, message);
        if (!result.isOk()) {
            throw new IllegalStateException(result + " for " + text);
        }
        if (fast) {
            return PongBytes.write(pong, message.pingT(), SERVER_TIME);
        }
        return ServerMessages.pong(message.pingT(), SERVER_TIME).getBytes(StandardCharsets.UTF_8).length;
    }
}
