package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The binary receive path of {@link LoadClient} without a network: frames are the golden vectors of
 * docs/PROTOCOL.md ("world-delta-full", then "world-delta" relative to it), fed to the connection
 * callbacks {@code onText} and {@code onBinary} as the I/O thread hands them over (views of its buffer).
 */
class LoadClientBinaryTest {

    private static final byte[] FULL = hex("01 02 7b 2a 3c 00 00 00 02 07 14 37 00 20 64 01 81 19 c0 0c 00 c0 28"
            + " 00 01 09 07 71 be 02 98 2c 97 2c 03 00");
    private static final byte[] DELTA = hex("01 02 7d 2b 3c 02 02 01 08 01 0c 00 00 00 00 64 01 07 0b 1c 1b 46"
            + " 01 0a 0c 00 ff 02 00 bf 3e 00 01 09");

    private static final String IDENTITY = "{\"type\":\"Identity\",\"data\":{\"player_id\":\"7\",\"lobby_id\":\"load-0\"}}";

    private final LoadStats stats = new LoadStats();

    private LoadClient client(boolean binary) {
        return new LoadClient(URI.create("ws://127.0.0.1:1/ws"), 0, "load-0", 60, stats, true, binary, null);
    }

    @Test
    void shouldDecodeWorldFramesCountThemAsSnapshotsAndAckTheLatestTick() {
        LoadClient c = client(true);
        text(c, IDENTITY);
        assertEquals("7", c.ownId());
        assertEquals(0, c.ackedTick());

        binary(c, FULL);
        assertEquals(123, c.ackedTick());
        byte[] big = new byte[DELTA.length + 10];
        System.arraycopy(DELTA, 0, big, 7, DELTA.length);
        c.onBinary(big, 7, DELTA.length); // a view at a non-zero offset, as the frame parser hands over
        assertEquals(125, c.ackedTick());

        assertEquals(2, c.snapshots());
        assertEquals(FULL.length + DELTA.length + IDENTITY.length(), c.bytes());
        assertEquals(0, stats.undecodableFrames.sum());
        assertEquals(2, stats.binaryFrames.sum());
    }

    @Test
    void shouldCountUndecodableFramesByVerdict() {
        LoadClient c = client(true);
        binary(c, DELTA); // baseline tick 123 never seen
        binary(c, new byte[] {1, 0x7f}); // unknown kind: not a snapshot
        binary(c, new byte[] {1, 2, (byte) 0x80}); // truncated varint

        assertEquals(2, c.snapshots(), "world-kind frames count as snapshots even when they do not decode");
        assertEquals(0, c.ackedTick());
        assertEquals(3, stats.undecodableFrames.sum());
        assertEquals(Map.of("UNKNOWN_BASELINE", 1L, "UNKNOWN_KIND", 1L, "MALFORMED", 1L), stats.undecodableByResult());
    }

    @Test
    void shouldAckEachWorldFramesTickWithoutDecodingWhenOnlyProbesDecode() {
        LoadClient c = new LoadClient(URI.create("ws://127.0.0.1:1/ws"), 0, "load-0", 60, stats, false, true, false, null);
        assertTrue(c.isBinary());
        binary(c, DELTA); // its baseline was never seen: a decoder would refuse it, the tick is still 125
        assertEquals(125, c.ackedTick());
        binary(c, FULL);
        assertEquals(123, c.ackedTick(), "the latest frame's tick, as the server sent it");
        binary(c, new byte[] {1, 2, (byte) 0x80}); // the tick's varint is cut

        assertEquals(123, c.ackedTick());
        assertEquals(3, c.snapshots());
        assertEquals(Map.of("MALFORMED", 1L), stats.undecodableByResult());
    }

    @Test
    void shouldReadATickOfUpTo63BitsAndRefuseLongerOrCutVarints() {
        assertEquals(123, LoadClient.tickOf(FULL, 0, FULL.length));
        byte[] max = {1, 2, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, 0x7f};
        assertEquals(Long.MAX_VALUE, LoadClient.tickOf(max, 0, max.length));
        byte[] tooLong = {1, 2, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0x81, 0};
        assertEquals(-1, LoadClient.tickOf(tooLong, 0, tooLong.length));
        assertEquals(-1, LoadClient.tickOf(FULL, 0, 2), "nothing after the envelope");
        assertEquals(-1, LoadClient.tickOf(max, 0, max.length - 1), "cut inside the varint");
    }

    @Test
    void jsonClientOnlyCountsBinaryFrames() {
        LoadClient c = client(false);
        binary(c, FULL);
        assertEquals(0, c.snapshots());
        assertEquals(1, stats.binaryFrames.sum());
        assertEquals(0, stats.undecodableFrames.sum());
        assertFalse(c.isBinary());
    }

    @Test
    void shouldRecogniseWorldFramesAndWebSocketHeaderSizes() {
        assertTrue(LoadClient.isWorldFrame(FULL, 0, FULL.length));
        assertFalse(LoadClient.isWorldFrame(new byte[] {2, 2}, 0, 2));
        assertFalse(LoadClient.isWorldFrame(new byte[] {1, 0x10, 0, 0}, 0, 4));
        assertFalse(LoadClient.isWorldFrame(new byte[] {1}, 0, 1));
        assertEquals(2, LoadClient.headerBytes(125));
        assertEquals(4, LoadClient.headerBytes(126));
        assertEquals(4, LoadClient.headerBytes(65_535));
        assertEquals(10, LoadClient.headerBytes(65_536));
    }

    @Test
    void shouldCountJsonSnapshotsAndControlMessagesReadInPlace() {
        LoadClient c = client(false);
        text(c, IDENTITY);
        text(c, "{\"type\":\"WorldUpdate\",\"data\":{\"tick\":5,\"entities\":[{\"id\":\"7\",\"rot\":1.5}],\"ack\":0}}");
        text(c, "{\"type\":\"Scoreboard\",\"data\":{\"players\":[]}}");
        text(c, "{\"type\":\"Lagged\",\"data\":{\"missed\":4}}");
        text(c, "{\"data\":{},\"type\":\"WorldUpdate\"}"); // type not first: the slow path
        text(c, "not json");

        assertEquals(2, c.snapshots());
        assertEquals(4, stats.laggedMissed.sum());
        assertEquals(1, stats.unreadableFrames.sum());
        assertEquals(0, stats.binaryFrames.sum());
    }

    private static void text(LoadClient c, String frame) {
        byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
        c.onText(utf8, 0, utf8.length);
    }

    private static void binary(LoadClient c, byte[] frame) {
        c.onBinary(frame, 0, frame.length);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}
