package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.server.protocol.json.support.FakeSnapshot;
import org.jetraiders.server.protocol.json.support.Json;
import org.junit.jupiter.api.Test;

class JsonKillFeedEncoderTest {
    private final JsonKillFeedEncoder encoder = new JsonKillFeedEncoder();
    private final EncodedBuffer out = new EncodedBuffer(16);

    @Test
    void shouldWriteNothingWithoutKills() {
        encoder.encode(new FakeSnapshot().scoredPlane(1, "a", true, 0, 0), out);
        assertEquals(0, out.length());
    }

    @Test
    void shouldWriteEveryKillWithBothNames() {
        FakeSnapshot snapshot = new FakeSnapshot()
                .scoredPlane(7, "Ada", true, 1, 0)
                .scoredPlane(8, "Bob", false, 0, 1)
                .scoredPlane(9, "Cy", false, 1, 1)
                .kill(7, 8)
                .kill(9, 9);

        encoder.encode(snapshot, out);

        assertEquals("{\"type\":\"KillFeed\",\"data\":{\"kills\":["
                + "{\"killer_id\":\"7\",\"killer\":\"Ada\",\"victim_id\":\"8\",\"victim\":\"Bob\"},"
                + "{\"killer_id\":\"9\",\"killer\":\"Cy\",\"victim_id\":\"9\",\"victim\":\"Cy\"}]}}", Json.text(out));
    }

    @Test
    void shouldEscapeNames() {
        String evil = "\"},{\"x\":\"\\\u0000</script>ü";
        encoder.encode(new FakeSnapshot().scoredPlane(1, evil, true, 1, 0).scoredPlane(2, "ok", false, 0, 1).kill(1, 2), out);

        JsonArray kills = Json.object(Json.text(out)).getAsJsonObject("data").getAsJsonArray("kills");
        assertEquals(1, kills.size());
        JsonObject kill = kills.get(0).getAsJsonObject();
        assertEquals(evil, kill.get("killer").getAsString());
        assertEquals("ok", kill.get("victim").getAsString());
        assertEquals(4, kill.size());
    }

    @Test
    void shouldWriteAnEmptyNameForAPlayerNoLongerListed() {
        encoder.encode(new FakeSnapshot().scoredPlane(2, "Bob", false, 0, 1).kill(5, 2), out);
        JsonObject kill = Json.object(Json.text(out)).getAsJsonObject("data").getAsJsonArray("kills").get(0).getAsJsonObject();
        assertEquals("5", kill.get("killer_id").getAsString());
        assertEquals("", kill.get("killer").getAsString());
    }

    @Test
    void shouldEmptyTheReusedBufferOnTheNextSnapshotWithoutKills() {
        FakeSnapshot snapshot = new FakeSnapshot().scoredPlane(1, "a", true, 1, 0).scoredPlane(2, "b", false, 0, 1).kill(1, 2);
        encoder.encode(snapshot, out);
        String first = Json.text(out);
        encoder.encode(snapshot, out);
        assertEquals(first, Json.text(out));
        encoder.encode(snapshot.clearKills(), out);
        assertEquals(0, out.length());
    }
}
