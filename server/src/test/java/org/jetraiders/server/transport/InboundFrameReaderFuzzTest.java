package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based fuzzing (jqwik) of {@link InboundFrameReader}: for any byte stream — well-formed
 * client frames, frames with odd headers and lengths, junk — cut into reads of any sizes, the reader
 * never throws and delivers exactly what a reference reading of the whole stream by RFC 6455 §5.2
 * says: complete, final, masked, unextended ASCII text and binary frames within the cap to the
 * handler; control frames and non-ASCII text, whole, to the library; and at the first frame it does
 * not take, that frame and every later byte to the library. A failure prints its seed;
 * docs/TESTING.md says how to replay it.
 */
class InboundFrameReaderFuzzTest {
    /** A small cap, so that frames over it are easy to make. */
    private static final int MAX = 300;

    /** What reached the handler and what reached the library's decoder. */
    record Delivery(List<String> taken, String toLibrary) {
    }

    @Property(tries = 4500)
    void howAStreamIsCutIntoReadsChangesNothingThatIsDelivered(@ForAll("streams") byte[] stream,
                                                               @ForAll("readSizes") List<Integer> reads) {
        Delivery expected = reference(stream);
        assertEquals(expected, feed(stream, reads), "cut into reads of " + reads);
        assertEquals(expected, feed(stream, List.of(Integer.MAX_VALUE)), "in one read");
        Statistics.label("handed over").collect(!expected.toLibrary().isEmpty());
    }

    // ---- regression example for what the fuzzing found ---------------------------------------------

    @Example
    void aSixtyFourBitLengthWithItsTopBitSetIsLeftToTheLibrary() {
        // found by howAStreamIsCutIntoReadsChangesNothingThatIsDelivered: the length was cut to an int, so
        // 0x8000000000000003 read as a 3-byte frame (and 0xFFFFFFFFFFFFFFFF as a frame shorter than its header)
        for (long length : new long[] {0x8000_0000_0000_0003L, -1L, 0xFFFF_FFFF_0000_0005L}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x81);
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >>> shift) & 0xFF);
            }
            out.write(new byte[] {0, 0, 0, 0, 'a', 'b', 'c', 'd', 'e'}, 0, 9);
            byte[] stream = out.toByteArray();
            Delivery d = feed(stream, List.of(Integer.MAX_VALUE));
            assertEquals(List.of(), d.taken(), "nothing for the game");
            assertEquals(HexFormat.of().formatHex(stream), d.toLibrary(), "the library closes it (1002/1009)");
        }
    }

    // ---- the reader, fed -------------------------------------------------------------------------------

    private static Delivery feed(byte[] stream, List<Integer> reads) {
        InboundFrameReader reader = new InboundFrameReader(MAX);
        LibrarySpy library = new LibrarySpy();
        List<String> taken = new ArrayList<>();
        InboundFrameReader.Handler handler = new InboundFrameReader.Handler() {
            @Override
            public void onText(CharSequence text) {
                taken.add("text:" + text);
            }

            @Override
            public void onBinary(ByteBuffer payload) {
                byte[] b = new byte[payload.remaining()];
                payload.get(b);
                taken.add("bin:" + HexFormat.of().formatHex(b));
            }

            @Override
            public void onPong() {
                taken.add("pong");
            }
        };
        int pos = 0;
        for (int i = 0; pos < stream.length; i++) {
            int n = (int) Math.min(reads.get(i % reads.size()), stream.length - pos);
            // the library's read buffers are pooled: put the bytes behind a position and an array offset
            ByteBuffer buf = ByteBuffer.allocate(n + 9).position(2).slice();
            buf.position(3);
            buf.put(stream, pos, n).flip().position(3);
            reader.read(buf, library, handler);
            pos += n;
        }
        return new Delivery(taken, HexFormat.of().formatHex(library.given.toByteArray()));
    }

    // ---- the reference reading ----------------------------------------------------------------------

    /**
     * Reads the whole stream frame by frame (RFC 6455 §5.2: FIN, RSV1-3, opcode; MASK, 7-bit length,
     * 16- or 64-bit extended length as an unsigned number, masking key, payload). A frame not wholly
     * in the stream is held (delivered nowhere).
     */
    static Delivery reference(byte[] s) {
        List<String> taken = new ArrayList<>();
        ByteArrayOutputStream library = new ByteArrayOutputStream();
        int p = 0;
        while (s.length - p >= 2) {
            int available = s.length - p;
            int b0 = s[p] & 0xFF;
            int b1 = s[p + 1] & 0xFF;
            boolean fin = (b0 & 0x80) != 0;
            int rsv = (b0 >> 4) & 0x7;
            int opcode = b0 & 0xF;
            boolean masked = (b1 & 0x80) != 0;
            int len7 = b1 & 0x7F;
            if (!fin || rsv != 0 || !masked) {
                library.write(s, p, available);
                break;
            }
            int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
            int header = 2 + extended + 4;
            if (available < header) {
                break;
            }
            BigInteger length = extended == 0 ? BigInteger.valueOf(len7) : new BigInteger(1, java.util.Arrays.copyOfRange(s, p + 2, p + 2 + extended));
            boolean data = opcode == 0x1 || opcode == 0x2;
            boolean control = opcode == 0x8 || opcode == 0x9 || opcode == 0xA;
            if (!(data && length.compareTo(BigInteger.valueOf(MAX)) <= 0) && !(control && length.compareTo(BigInteger.valueOf(125)) <= 0)) {
                library.write(s, p, available);
                break;
            }
            int n = length.intValueExact();
            if (available < header + n) {
                break;
            }
            byte[] payload = new byte[n];
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                payload[i] = (byte) (s[p + header + i] ^ s[p + header - 4 + (i % 4)]);
                ascii &= payload[i] >= 0;
            }
            if (opcode == 0x2) {
                taken.add("bin:" + HexFormat.of().formatHex(payload));
            } else if (opcode == 0x1 && ascii) {
                taken.add("text:" + new String(payload, StandardCharsets.US_ASCII));
            } else if (opcode == 0xA) {
                taken.add("pong"); // the answer to our keep-alive, taken without the library
            } else {
                library.write(s, p, header + n);
            }
            p += header + n;
        }
        return new Delivery(taken, HexFormat.of().formatHex(library.toByteArray()));
    }

    // ---- generators -------------------------------------------------------------------------------------

    /** Sequences of well-formed frames, frames with odd headers or lengths, and junk. */
    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(12, wellFormedFrames()),
                Tuple.of(2, oddFrames()),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)));
        return piece.list().ofMaxSize(6).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.forEach(b -> out.write(b, 0, b.length));
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<List<Integer>> readSizes() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 16)),
                Tuple.of(2, Arbitraries.integers().between(1, 400)),
                Tuple.of(1, Arbitraries.just(1))).list().ofMinSize(1).ofMaxSize(6);
    }

    private static Arbitrary<byte[]> payloads(int maxSize) {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(maxSize).map(t -> t.getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize));
    }

    /** Frames a client may send: text, binary, ping, pong, close; any mask; any length encoding. */
    static Arbitrary<byte[]> wellFormedFrames() {
        Arbitrary<Integer> opcodes = Arbitraries.of(0x1, 0x1, 0x2, 0x2, 0x8, 0x9, 0xA);
        return Combinators.combine(opcodes, Arbitraries.integers().between(0, 2), masks(), payloads(MAX))
                .as((opcode, encoding, mask, payload) -> {
                    byte[] p = opcode >= 0x8 && payload.length > 125 ? java.util.Arrays.copyOf(payload, 125) : payload;
                    return frame(0x80 | opcode, true, lengthEncoding(p.length, encoding), mask, p);
                });
    }

    /** Frames with any first byte, no mask, or any declared length (the payload need not match it). */
    static Arbitrary<byte[]> oddFrames() {
        Arbitrary<Long> lengths = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs()),
                Tuple.of(2, Arbitraries.of(0L, 125L, 126L, MAX - 1L, (long) MAX, MAX + 1L, 65_535L, 65_536L, Integer.MAX_VALUE + 1L,
                        Long.MIN_VALUE, Long.MIN_VALUE + 3, -1L, 0xFFFF_FFFF_0000_0005L)),
                Tuple.of(1, Arbitraries.longs().between(0, 2 * MAX)));
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.of(true, true, false), lengths,
                        Arbitraries.integers().between(0, 2), masks(), payloads(2 * MAX))
                .as((b0, masked, length, encoding, mask, payload) -> {
                    byte[] lengthBytes = length >= 0 && length < 126 && encoding == 0 ? new byte[] {(byte) (long) length}
                            : length >= 0 && length <= 0xFFFF && encoding == 1 ? lengthEncoding((int) (long) length, 1)
                            : lengthEncoding64(length);
                    return frame(b0, masked, lengthBytes, mask, payload);
                });
    }

    private static Arbitrary<byte[]> masks() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    /** The length byte(s) without the mask bit: 0 minimal, 1 as 16 bits if it fits, 2 as 64 bits. */
    private static byte[] lengthEncoding(int length, int encoding) {
        if (encoding == 0 && length < 126) {
            return new byte[] {(byte) length};
        }
        if (encoding <= 1 && length <= 0xFFFF) {
            return new byte[] {126, (byte) (length >>> 8), (byte) length};
        }
        return lengthEncoding64(length);
    }

    private static byte[] lengthEncoding64(long length) {
        byte[] b = new byte[9];
        b[0] = 127;
        for (int i = 0; i < 8; i++) {
            b[1 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return b;
    }

    private static byte[] frame(int b0, boolean masked, byte[] lengthBytes, byte[] mask, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        out.write((masked ? 0x80 : 0) | lengthBytes[0]);
        out.write(lengthBytes, 1, lengthBytes.length - 1);
        if (masked) {
            out.write(mask, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        return out.toByteArray();
    }

    @Example
    void theReferenceReadingAgreesWithTheHandWrittenCases() {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] text = frame(0x81, true, new byte[] {2}, mask, "hi".getBytes(StandardCharsets.US_ASCII));
        byte[] ping = frame(0x89, true, new byte[] {1}, mask, new byte[] {'p'});
        byte[] fragment = frame(0x01, true, new byte[] {1}, mask, new byte[] {'x'});
        byte[] stream = new byte[text.length + ping.length + fragment.length + text.length];
        System.arraycopy(text, 0, stream, 0, text.length);
        System.arraycopy(ping, 0, stream, text.length, ping.length);
        System.arraycopy(fragment, 0, stream, text.length + ping.length, fragment.length);
        System.arraycopy(text, 0, stream, text.length + ping.length + fragment.length, text.length);
        Delivery d = reference(stream);
        assertEquals(List.of("text:hi"), d.taken());
        byte[] rest = java.util.Arrays.copyOfRange(stream, text.length, stream.length);
        assertArrayEquals(rest, HexFormat.of().parseHex(d.toLibrary()), "the ping, then everything from the fragment on");
        assertEquals(d, feed(stream, List.of(3)));
    }
}
