package org.jetraiders.bench.load;

import static org.jetraiders.bench.load.support.RawWebSocketPeer.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jetraiders.bench.load.support.RawWebSocketPeer;
import org.jetraiders.client.binary.BinaryWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The NIO client over a real socket, against a hand-written server end ({@link RawWebSocketPeer}) that
 * splits frames across TCP writes with pauses between them, pings, fragments and closes.
 */
class WsConnectionTest {

    private IoThread io;
    private RawWebSocketPeer peer;

    @BeforeEach
    void start() throws Exception {
        io = new IoThread("test-io");
        io.start(null);
        peer = new RawWebSocketPeer();
    }

    @AfterEach
    void stop() throws Exception {
        io.stop(2_000);
        peer.close();
    }

    /** Records the listener's callbacks (on the I/O thread) for the test thread. */
    static final class Events implements WsConnection.Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        volatile byte[] lastBinary;

        @Override
        public void onOpen() {
            events.add("open");
        }

        @Override
        public void onText(byte[] a, int offset, int length) {
            events.add("text:" + new String(a, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onBinary(byte[] a, int offset, int length) {
            byte[] copy = new byte[length];
            System.arraycopy(a, offset, copy, 0, length);
            lastBinary = copy;
            events.add("binary:" + length);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            events.add("close:" + code + ":" + reason + ":" + (remote ? "remote" : "local"));
        }

        String next() throws InterruptedException {
            String e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no callback within 10 s");
            }
            return e;
        }
    }

    private static byte[] pattern(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 13 + 1);
        }
        return p;
    }

    @Test
    @Timeout(30)
    void shouldReassembleAFrameSplitAcrossReadsAnswerPingsAndCloseCleanly() throws Exception {
        Events events = new Events();
        WsConnection c = new WsConnection(URI.create(peer.url("/ws?lobby_id=a")), Options.BIN_SUBPROTOCOL, events, io);
        io.execute(c::connect);

        String request = peer.acceptHandshake(Options.BIN_SUBPROTOCOL);
        assertTrue(request.startsWith("GET /ws?lobby_id=a HTTP/1.1\r\n"), request);
        assertEquals(Options.BIN_SUBPROTOCOL, RawWebSocketPeer.header(request, "Sec-WebSocket-Protocol"));
        assertEquals("open", events.next());

        // a 300-byte binary frame in four reads: first header byte, rest of the header, half the payload, the rest
        byte[] payload = pattern(300);
        peer.writeSplit(frame(true, 2, payload), 1, 4, 150);
        assertEquals("binary:300", events.next());
        assertArrayEquals(payload, events.lastBinary);

        // a ping: answered with a masked pong carrying the same payload
        peer.write(frame(true, 9, "hi!".getBytes(StandardCharsets.US_ASCII)));
        RawWebSocketPeer.Frame pong = peer.readFrame();
        assertEquals(0xA, pong.opcode());
        assertEquals("hi!", pong.text());

        // a ping between the fragments of a message, everything split across reads
        byte[] fragmented = WsFrameParserTest.concat(frame(false, 1, "Hel".getBytes(StandardCharsets.US_ASCII)),
                frame(true, 9, "p2".getBytes(StandardCharsets.US_ASCII)), frame(true, 0, "lo".getBytes(StandardCharsets.US_ASCII)));
        peer.writeSplit(fragmented, 3, 7, 9);
        assertEquals("p2", peer.readFrame().text());
        assertEquals("text:Hello", events.next());

        // client to server: a masked binary frame
        io.execute(() -> {
            c.sendBinary(new byte[] {1, 16, 2, 3}, 0, 4);
            c.flush();
        });
        RawWebSocketPeer.Frame sent = peer.readFrame();
        assertEquals(2, sent.opcode());
        assertArrayEquals(new byte[] {1, 16, 2, 3}, sent.payload());

        // the server closes: the client echoes the code, the server drops TCP, the listener hears it once
        peer.write(frame(true, 8, WsFrameParserTest.concat(new byte[] {0x03, (byte) 0xF0}, "too slow".getBytes(StandardCharsets.UTF_8))));
        RawWebSocketPeer.Frame echo = peer.readFrame();
        assertEquals(8, echo.opcode());
        assertArrayEquals(new byte[] {0x03, (byte) 0xF0}, echo.payload());
        peer.close();
        assertEquals("close:1008:too slow:remote", events.next());
        assertEquals(WsConnection.State.CLOSED, c.state());
    }

    @Test
    @Timeout(30)
    void shouldStartTheClosingHandshakeAndReportFailures() throws Exception {
        Events events = new Events();
        WsConnection c = new WsConnection(URI.create(peer.url("/ws")), null, events, io);
        io.execute(c::connect);
        String request = peer.acceptHandshake(null);
        assertEquals(null, RawWebSocketPeer.header(request, "Sec-WebSocket-Protocol"));
        assertEquals("open", events.next());

        io.execute(() -> c.close(1000));
        RawWebSocketPeer.Frame close = peer.readFrame();
        assertEquals(8, close.opcode());
        assertArrayEquals(new byte[] {0x03, (byte) 0xE8}, close.payload());
        peer.write(frame(true, 8, new byte[] {0x03, (byte) 0xE8}));
        peer.close(); // a server closes TCP after answering the close
        assertEquals("close:1000::local", events.next());

        Events refused = new Events();
        WsConnection nobody = new WsConnection(URI.create("ws://127.0.0.1:1/ws"), null, refused, io);
        io.execute(nobody::connect);
        String failure = refused.next();
        assertTrue(failure.startsWith("close:-1:Connection refused"), failure);
    }

    @Test
    @Timeout(30)
    void shouldRefuseAServerThatDoesNotAgreeToTheBinarySubprotocol() throws Exception {
        Events events = new Events();
        WsConnection c = new WsConnection(URI.create(peer.url("/ws")), Options.BIN_SUBPROTOCOL, events, io);
        io.execute(c::connect);
        peer.acceptHandshake(null);
        String e = events.next();
        assertTrue(e.startsWith("close:1002:handshake: subprotocol null"), e);
    }

    @Test
    @Timeout(30)
    void shouldGiveUpOnAServerThatNeverAnswersTheHandshake() throws Exception {
        Events events = new Events();
        WsConnection c = new WsConnection(URI.create(peer.url("/ws")), null, events, io);
        io.execute(c::connect);
        peer.acceptRequestOnly();
        io.execute(() -> c.checkTimeouts(System.nanoTime() + WsConnection.HANDSHAKE_TIMEOUT_NANOS / 2));
        io.execute(() -> c.checkTimeouts(System.nanoTime() + WsConnection.HANDSHAKE_TIMEOUT_NANOS + 1));
        assertEquals("close:-1:handshake timed out:local", events.next());
        assertTrue(peer.clientClosed(), "the socket is dropped");
    }

    /** The golden binary vectors of docs/PROTOCOL.md, as in {@link LoadClientBinaryTest}. */
    private static final byte[] FULL = HexFormat.of().parseHex(("01 02 7b 2a 3c 00 00 00 02 07 14 37 00 20 64 01 81 19"
            + " c0 0c 00 c0 28 00 01 09 07 71 be 02 98 2c 97 2c 03 00").replace(" ", ""));
    private static final byte[] DELTA = HexFormat.of().parseHex(("01 02 7d 2b 3c 02 02 01 08 01 0c 00 00 00 00 64 01 07"
            + " 0b 1c 1b 46 01 0a 0c 00 ff 02 00 bf 3e 00 01 09").replace(" ", ""));

    @Test
    @Timeout(30)
    void loadClientShouldDecodeSplitWorldFramesAndAcknowledgeTheLatestTickInItsInput() throws Exception {
        LoadStats stats = new LoadStats();
        LoadClient client = new LoadClient(URI.create(peer.url("/ws?lobby_id=load-0")), 0, "load-0", 60, stats,
                false, true, io);
        client.startConnect();
        peer.acceptHandshake(Options.BIN_SUBPROTOCOL);
        RawWebSocketPeer.Frame join = peer.readFrame();
        assertEquals(1, join.opcode());
        assertEquals("{\"type\":\"Join\",\"data\":{\"name\":\"bot0\",\"lobby_id\":\"load-0\"}}", join.text());

        peer.write(frame(true, 1, "{\"type\":\"Identity\",\"data\":{\"player_id\":\"7\",\"lobby_id\":\"load-0\"}}"
                .getBytes(StandardCharsets.US_ASCII)));
        peer.writeSplit(frame(true, 2, FULL), 1, 20); // header split, payload split
        peer.write(frame(true, 9, new byte[0])); // an empty ping
        assertEquals(0, peer.readFrame().payload().length);
        peer.writeSplit(frame(true, 2, DELTA), 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // the I/O thread counts a frame before it decodes it: wait for the decode (the ack) too
        while ((client.snapshots() < 2 || client.ackedTick() != 125) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, client.snapshots());
        assertEquals(125, client.ackedTick());
        assertEquals(0, stats.undecodableFrames.sum());

        io.execute(() -> client.sendInput(System.nanoTime(), new BinaryWriter(32)));
        RawWebSocketPeer.Frame input = peer.readFrame();
        assertEquals(2, input.opcode());
        byte[] p = input.payload();
        assertEquals(1, p[0], "version");
        assertEquals(0x10, p[1], "kind Input");
        assertEquals(1, p[p.length - 2], "seq 1");
        assertEquals(125, p[p.length - 1], "acks tick 125");
        // counted by the I/O thread after its write returned, which may be after we read the frame
        long counted = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stats.inputsSent.sum() < 1 && System.nanoTime() < counted) {
            Thread.sleep(1);
        }
        assertEquals(1, stats.inputsSent.sum());
    }
}
