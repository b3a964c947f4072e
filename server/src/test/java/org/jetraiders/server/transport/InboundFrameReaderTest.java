package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.java_websocket.drafts.Draft_6455;
import org.junit.jupiter.api.Test;

/** The selector-thread frame reader: which frames it takes itself, which it leaves to the library. */
class InboundFrameReaderTest {
    private static final int MAX = 4096;

    /** Records what the reader hands on: frames it took, and bytes it gave the library's decoder. */
    private static final class Recorder implements InboundFrameReader.Handler {
        final List<String> taken = new ArrayList<>();

        @Override
        public void onText(CharSequence text) {
            taken.add("text:" + text);
        }

        @Override
        public void onBinary(ByteBuffer payload) {
            byte[] b = new byte[payload.remaining()];
            payload.get(b);
            taken.add("bin:" + new String(b, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void onPong() {
            taken.add("pong");
        }
    }

    /** A masked client frame. */
    private static byte[] frame(boolean fin, int opcode, byte[] payload, int rsv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | rsv | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(0x80 | n);
        } else if (n <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift) & 0xFF);
            }
        }
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        out.write(mask, 0, 4);
        for (int i = 0; i < n; i++) {
            out.write(payload[i] ^ mask[i & 3]);
        }
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return frame(true, 0x1, s.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** Feeds the bytes as reads of the given sizes (the last read takes the rest). */
    private static void feed(InboundFrameReader reader, LibrarySpy ws, Recorder r, byte[] bytes, int... reads) {
        int pos = 0;
        for (int i = 0; i <= reads.length && pos < bytes.length; i++) {
            int n = i < reads.length ? Math.min(reads[i], bytes.length - pos) : bytes.length - pos;
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            buf.put(bytes, pos, n).flip();
            reader.read(buf, ws, r);
            pos += n;
        }
    }

    @Test
    void shouldTakeTextAndBinaryFramesSplitAtEveryPossibleByte() {
        byte[] big = new byte[300]; // a 16-bit length header
        new Random(7).nextBytes(big);
        byte[] stream = concat(text("{\"type\":\"Input\"}"), frame(true, 0x2, big, 0), text("x"));
        for (int split = 1; split < stream.length; split++) {
            InboundFrameReader reader = new InboundFrameReader(MAX);
            LibrarySpy ws = new LibrarySpy();
            Recorder r = new Recorder();
            feed(reader, ws, r, stream, split);
            assertEquals(List.of("text:{\"type\":\"Input\"}", "bin:" + new String(big, StandardCharsets.ISO_8859_1), "text:x"),
                    r.taken, "split after byte " + split);
            assertEquals(0, ws.given.size(), "nothing for the library at split " + split);
        }
    }

    @Test
    void shouldStartWithASmallPayloadBufferAndGrowItOnlyForALargerFrame() {
        InboundFrameReader reader = new InboundFrameReader(MAX);
        LibrarySpy ws = new LibrarySpy();
        Recorder r = new Recorder();
        assertEquals(InboundFrameReader.INITIAL_PAYLOAD, reader.payloadCapacity());
        String small = "{\"type\":\"Input\",\"thrust\":1}";
        feed(reader, ws, r, text(small));
        assertEquals(InboundFrameReader.INITIAL_PAYLOAD, reader.payloadCapacity(), "an Input needs no more room");
        String large = "j".repeat(3000);
        byte[] bin = new byte[MAX];
        new Random(3).nextBytes(bin);
        feed(reader, ws, r, concat(text(large), text(small), frame(true, 0x2, bin, 0), text("x")));
        assertEquals(List.of("text:" + small, "text:" + large, "text:" + small,
                "bin:" + new String(bin, StandardCharsets.ISO_8859_1), "text:x"), r.taken);
        assertEquals(MAX, reader.payloadCapacity(), "grown to the largest frame, never past the frame cap");
        assertEquals(0, ws.given.size());
    }

    @Test
    void shouldTakeFramesArrivingOneByteAtATime() {
        byte[] stream = concat(text("hello"), text("world"));
        int[] ones = new int[stream.length];
        java.util.Arrays.fill(ones, 1);
        InboundFrameReader reader = new InboundFrameReader(MAX);
        LibrarySpy ws = new LibrarySpy();
        Recorder r = new Recorder();
        feed(reader, ws, r, stream, ones);
        assertEquals(List.of("text:hello", "text:world"), r.taken);
    }

    @Test
    void shouldGiveControlFramesAndNonAsciiTextToTheLibraryOneFrameAtATimeAndKeepReading() {
        byte[] ping = frame(true, 0x9, "p".getBytes(StandardCharsets.US_ASCII), 0);
        byte[] utf8 = text("é");
        byte[] stream = concat(text("a"), ping, utf8, text("b"));
        InboundFrameReader reader = new InboundFrameReader(MAX);
        LibrarySpy ws = new LibrarySpy();
        Recorder r = new Recorder();
        feed(reader, ws, r, stream, 3, 5);
        assertEquals(List.of("text:a", "text:b"), r.taken);
        assertArrayEquals(concat(ping, utf8), ws.given.toByteArray(), "the ping and the UTF-8 frame, whole");
        assertFalse(reader.libraryOwnsStream());
    }

    @Test
    void shouldTakePongsItselfEvenWhenSplitAcrossReadsAndGiveTheLibraryNothing() {
        byte[] pong = frame(true, 0xA, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0);
        byte[] stream = concat(text("a"), pong, text("b"), pong);
        InboundFrameReader reader = new InboundFrameReader(MAX);
        LibrarySpy ws = new LibrarySpy();
        Recorder r = new Recorder();
        feed(reader, ws, r, stream, 4, 9);
        assertEquals(List.of("text:a", "pong", "text:b", "pong"), r.taken);
        assertEquals(0, ws.given.size(), "no pong reaches the library's decoder");
        assertFalse(reader.libraryOwnsStream());
    }

    @Test
    void shouldHandTheRestOfTheStreamToTheLibraryAtAFragmentedMessage() {
        byte[] first = frame(false, 0x1, "par".getBytes(StandardCharsets.US_ASCII), 0);
        byte[] rest = frame(true, 0x0, "t".getBytes(StandardCharsets.US_ASCII), 0);
        byte[] after = text("later");
        InboundFrameReader reader = new InboundFrameReader(MAX);
        LibrarySpy ws = new LibrarySpy();
        Recorder r = new Recorder();
        feed(reader, ws, r, concat(text("a"), first, rest, after), 4);
        assertEquals(List.of("text:a"), r.taken);
        assertArrayEquals(concat(first, rest, after), ws.given.toByteArray());
        assertTrue(reader.libraryOwnsStream());
    }

    @Test
    void shouldLeaveOversizedUnmaskedAndExtensionFramesToTheLibrary() {
        byte[] oversized = frame(true, 0x2, new byte[MAX + 1], 0);
        byte[] rsv = frame(true, 0x1, "x".getBytes(StandardCharsets.US_ASCII), 0x40);
        byte[] unmasked = {(byte) 0x81, 0x01, 'x'};
        for (byte[] bad : List.of(oversized, rsv, unmasked)) {
            InboundFrameReader reader = new InboundFrameReader(MAX);
            LibrarySpy ws = new LibrarySpy();
            Recorder r = new Recorder();
            // only the first 10 bytes arrive: the header alone decides
            feed(reader, ws, r, java.util.Arrays.copyOf(bad, Math.min(10, bad.length)));
            assertEquals(List.of(), r.taken);
            assertTrue(reader.libraryOwnsStream(), "library decodes from here on");
            assertEquals(Math.min(10, bad.length), ws.given.size());
        }
    }

    @Test
    void shouldGiveAHalfCarriedFrameToTheLibraryWhenItsHeaderTurnsOutUnusual() {
        byte[] fragmented = frame(false, 0x2, new byte[200], 0);
        InboundFrameReader reader = new InboundFrameReader(MAX);
        LibrarySpy ws = new LibrarySpy();
        Recorder r = new Recorder();
        feed(reader, ws, r, concat(text("a"), fragmented), 8); // 'a' is 7 bytes: 1 byte of the next header carried
        assertEquals(List.of("text:a"), r.taken);
        assertArrayEquals(fragmented, ws.given.toByteArray(), "the carried byte first, then the rest");
    }

    @Test
    void shouldLeaveEverythingToTheLibraryWhenItHeldPartOfAFrameFromTheHandshakeRead() throws Exception {
        LibrarySpy ws = new LibrarySpy();
        java.lang.invoke.VarHandle incomplete = java.lang.invoke.MethodHandles
                .privateLookupIn(Draft_6455.class, java.lang.invoke.MethodHandles.lookup())
                .findVarHandle(Draft_6455.class, "incompleteframe", ByteBuffer.class);
        incomplete.set((Draft_6455) ws.getDraft(), ByteBuffer.allocate(3));
        InboundFrameReader reader = new InboundFrameReader(MAX);
        Recorder r = new Recorder();
        feed(reader, ws, r, text("rest"));
        assertEquals(List.of(), r.taken);
        assertTrue(reader.libraryOwnsStream());
    }

}
