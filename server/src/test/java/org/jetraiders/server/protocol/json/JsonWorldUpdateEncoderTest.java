package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.server.protocol.json.support.FakeSnapshot;
import org.jetraiders.server.protocol.json.support.Json;
import org.junit.jupiter.api.Test;

class JsonWorldUpdateEncoderTest {
    private final JsonWorldUpdateEncoder encoder = new JsonWorldUpdateEncoder();
    private final EncodedBuffer out = new EncodedBuffer(16);

    private String encode(FakeSnapshot snapshot) {
        encoder.encode(snapshot, out);
        return Json.text(out);
    }

    @Test
    void shouldWriteTheClientsWorldUpdateShape() {
        FakeSnapshot snapshot = new FakeSnapshot().tick(123)
                .plane(7, "Ada", 1.25, -3.5, 0.785398, 100)
                .projectile(9, 7, 10.5, 2.25, 0.785398);

        assertEquals("{\"type\":\"WorldUpdate\",\"data\":{\"tick\":123,"
                + "\"entities\":[{\"id\":\"7\",\"x\":1.25,\"y\":-3.50,\"rot\":0.7854,\"hp\":100}],"
                + "\"projectiles\":[{\"id\":\"9\",\"owner_id\":\"7\",\"x\":10.50,\"y\":2.25,\"rot\":0.7854}]}}",
                encode(snapshot));
    }

    @Test
    void shouldParseWithGsonIntoIdsAsStringsAndNumbers() {
        FakeSnapshot snapshot = new FakeSnapshot().tick(5)
                .plane(1, "a", 10, 20, 1.5, 80)
                .plane(22, "b", -30.126, 40.004, -2.00005, 7)
                .projectile(100, 22, 3, 4, 3.14159)
                .projectile(101, 1, -5, -6, -0.0);

        JsonObject root = Json.object(encode(snapshot));
        assertEquals("WorldUpdate", root.get("type").getAsString());
        assertEquals(2, root.size());
        JsonObject data = root.getAsJsonObject("data");
        assertEquals(5, data.get("tick").getAsLong());
        assertEquals(3, data.size(), "tick, entities, projectiles; ack is per client");

        JsonArray entities = data.getAsJsonArray("entities");
        assertEquals(2, entities.size());
        JsonObject b = entities.get(1).getAsJsonObject();
        assertTrue(b.get("id").getAsJsonPrimitive().isString());
        assertEquals("22", b.get("id").getAsString());
        assertEquals(-30.13, b.get("x").getAsDouble());
        assertEquals(40.0, b.get("y").getAsDouble());
        assertEquals(-2.0001, b.get("rot").getAsDouble());
        assertEquals(7, b.get("hp").getAsInt());
        assertEquals(5, b.size());

        JsonArray projectiles = data.getAsJsonArray("projectiles");
        assertEquals(2, projectiles.size());
        JsonObject p = projectiles.get(0).getAsJsonObject();
        assertEquals("100", p.get("id").getAsString());
        assertTrue(p.get("owner_id").getAsJsonPrimitive().isString());
        assertEquals("22", p.get("owner_id").getAsString());
        assertEquals(3.1416, p.get("rot").getAsDouble());
        assertEquals(5, p.size());
        assertEquals("0.0000", projectiles.get(1).getAsJsonObject().get("rot").getAsString());
    }

    @Test
    void shouldLeaveOutDeadPlanes() {
        FakeSnapshot snapshot = new FakeSnapshot().tick(1)
                .deadPlane(1, "dead first")
                .plane(2, "alive", 1, 1, 0, 100)
                .deadPlane(3, "dead middle")
                .plane(4, "alive too", 2, 2, 0, 50)
                .deadPlane(5, "dead last");

        JsonArray entities = Json.object(encode(snapshot)).getAsJsonObject("data").getAsJsonArray("entities");
        assertEquals(2, entities.size());
        assertEquals("2", entities.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("4", entities.get(1).getAsJsonObject().get("id").getAsString());
    }

    @Test
    void shouldWriteEmptyArraysWhenNothingIsAlive() {
        assertEquals("{\"type\":\"WorldUpdate\",\"data\":{\"tick\":0,\"entities\":[],\"projectiles\":[]}}",
                encode(new FakeSnapshot().deadPlane(1, "x")));
    }

    @Test
    void shouldRoundNegativesAndNeverWriteNegativeZero() {
        String json = encode(new FakeSnapshot().plane(1, "a", -0.0, -0.004, -0.00004, 1));
        assertTrue(json.contains("\"x\":0.00,\"y\":0.00,\"rot\":0.0000"), json);
        json = encode(new FakeSnapshot().plane(1, "a", -1.006, -1.004, -6.28318, 1));
        assertTrue(json.contains("\"x\":-1.01,\"y\":-1.00,\"rot\":-6.2832"), json);
    }

    @Test
    void shouldWriteHugeTinyAndNonFiniteValuesAsValidJson() {
        FakeSnapshot snapshot = new FakeSnapshot().tick(Long.MAX_VALUE)
                .plane(Integer.MAX_VALUE, "a", 1e300, -1e-300, Double.NaN, Integer.MIN_VALUE)
                .plane(Integer.MIN_VALUE, "b", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456.78901, -1)
                .projectile(-1, -2, 99999999.999, -99999999.994, Double.MAX_VALUE);

        JsonObject data = Json.object(encode(snapshot)).getAsJsonObject("data");
        assertEquals(Long.MAX_VALUE, data.get("tick").getAsLong());
        JsonObject a = data.getAsJsonArray("entities").get(0).getAsJsonObject();
        assertEquals(Integer.toString(Integer.MAX_VALUE), a.get("id").getAsString());
        assertEquals("100000000000000.00", a.get("x").getAsString());
        assertEquals("0.00", a.get("y").getAsString());
        assertEquals("0.0000", a.get("rot").getAsString());
        assertEquals(Integer.MIN_VALUE, a.get("hp").getAsInt());
        JsonObject b = data.getAsJsonArray("entities").get(1).getAsJsonObject();
        assertEquals("-2147483648", b.get("id").getAsString());
        assertEquals("-100000000000000.00", b.get("y").getAsString());
        assertEquals("123456.7890", b.get("rot").getAsString());
        JsonObject p = data.getAsJsonArray("projectiles").get(0).getAsJsonObject();
        assertEquals("-1", p.get("id").getAsString());
        assertEquals("-2", p.get("owner_id").getAsString());
        assertEquals("100000000.00", p.get("x").getAsString());
        assertEquals("-99999999.99", p.get("y").getAsString());
    }

    @Test
    void shouldEndWithTwoClosingBracesSoTheAckCanBeSpliced() {
        String json = encode(new FakeSnapshot().tick(9).plane(1, "a", 0, 0, 0, 1));
        assertTrue(json.endsWith("]}}"), json);
    }

    @Test
    void shouldWriteTheSameBytesWhenReusingTheBuffer() {
        FakeSnapshot small = new FakeSnapshot().tick(1).plane(1, "a", 1, 2, 3, 4);
        FakeSnapshot big = new FakeSnapshot().tick(2);
        for (int i = 0; i < 300; i++) {
            big.plane(i, "p" + i, i * 1.5, -i * 2.25, i * 0.01, 100).projectile(1000 + i, i, i, i, i);
        }
        encoder.encode(small, out);
        byte[] first = Arrays.copyOf(out.array(), out.length());
        encoder.encode(big, out);
        assertEquals(300, Json.object(Json.text(out)).getAsJsonObject("data").getAsJsonArray("entities").size());
        encoder.encode(small, out);
        assertArrayEquals(first, Arrays.copyOf(out.array(), out.length()));
        encoder.encode(small, out);
        assertArrayEquals(first, Arrays.copyOf(out.array(), out.length()));
    }

    @Test
    void shouldMakeRoomForWorstCaseEntitiesBeyondWhatTheLargestEarlierMessageNeeded() {
        encoder.encode(new FakeSnapshot().tick(1).plane(1, "a", 1, 2, 3, 4), out); // a small hint
        FakeSnapshot worst = new FakeSnapshot().tick(Long.MIN_VALUE);
        for (int i = 0; i < 100; i++) {
            worst.plane(Integer.MIN_VALUE + i, "w", -1e300, -1e300, -1e300, Integer.MIN_VALUE)
                    .projectile(Integer.MIN_VALUE + i, Integer.MIN_VALUE, -1e300, -1e300, -1e300);
        }
        EncodedBuffer fresh = new EncodedBuffer(16);
        encoder.encode(worst, fresh);
        JsonObject data = Json.object(Json.text(fresh)).getAsJsonObject("data");
        assertEquals(100, data.getAsJsonArray("entities").size());
        assertEquals(100, data.getAsJsonArray("projectiles").size());
        assertEquals("-100000000000000.00", data.getAsJsonArray("projectiles").get(99).getAsJsonObject().get("x").getAsString());
    }

    @Test
    void shouldSizeAFreshSlotsBufferFromTheLargestMessageNotFromTheWorstCase() {
        FakeSnapshot battle = new FakeSnapshot().tick(100);
        for (int i = 0; i < 16; i++) {
            battle.plane(i + 1, "p", 100 + i, 200 + i, 0.5, 100);
        }
        for (int i = 0; i < 128; i++) {
            battle.projectile(1000 + i, i % 16 + 1, 300 + i, 400 + i, 1.25);
        }
        encoder.encode(battle, out);
        int length = out.length();
        EncodedBuffer nextSlot = new EncodedBuffer(256);
        encoder.encode(battle, nextSlot);
        assertEquals(length, nextSlot.length());
        assertTrue(nextSlot.array().length <= length + length / 4 + 2 * 1024,
                "one block's worst case over 1.25x the message at most, was " + nextSlot.array().length + " for " + length);
    }
}
