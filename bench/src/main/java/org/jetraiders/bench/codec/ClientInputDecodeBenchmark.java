package org.jetraiders.bench.codec;

import java.util.concurrent.TimeUnit;
import com.google.gson.Gson;
import org.jetraiders.server.protocol.binary.BinaryClientMessageDecoder;
import org.jetraiders.server.protocol.binary.BinaryDecodeResult;
import org.jetraiders.server.protocol.binary.BinaryInput;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinaryWriter;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ClientMessageParser;
import org.jetraiders.server.protocol.json.ParseResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one client {@code Input} message, the most frequent inbound message (each client sends one
 * per frame), from the {@code String} the WebSocket library hands over (decoding the UTF-8 frame
 * into that String is the transport's cost, not measured here).
 *
 * <ul>
 *   <li>{@code decoder=parser}: the server's {@link ClientMessageParser} into a reused
 *       {@link ClientMessage}: a Gson {@code JsonReader} per message in STRICT mode with validation.</li>
 *   <li>{@code decoder=gson}: the baseline, reflective {@code gson.fromJson(text, Envelope.class)} into
 *       fresh DTOs, with no validation at all (no finiteness, range or type checks).</li>
 *   <li>{@code decoder=binary}: the same input as a binary {@code Input} message (with an acknowledged
 *       tick) through the server's {@link BinaryClientMessageDecoder} into a reused
 *       {@link BinaryInput}, from the {@code byte[]} of a binary frame.</li>
 * </ul>
 * Run with {@code -prof gc}: a {@code JsonReader} allocates its 1,024-char buffer, so both JSON decoders
 * allocate per message.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientInputDecodeBenchmark {
    static final String INPUT = "{\"type\":\"Input\",\"data\":{\"thrust\":0.5,\"turn\":-1,\"shoot\":true,\"seq\":12345}}";

    @Param({"parser", "gson", "binary"})
    public String decoder;

    /** Not a constant: the JIT must not see the text. */
    private String text;
    private int decoderIndex;
    private byte[] binaryInput;
    private final BinaryClientMessageDecoder binaryDecoder = new BinaryClientMessageDecoder();
    private final BinaryInput binaryOut = new BinaryInput();
    private final ClientMessageParser parser = new ClientMessageParser();
    private final ClientMessage message = new ClientMessage();
    private final Gson gson = new Gson();

    @Setup(Level.Trial)
    public void setUp() {
        text = new String(INPUT.toCharArray());
        decoderIndex = switch (decoder) {
            case "parser" -> 0;
            case "gson" -> 1;
            case "binary" -> 2;
            default -> throw new IllegalArgumentException("decoder must be parser, gson or binary, was " + decoder);
        };
        BinaryWriter w = new BinaryWriter(32);
        BinaryInputEncoder.encode(0.5, -1, true, 12345, 123_456, w);
        binaryInput = w.toByteArray();
        long seq = decode();
        if (seq != 12345) {
            throw new IllegalStateException(decoder + " decoded seq " + seq + " from " + text + ": " + message);
        }
        System.out.println("# input message: JSON " + text.length() + " bytes: " + text + "; binary "
                + binaryInput.length + " bytes");
    }

    @Benchmark
    public long decode() {
        return switch (decoderIndex) {
            case 0 -> parse();
            case 1 -> gsonFromJson();
            default -> binary();
        };
    }

    private long parse() {
        ParseResult r = parser.parse(text, message);
        if (r != ParseResult.OK || message.kind() != ClientMessage.Kind.INPUT || !message.shoot()) {
            return -1;
        }
        return message.seq();
    }

    private long binary() {
        BinaryDecodeResult r = binaryDecoder.decode(binaryInput, 0, binaryInput.length, binaryOut);
        if (r != BinaryDecodeResult.OK || !binaryOut.shoot()) {
            return -1;
        }
        return binaryOut.seq();
    }

    private long gsonFromJson() {
        Envelope e = gson.fromJson(text, Envelope.class);
        if (!"Input".equals(e.type) || e.data == null || !e.data.shoot) {
            return -1;
        }
        return e.data.seq;
    }

    static final class Envelope {
        String type;
        InputData data;
    }

    static final class InputData {
        double thrust;
        double turn;
        boolean shoot;
        long seq;
    }
}
