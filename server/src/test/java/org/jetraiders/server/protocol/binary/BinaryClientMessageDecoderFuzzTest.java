package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinaryWriter;

/**
 * Property-based fuzzing (jqwik) of {@link BinaryClientMessageDecoder}, the decoder of the binary
 * {@code Input} (docs/PROTOCOL.md, "Client → server: Input"): any bytes in any window give a result and
 * never an exception, leave the reused {@link BinaryInput} untouched unless OK, and frames built from
 * the layout decode to their fields, whatever the varint spelling and trailing bytes. A failure prints
 * its seed; docs/TESTING.md says how to replay it.
 */
class BinaryClientMessageDecoderFuzzTest {
    private static final double UNTOUCHED = 12345.0;

    private final BinaryClientMessageDecoder decoder = new BinaryClientMessageDecoder();

    /** One Input as the layout describes it, with the raw field values it puts on the wire. */
    record Frame(int thrust, int turn, int buttons, long seq, int seqPadding, long ackedTick, int ackPadding, byte[] trailing) {
        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(BinaryProtocolDescriptor.VERSION);
            out.write(BinaryProtocolDescriptor.KIND_INPUT);
            out.write(thrust);
            out.write(turn);
            out.write(buttons);
            writeVarint(out, seq, seqPadding);
            writeVarint(out, ackedTick, ackPadding);
            out.write(trailing, 0, trailing.length);
            return out.toByteArray();
        }
    }

    /**
     * LEB128 written independently of the production writer, {@code padding} bytes longer than needed
     * (a redundant {@code 0x80} group before the last byte), never past 9 bytes.
     */
    static void writeVarint(ByteArrayOutputStream out, long v, int padding) {
        int minimal = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
        int length = Math.min(9, minimal + padding);
        for (int i = 0; i < length; i++) {
            int group = (int) ((v >>> (7 * i)) & 0x7F);
            out.write(i < length - 1 ? group | 0x80 : group);
        }
    }

    // ---- any bytes ------------------------------------------------------------------------------

    @Property(tries = 9000)
    void anyBytesInAnyWindowGiveAResultAndTouchTheInputOnlyWhenOk(@ForAll("anyFrames") byte[] bytes,
                                                                 @ForAll boolean wholeArray,
                                                                 @ForAll @IntRange(min = -3, max = 40) int anyOffset,
                                                                 @ForAll @IntRange(min = -3, max = 40) int anyLength) {
        int offset = wholeArray ? 0 : anyOffset;
        int length = wholeArray ? bytes.length : anyLength;
        BinaryInput out = untouched();
        BinaryDecodeResult result = decoder.decode(bytes, offset, length, out);
        assertNotNull(result);
        boolean validWindow = offset >= 0 && length >= 0 && offset + length <= bytes.length;
        if (!validWindow) {
            assertEquals(BinaryDecodeResult.MALFORMED, result, "a window outside the array is malformed");
        }
        assertTrue(result != BinaryDecodeResult.UNKNOWN_BASELINE, "a server-side result");
        if (result == BinaryDecodeResult.OK) {
            assertInRange(out);
        } else {
            assertEquals(UNTOUCHED, out.thrust(), "a rejected frame leaves the input as it was");
            assertEquals(-7, out.seq());
            assertNotNull(result.errorCode(), "every rejection has an Error code");
        }
        if (validWindow) {
            assertSameThroughByteBuffers(bytes, offset, length, result, out);
        }
        Statistics.label("result").collect(result);
    }

    // ---- frames from the layout -----------------------------------------------------------------

    @Property(tries = 6000)
    void everyInputBuiltFromTheLayoutDecodesToItsFields(@ForAll("frames") Frame f) {
        byte[] bytes = f.bytes();
        BinaryInput out = untouched();
        assertEquals(BinaryDecodeResult.OK, decoder.decode(bytes, 0, bytes.length, out), () -> Arrays.toString(bytes));
        assertEquals(Math.max(-127, (byte) f.thrust()) / 127.0, out.thrust());
        assertEquals(Math.max(-127, (byte) f.turn()) / 127.0, out.turn());
        assertEquals((f.buttons() & 1) != 0, out.shoot(), "bit 0 is the trigger; the others are reserved");
        assertEquals(f.seq(), out.seq());
        assertEquals(f.ackedTick(), out.ackedTick());
        assertSameThroughByteBuffers(bytes, 0, bytes.length, BinaryDecodeResult.OK, out);
    }

    @Property(tries = 3000)
    void whatTheClientEncoderWritesTheDecoderReadsBack(@ForAll("anyDoubles") double thrust, @ForAll("anyDoubles") double turn,
                                                        @ForAll boolean shoot, @ForAll long seq, @ForAll long ackedTick,
                                                        @ForAll @Size(max = 8) byte[] before) {
        BinaryWriter w = new BinaryWriter(16);
        w.put(before, 0, before.length); // the frame at an offset inside a larger array
        BinaryInputEncoder.encode(thrust, turn, shoot, seq, ackedTick, w);
        BinaryInput out = untouched();
        assertEquals(BinaryDecodeResult.OK, decoder.decode(w.array(), before.length, w.length() - before.length, out));
        assertEquals(quantized(thrust), out.thrust());
        assertEquals(quantized(turn), out.turn());
        assertEquals(shoot, out.shoot());
        assertEquals(Math.max(0, seq), out.seq(), "negative seq is sent as 0");
        assertEquals(Math.max(0, ackedTick), out.ackedTick());
    }

    // ---- broken frames --------------------------------------------------------------------------

    @Property(tries = 1500)
    void everyTruncatedInputIsMalformed(@ForAll("frames") Frame f, @ForAll @IntRange(min = 0, max = 100) int cut) {
        byte[] whole = f.bytes();
        int end = whole.length - f.trailing().length; // just past the acked tick, the last field
        byte[] bytes = Arrays.copyOf(whole, cut % end);
        assertEquals(BinaryDecodeResult.MALFORMED, decoder.decode(bytes, 0, bytes.length, untouched()), () -> Arrays.toString(whole));
    }

    @Property(tries = 1500)
    void anotherVersionIsUnsupportedAndAnotherKindUnknown(@ForAll("frames") Frame f, @ForAll byte version, @ForAll byte kind) {
        byte[] bytes = f.bytes();
        if (version != BinaryProtocolDescriptor.VERSION) {
            bytes[0] = version;
            assertEquals(BinaryDecodeResult.UNSUPPORTED_VERSION, decoder.decode(bytes, 0, bytes.length, untouched()));
            bytes[0] = BinaryProtocolDescriptor.VERSION;
        }
        if (kind != BinaryProtocolDescriptor.KIND_INPUT) {
            bytes[1] = kind;
            assertEquals(BinaryDecodeResult.UNKNOWN_KIND, decoder.decode(bytes, 0, bytes.length, untouched()));
        }
    }

    @Property(tries = 1500)
    void aVarintOfTenOrMoreBytesIsMalformed(@ForAll("frames") Frame f, @ForAll boolean inSeq,
                                            @ForAll @Size(min = 9, max = 19) byte[] groups, @ForAll byte last) {
        // nine bytes carry 63 bits; a tenth (any continuation on the ninth) would exceed a non-negative long
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BinaryProtocolDescriptor.VERSION);
        out.write(BinaryProtocolDescriptor.KIND_INPUT);
        out.write(f.thrust());
        out.write(f.turn());
        out.write(f.buttons());
        if (!inSeq) {
            writeVarint(out, f.seq(), f.seqPadding());
        }
        for (byte g : groups) {
            out.write(g | 0x80);
        }
        out.write(last & 0x7F);
        if (inSeq) {
            writeVarint(out, f.ackedTick(), f.ackPadding());
        }
        byte[] bytes = out.toByteArray();
        assertEquals(BinaryDecodeResult.MALFORMED, decoder.decode(bytes, 0, bytes.length, untouched()), () -> Arrays.toString(bytes));
    }

    @Property(tries = 4500)
    void bitFlipsAndJunkInAnInputGiveAResultWithFieldsInRange(@ForAll("frames") Frame f,
                                                              @ForAll @Size(min = 1, max = 4) int[] flips,
                                                              @ForAll @Size(max = 6) byte[] junk,
                                                              @ForAll @IntRange(min = 0, max = 40) int junkAt) {
        byte[] valid = f.bytes();
        for (int flip : flips) {
            int bit = Math.floorMod(flip, valid.length * 8);
            valid[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        int at = junkAt % (valid.length + 1);
        byte[] bytes = new byte[valid.length + junk.length];
        System.arraycopy(valid, 0, bytes, 0, at);
        System.arraycopy(junk, 0, bytes, at, junk.length);
        System.arraycopy(valid, at, bytes, at + junk.length, valid.length - at);
        BinaryInput out = untouched();
        BinaryDecodeResult result = decoder.decode(bytes, 0, bytes.length, out);
        if (result == BinaryDecodeResult.OK) {
            assertInRange(out);
        } else {
            assertEquals(-7, out.seq(), "a rejected frame leaves the input as it was");
        }
        Statistics.label("result").collect(result);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static BinaryInput untouched() {
        BinaryInput in = new BinaryInput();
        in.thrust = UNTOUCHED;
        in.turn = UNTOUCHED;
        in.seq = -7;
        in.ackedTick = -7;
        return in;
    }

    private static void assertInRange(BinaryInput in) {
        assertTrue(in.thrust() >= -1 && in.thrust() <= 1 && in.turn() >= -1 && in.turn() <= 1, "axes in [-1, 1]");
        assertEquals(0, Math.round(in.thrust() * 127) - in.thrust() * 127, 1e-9, "a multiple of 1/127");
        assertTrue(in.seq() >= 0 && in.ackedTick() >= 0, "seq and acked tick non-negative");
    }

    /** Heap and direct buffers (at a position, behind an array offset) decode as the array does. */
    private void assertSameThroughByteBuffers(byte[] bytes, int offset, int length, BinaryDecodeResult expected, BinaryInput viaArray) {
        byte[] padded = new byte[length + 5];
        System.arraycopy(bytes, offset, padded, 3, length);
        ByteBuffer heap = ByteBuffer.wrap(padded, 1, length + 2).slice(); // arrayOffset 1
        heap.position(2).limit(2 + length);
        ByteBuffer direct = ByteBuffer.allocateDirect(length + 4);
        direct.position(4);
        direct.put(bytes, offset, length).flip().position(4);
        for (ByteBuffer buffer : new ByteBuffer[] {heap, direct}) {
            BinaryInput out = untouched();
            int position = buffer.position();
            assertEquals(expected, decoder.decode(buffer, out), buffer.isDirect() ? "direct" : "heap");
            assertEquals(position, buffer.position(), "the buffer's position does not move");
            if (expected == BinaryDecodeResult.OK) {
                assertEquals(viaArray.thrust(), out.thrust());
                assertEquals(viaArray.turn(), out.turn());
                assertEquals(viaArray.shoot(), out.shoot());
                assertEquals(viaArray.seq(), out.seq());
                assertEquals(viaArray.ackedTick(), out.ackedTick());
            }
        }
    }

    private static double quantized(double v) {
        double clamped = Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
        return Math.round(clamped * 127) / 127.0;
    }

    // ---- generators -------------------------------------------------------------------------------

    @Provide
    Arbitrary<Frame> frames() {
        Arbitrary<Long> values = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 1 << 20)),
                Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(0L, 127L, 128L, 16_383L, 16_384L, (1L << 56) - 1, 1L << 56, Long.MAX_VALUE)));
        Arbitrary<Integer> padding = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 8)));
        Arbitrary<Integer> s8 = Arbitraries.integers().between(0, 255);
        return Combinators.combine(s8, s8, s8, values, padding, values, padding,
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(6))
                .as(Frame::new);
    }

    /** Random bytes, bytes behind a valid envelope, and valid frames cut or extended at random. */
    @Provide
    Arbitrary<byte[]> anyFrames() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(32);
        Arbitrary<byte[]> enveloped = random.map(b -> {
            byte[] out = Arrays.copyOf(new byte[] {BinaryProtocolDescriptor.VERSION, BinaryProtocolDescriptor.KIND_INPUT}, 2 + b.length);
            System.arraycopy(b, 0, out, 2, b.length);
            return out;
        });
        Arbitrary<byte[]> resized = Combinators.combine(frames(), Arbitraries.integers().between(0, 30))
                .as((f, n) -> Arrays.copyOf(f.bytes(), n));
        return Arbitraries.oneOf(random, enveloped, resized);
    }

    @Provide
    Arbitrary<Double> anyDoubles() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1.5, 1.5).ofScale(5),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.5 / 127, -0.5 / 127, 1e300),
                Arbitraries.longs().map(Double::longBitsToDouble));
    }
}
