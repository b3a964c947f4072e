package org.jetraiders.server.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jetraiders.server.protocol.binary.BinaryClientMessageDecoder;
import org.jetraiders.server.protocol.binary.BinaryDecodeResult;
import org.jetraiders.server.protocol.binary.BinaryInput;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
import org.jetraiders.server.protocol.binary.BinaryWriter;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ClientMessageParser;
import org.jetraiders.server.protocol.json.ParseResult;

/**
 * Runs client messages through the parsers a connection uses, in the form the selector thread hands
 * them over: JSON text as the frame reader's {@link InboundFrameReader.AsciiView} over its payload
 * buffer (the only {@code CharSequence} the parser then ever sees, so the compiled parser stays
 * specialised to it) and binary {@code Input}s as a heap buffer. The texts are what clients send:
 * the Godot client's and the load generator's {@code Input}s (short numbers take the fast path, long
 * decimals the full parser), {@code Ping}s and {@code Join}s.
 *
 * <p>Main thread, before the server opens its ports (see {@code org.jetraiders.server.warmup}).
 */
public final class InboundWarmup {
    /** Inputs the fast path takes: every round. */
    private static final int FAST_TEXTS = 2;
    /**
     * The first {@link #FAST_TEXTS} take the allocation-free fast path; the rest go through Gson (about
     * 3 KB of garbage each), so they run only every {@link #STRICT_EVERY}th round, as they come in play.
     */
    private static final String[] TEXTS = {
        "{\"type\":\"Input\",\"data\":{\"thrust\":1,\"turn\":-0.37,\"shoot\":true,\"seq\":%d}}",
        "{\"type\":\"Input\",\"data\":{\"turn\":0,\"thrust\":1,\"seq\":%d,\"shoot\":false}}",
        "{\"type\":\"Input\",\"data\":{\"thrust\":0.5,\"turn\":0.2860429291436482,\"shoot\":false,\"seq\":%d}}",
        "{\"type\":\"Ping\",\"data\":{\"t\":%d}}",
        "{\"type\":\"Join\",\"data\":{\"session_token\":\"3f9c2a.b71e%d\",\"name\":\"Ada\",\"lobby_id\":\"main\"}}",
    };
    private static final int STRICT_EVERY = 16;

    /** Distinct numbers per message kind, formatted once (formatting per message would cost more than parsing). */
    private static final int VARIANTS = 64;

    private InboundWarmup() {
    }

    private static byte[][] texts() {
        byte[][] texts = new byte[VARIANTS * TEXTS.length][];
        for (int v = 0; v < VARIANTS; v++) {
            for (int k = 0; k < TEXTS.length; k++) {
                texts[v * TEXTS.length + k] = String.format(TEXTS[k], 1000 + v * 7919L).getBytes(StandardCharsets.US_ASCII);
            }
        }
        return texts;
    }

    /**
     * Parses {@code rounds} of each message kind.
     *
     * @return how many messages parsed or decoded cleanly (all of them, unless a parser changed)
     */
    public static long run(int rounds) {
        byte[][] texts = texts();
        byte[] payload = new byte[512];
        InboundFrameReader.AsciiView view = new InboundFrameReader.AsciiView(payload);
        ClientMessageParser parser = new ClientMessageParser();
        ClientMessage message = new ClientMessage();
        BinaryClientMessageDecoder decoder = new BinaryClientMessageDecoder();
        BinaryInput input = new BinaryInput();
        BinaryWriter writer = new BinaryWriter(32);
        ByteBuffer binary = ByteBuffer.wrap(writer.array()); // a heap buffer, as the frame reader hands over
        long ok = 0;
        for (int r = 0; r < rounds; r++) {
            int kinds = r % STRICT_EVERY == 0 ? TEXTS.length : FAST_TEXTS;
            for (int k = 0; k < kinds; k++) {
                byte[] text = texts[(r % VARIANTS) * TEXTS.length + k];
                System.arraycopy(text, 0, payload, 0, text.length);
                view.length(text.length);
                ParseResult result = parser.parse(view, message);
                if (result.isOk()) {
                    ok++;
                }
            }
            writer.reset();
            writer.u8(BinaryProtocolDescriptor.VERSION);
            writer.u8(BinaryProtocolDescriptor.KIND_INPUT);
            writer.u8(127);
            writer.u8(r % 255 - 127);
            writer.u8(r % 3 == 0 ? BinaryProtocolDescriptor.BUTTON_SHOOT : 0);
            writer.varint(r + 1L);
            writer.varint(Math.max(0, r - 3L));
            binary.clear().limit(writer.length());
            if (decoder.decode(binary, input) == BinaryDecodeResult.OK) {
                ok++;
            }
        }
        return ok;
    }

    /** Messages {@link #run} parses in {@code rounds} rounds. */
    public static long messages(int rounds) {
        long strictRounds = (rounds + STRICT_EVERY - 1) / STRICT_EVERY;
        return (long) rounds * (FAST_TEXTS + 1) + strictRounds * (TEXTS.length - FAST_TEXTS);
    }
}
