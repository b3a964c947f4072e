package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WsFrameParser} fed the way a socket may deliver bytes: split at every possible point, with
 * frames of all three length encodings, fragmented messages with a ping between the fragments, and
 * the close frame; and {@link WsFrameEncoder}'s masked frames read back.
 */
class WsFrameParserTest {

    /** Records what the parser hands over, copying the views. */
    static final class Recording implements WsFrameParser.Sink {
        final List<String> events = new ArrayList<>();
        final List<byte[]> payloads = new ArrayList<>();

        @Override
        public void onMessage(boolean text, byte[] a, int offset, int length) {
            events.add(text ? "text:" + new String(a, offset, length, StandardCharsets.UTF_8) : "binary:" + length);
            payloads.add(Arrays.copyOfRange(a, offset, offset + length));
        }

        @Override
        public void onPing(byte[] a, int offset, int length) {
            events.add("ping:" + new String(a, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onClose(int code, String reason) {
            events.add("close:" + code + ":" + reason);
        }
    }

    static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            b.write(n);
        } else if (n < 65_536) {
            b.write(126);
            b.write(n >>> 8);
            b.write(n);
        } else {
            b.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b.write((int) ((long) n >>> shift));
            }
        }
        b.writeBytes(payload);
        return b.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] pattern(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 31 + 7);
        }
        return p;
    }

    /** Feeds {@code stream} in two reads split at {@code cut}, the way WsConnection does (compact, grow). */
    private static Recording feed(byte[] stream, int... cuts) {
        WsFrameParser parser = new WsFrameParser(1 << 20);
        Recording sink = new Recording();
        ByteBuffer in = ByteBuffer.allocate(16);
        int from = 0;
        int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
        ends[cuts.length] = stream.length;
        for (int end : ends) {
            for (int i = from; i < end; i++) { // bytes arrive one read at a time, as much as fits
                if (!in.hasRemaining()) {
                    in = grow(in, in.capacity() * 2);
                }
                in.put(stream[i]);
            }
            from = end;
            in.flip();
            assertEquals(0, parser.parse(in, sink), parser.error());
            in.compact();
            if (parser.needed() > in.capacity()) {
                in = grow(in, parser.needed());
            }
        }
        assertEquals(0, in.position(), "every byte consumed");
        return sink;
    }

    private static ByteBuffer grow(ByteBuffer b, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    @Test
    void shouldReassembleFramesSplitAtEveryPoint() {
        byte[] medium = pattern(300); // 16-bit extended length
        byte[] stream = concat(frame(true, 1, ascii("hi")), frame(true, 2, medium), frame(true, 9, ascii("p")),
                frame(true, 1, ascii("x")));
        List<String> expected = List.of("text:hi", "binary:300", "ping:p", "text:x");
        for (int cut = 0; cut <= stream.length; cut++) {
            Recording r = feed(stream, cut);
            assertEquals(expected, r.events, "split at " + cut);
            assertArrayEquals(medium, r.payloads.get(1), "split at " + cut);
        }
        for (int a = 1; a < 40; a++) { // three reads, the header itself split
            Recording r = feed(stream, a, a + 1, a + 2);
            assertEquals(expected, r.events, "split at " + a);
        }
    }

    @Test
    void shouldReadEveryLengthEncoding() {
        byte[] large = pattern(70_000); // 64-bit extended length
        Recording r = feed(concat(frame(true, 2, new byte[0]), frame(true, 2, pattern(125)), frame(true, 2, pattern(126)),
                frame(true, 2, pattern(65_535)), frame(true, 2, large)), 3, 5000, 70_000);
        assertEquals(List.of("binary:0", "binary:125", "binary:126", "binary:65535", "binary:70000"), r.events);
        assertArrayEquals(large, r.payloads.get(4));
    }

    @Test
    void shouldReassembleFragmentsWithAControlFrameBetweenThem() {
        byte[] stream = concat(frame(false, 1, ascii("Hel")), frame(true, 9, ascii("ping")), frame(false, 0, ascii("l")),
                frame(true, 0, ascii("o")), frame(false, 2, pattern(200)), frame(true, 0, pattern(100)));
        for (int cut = 0; cut <= stream.length; cut += 3) {
            Recording r = feed(stream, cut);
            assertEquals(List.of("ping:ping", "text:Hello", "binary:300"), r.events, "split at " + cut);
            assertArrayEquals(concat(pattern(200), pattern(100)), r.payloads.get(1));
        }
    }

    @Test
    void shouldStopAtTheCloseFrame() {
        byte[] close = concat(new byte[] {0x03, (byte) 0xE9}, ascii("going away"));
        Recording r = feed(concat(frame(true, 1, ascii("a")), frame(true, 8, close), frame(true, 1, ascii("ignored"))));
        assertEquals(List.of("text:a", "close:1001:going away"), r.events);
        assertEquals(List.of("close:1005:"), feed(frame(true, 8, new byte[0])).events);
    }

    @Test
    void shouldRejectWhatAServerMustNotSend() {
        assertRejected(1002, new byte[] {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 5}); // masked
        assertRejected(1002, new byte[] {(byte) 0xC2, 0}); // RSV1 without an extension
        assertRejected(1002, frame(true, 3, new byte[0])); // reserved opcode
        assertRejected(1002, frame(false, 9, new byte[0])); // fragmented ping
        assertRejected(1002, frame(true, 9, new byte[126])); // oversized ping
        assertRejected(1002, frame(true, 0, ascii("x"))); // continuation without a start
        assertRejected(1002, concat(frame(false, 1, ascii("a")), frame(true, 2, ascii("b")))); // new message inside one
        assertRejected(1002, frame(true, 8, new byte[] {3})); // 1-byte close payload
        WsFrameParser small = new WsFrameParser(100);
        assertEquals(1009, small.parse(ByteBuffer.wrap(frame(true, 2, new byte[101])), new Recording()));
    }

    private static void assertRejected(int code, byte[] stream) {
        WsFrameParser parser = new WsFrameParser(1 << 20);
        assertEquals(code, parser.parse(ByteBuffer.wrap(stream), new Recording()));
        assertTrue(parser.error() != null && !parser.error().isEmpty());
    }

    @Test
    void encoderShouldWriteMaskedFramesThatUnmaskToThePayload() {
        WsFrameEncoder encoder = new WsFrameEncoder(42);
        for (int n : new int[] {0, 1, 5, 125, 126, 65_535, 65_536}) {
            byte[] payload = pattern(n);
            ByteBuffer out = ByteBuffer.allocate(WsFrameEncoder.frameLength(n) + 3);
            out.put(new byte[3]); // frames are appended after what is queued
            encoder.encode(WsFrameParser.OP_BINARY, payload, 0, n, out);
            assertEquals(3 + WsFrameEncoder.frameLength(n), out.position(), "length " + n);
            byte[] a = out.array();
            assertEquals((byte) 0x82, a[3]);
            assertTrue((a[4] & 0x80) != 0, "mask bit");
            int header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
            int keyAt = 3 + header;
            byte[] unmasked = new byte[n];
            for (int i = 0; i < n; i++) {
                unmasked[i] = (byte) (a[keyAt + 4 + i] ^ a[keyAt + (i & 3)]);
            }
            assertArrayEquals(payload, unmasked, "length " + n);
        }
    }
}
