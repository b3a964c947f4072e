package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.ClientWorldState;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.server.protocol.binary.support.BinarySnapshot;
import org.jetraiders.server.protocol.binary.support.GoldenVectors;
import org.jetraiders.server.protocol.binary.support.Hex;
import org.jetraiders.engine.EncodedBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the binary section of docs/PROTOCOL.md honest: its hex vectors decode and re-encode byte for byte. */
class BinaryProtocolDocTest {
    private static String doc;
    private static Map<String, byte[]> vectors;

    @BeforeAll
    static void readDoc() throws IOException {
        Path path = Path.of(System.getProperty("basedir", "."), "..", "docs", "PROTOCOL.md");
        if (!Files.exists(path)) {
            path = Path.of("docs", "PROTOCOL.md");
        }
        doc = Files.readString(path, StandardCharsets.UTF_8);
        vectors = new LinkedHashMap<>();
        String name = null;
        StringBuilder hex = null;
        for (String line : doc.split("\n")) {
            if (line.equals("```hex")) {
                hex = new StringBuilder();
                name = null;
            } else if (hex != null && line.startsWith("```")) {
                vectors.put(name, Hex.parse(hex.toString()));
                hex = null;
            } else if (hex != null && line.startsWith("# vector: ")) {
                name = line.substring("# vector: ".length()).trim();
            } else if (hex != null) {
                hex.append(line).append('\n');
            }
        }
    }

    private static byte[] vector(String name) {
        byte[] v = vectors.get(name);
        assertTrue(v != null, "docs/PROTOCOL.md lacks the vector " + name);
        return v;
    }

    @Test
    void shouldShowWhatTheEncodersWrite() {
        Map<String, byte[]> expected = GoldenVectors.all();
        assertEquals(expected.keySet(), vectors.keySet());
        expected.forEach((name, bytes) -> assertEquals(Hex.format(bytes), Hex.format(vector(name)), name));
    }

    @Test
    void shouldDecodeAndReencodeTheInputVector() {
        byte[] v = vector("input");
        BinaryInput in = new BinaryInput();
        assertEquals(BinaryDecodeResult.OK, new BinaryClientMessageDecoder().decode(v, 0, v.length, in));
        org.jetraiders.client.binary.BinaryWriter w = new org.jetraiders.client.binary.BinaryWriter(16);
        BinaryInputEncoder.encode(in.thrust(), in.turn(), in.shoot(), in.seq(), in.ackedTick(), w);
        assertArrayEquals(v, w.toByteArray());
    }

    @Test
    void shouldDecodeAndReencodeTheQuantizedVector() {
        ClientWorldState s = decode(new BinarySnapshotDecoder(), vector("world-quantized"));
        assertEquals(2, s.planeCount());
        assertEquals(-200.125, s.planeX(1));
        assertEquals(2.25, s.projectileY(0));
        EncodedBuffer out = new EncodedBuffer(64);
        new BinaryClientEncoder(BinaryMode.QUANTIZED, 60).encode(BinarySnapshot.of(s), s.ack(), 0, out);
        assertArrayEquals(vector("world-quantized"), out.toByteArray());
    }

    @Test
    void shouldDecodeAndReencodeTheDeltaVectors() {
        BinarySnapshotDecoder client = new BinarySnapshotDecoder();
        ClientWorldState full = decode(client, vector("world-delta-full"));
        BinarySnapshot tick123 = BinarySnapshot.of(full);
        long ack123 = full.ack();
        ClientWorldState delta = decode(client, vector("world-delta"));
        assertEquals(125, delta.tick());
        assertEquals(2, delta.planeCount());
        assertEquals(3.0, delta.planeX(0));
        assertEquals(70, delta.planeHp(0));
        assertEquals(12, delta.planeId(1));
        assertEquals(1, delta.projectileCount());
        assertEquals(10, delta.projectileId(0));
        assertEquals(-24.0 - 500.0 / 60, delta.projectileY(0, 126), 1e-9);
        BinarySnapshot tick125 = BinarySnapshot.of(delta);

        EncodedBuffer out = new EncodedBuffer(64);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        encoder.encode(tick123, ack123, 0, out);
        assertArrayEquals(vector("world-delta-full"), out.toByteArray());
        encoder.encode(tick125, delta.ack(), 123, out);
        assertArrayEquals(vector("world-delta"), out.toByteArray());

        BinaryClientEncoder events = new BinaryClientEncoder(BinaryMode.PROJECTILE_EVENTS, 60);
        events.encode(tick123, ack123, 0, out);
        events.encode(tick125, delta.ack(), 0, out);
        assertArrayEquals(vector("world-events"), out.toByteArray());
        BinarySnapshotDecoder eventsClient = new BinarySnapshotDecoder();
        decode(eventsClient, vector("world-delta-full"));
        assertTrue(decode(eventsClient, vector("world-events")).sameWorld(delta));
    }

    @Test
    void shouldNameTheNegotiationAndTheMessagesThatStayJson() {
        assertTrue(doc.contains("`" + BinaryProtocolDescriptor.SUBPROTOCOL + "`"));
        assertTrue(doc.contains("?" + BinaryProtocolDescriptor.FORMAT_QUERY_NAME + "=" + BinaryProtocolDescriptor.FORMAT_QUERY_VALUE));
        for (String m : new String[] {"Identity", "Error", "GameState", "Lagged", "Pong", "Scoreboard", "KillFeed", "Join", "Ping"}) {
            assertTrue(doc.contains("`" + m + "`"), m);
        }
    }

    private static ClientWorldState decode(BinarySnapshotDecoder client, byte[] frame) {
        assertEquals(DecodeResult.OK, client.decode(frame, 0, frame.length));
        return client.latest();
    }
}
