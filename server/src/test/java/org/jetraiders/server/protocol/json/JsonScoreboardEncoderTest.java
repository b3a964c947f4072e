package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.server.protocol.json.support.FakeSnapshot;
import org.jetraiders.server.protocol.json.support.Json;
import org.junit.jupiter.api.Test;

class JsonScoreboardEncoderTest {
    private static final int TICK_RATE = 60;
    private final JsonScoreboardEncoder encoder = new JsonScoreboardEncoder(TICK_RATE);
    private final EncodedBuffer out = new EncodedBuffer(16);

    private boolean writes(long tick, long version) {
        encoder.encode(new FakeSnapshot().tick(tick).scoresVersion(version).scoredPlane(1, "a", true, 0, 0), out);
        return out.length() > 0;
    }

    @Test
    void shouldWriteTheScoreboardShapeWithEveryPlayerAliveOrDead() {
        FakeSnapshot snapshot = new FakeSnapshot().tick(10).scoresVersion(3).matchSecondsLeft(540)
                .scoredPlane(7, "Ada", true, 1, 0)
                .scoredPlane(8, "Bob", false, 0, 1);

        encoder.encode(snapshot, out);

        assertEquals("{\"type\":\"Scoreboard\",\"data\":{\"players\":["
                + "{\"id\":\"7\",\"name\":\"Ada\",\"kills\":1,\"deaths\":0},"
                + "{\"id\":\"8\",\"name\":\"Bob\",\"kills\":0,\"deaths\":1}],\"seconds_left\":540}}", Json.text(out));
    }

    @Test
    void shouldEscapeNamesAndWriteMinusOneWithoutAMatchClock() {
        encoder.encode(new FakeSnapshot().scoredPlane(1, "\"Red\" \\ Barön 🛩\n", true, 0, 0).scoredPlane(2, null, true, 0, 0), out);

        JsonObject data = Json.object(Json.text(out)).getAsJsonObject("data");
        JsonArray players = data.getAsJsonArray("players");
        assertEquals("\"Red\" \\ Barön 🛩\n", players.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("", players.get(1).getAsJsonObject().get("name").getAsString());
        assertEquals(-1, data.get("seconds_left").getAsInt());
    }

    @Test
    void shouldWriteAnEmptyPlayerListForAnEmptyLobby() {
        encoder.encode(new FakeSnapshot(), out);
        assertEquals("{\"type\":\"Scoreboard\",\"data\":{\"players\":[],\"seconds_left\":-1}}", Json.text(out));
    }

    @Test
    void shouldWriteOnTheFirstSnapshot() {
        assertTrue(writes(500, 0));
    }

    @Test
    void shouldWriteWhenTheScoresVersionChanges() {
        assertTrue(writes(0, 1));
        assertEquals(false, writes(1, 1));
        assertTrue(writes(2, 2));
        assertEquals(false, writes(3, 2));
        assertTrue(writes(4, 1), "any change, not only an increase");
    }

    @Test
    void shouldWriteOncePerSecondWhenNothingChanges() {
        StringBuilder written = new StringBuilder();
        for (long tick = 0; tick <= 3 * TICK_RATE; tick++) {
            if (writes(tick, 7)) {
                written.append(tick).append(' ');
            }
        }
        assertEquals("0 60 120 180 ", written.toString());
    }

    @Test
    void shouldRestartTheSecondAfterAChangeDrivenWrite() {
        assertTrue(writes(0, 1));
        assertTrue(writes(30, 2));
        assertEquals(false, writes(60, 2), "only 30 ticks since the last write");
        assertTrue(writes(90, 2));
    }

    @Test
    void shouldLeaveTheBufferEmptyWhenNotDueEvenIfItHeldBytes() {
        assertTrue(writes(0, 1));
        assertEquals(false, writes(1, 1));
        assertEquals(0, out.length());
    }

    @Test
    void shouldRejectANonPositiveTickRate() {
        assertThrows(IllegalArgumentException.class, () -> new JsonScoreboardEncoder(0));
    }
}
