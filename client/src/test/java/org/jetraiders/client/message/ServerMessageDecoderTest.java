package org.jetraiders.client.message;

import static org.jetraiders.client.support.ProtocolDoc.jsonExamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.jetraiders.client.world.Plane;
import org.jetraiders.client.world.Projectile;
import org.jetraiders.client.world.WorldSnapshot;
import org.junit.jupiter.api.Test;

/** Every server-to-client JSON example of docs/PROTOCOL.md, decoded. */
class ServerMessageDecoderTest {
    private static Envelope example(String type) {
        Envelope e = Envelope.parse(jsonExamples(type).get(0));
        assertEquals(type, e.type());
        return e;
    }

    @Test
    void shouldDecodeTheWorldUpdateExample() {
        WorldSnapshot w = ServerMessageDecoder.worldUpdate(example("WorldUpdate").data());
        assertEquals(123, w.tick());
        assertEquals(42, w.ack());
        assertEquals(List.of(new Plane(7, 1.25, -3.5, 0.7854, 100)), w.planes());
        assertEquals(List.of(new Projectile(9, 7, 10.5, 2.25, 0.7854)), w.projectiles());
        assertEquals(100, w.plane(7).hp());
        assertNull(w.plane(8));
    }

    @Test
    void shouldSortPlanesByIdAndTakeIdsAsNumbersTooAndAckAsOptional() {
        WorldSnapshot w = ServerMessageDecoder.worldUpdate(JsonParser.parseString(
                "{\"tick\":5,\"entities\":[{\"id\":\"9\",\"x\":0,\"y\":0,\"rot\":0,\"hp\":1},"
                        + "{\"id\":3,\"x\":1,\"y\":2,\"rot\":3,\"hp\":4,\"extra\":true}],\"projectiles\":[]}"));
        assertEquals(0, w.ack(), "the Godot-era server sent no ack");
        assertEquals(3, w.planes().get(0).id());
        assertEquals(9, w.planes().get(1).id());
    }

    @Test
    void shouldDecodeIdentityWithAndWithoutItsLobby() {
        Identity id = ServerMessageDecoder.identity(example("Identity").data());
        assertEquals(new Identity(7, "main"), id);
        assertEquals(new Identity(3, null), ServerMessageDecoder.identity(JsonParser.parseString("{\"player_id\":\"3\"}")));
    }

    @Test
    void shouldDecodeEveryGameStateShape() {
        List<String> examples = jsonExamples("GameState");
        assertEquals(5, examples.size(), examples::toString);
        GameState.Phase[] phases = {GameState.Phase.LOBBY, GameState.Phase.MATCH_STARTING, GameState.Phase.MATCH_RUNNING,
                GameState.Phase.MATCH_ENDED, GameState.Phase.STOPPING};
        for (int i = 0; i < phases.length; i++) {
            GameState s = ServerMessageDecoder.gameState(Envelope.parse(examples.get(i)).data());
            assertEquals(phases[i], s.phase(), examples.get(i));
            assertEquals(phases[i].wireName(), s.name());
            assertEquals(phases[i] == GameState.Phase.MATCH_STARTING ? 3 : -1, s.inSeconds(), examples.get(i));
        }
        GameState later = ServerMessageDecoder.gameState(JsonParser.parseString("{\"Overtime\":{\"in_seconds\":30}}"));
        assertEquals(GameState.Phase.UNKNOWN, later.phase());
        assertEquals("Overtime", later.name());
    }

    @Test
    void shouldDecodeTheScoreboardKillFeedLaggedErrorAndPongExamples() {
        Scoreboard board = ServerMessageDecoder.scoreboard(example("Scoreboard").data());
        assertEquals(List.of(new Score(7, "Ada", 1, 0), new Score(8, "Bob", 0, 1)), board.players());
        assertEquals(540, board.secondsLeft());
        assertEquals(new Score(8, "Bob", 0, 1), board.player(8));
        assertNull(board.player(99));

        KillFeed feed = ServerMessageDecoder.killFeed(example("KillFeed").data());
        assertEquals(List.of(new Kill(7, "Ada", 8, "Bob")), feed.kills());

        assertEquals(12, ServerMessageDecoder.lagged(example("Lagged").data()));

        ServerError error = ServerMessageDecoder.error(example("Error").data());
        assertEquals("invalid_json", error.code());
        assertEquals("message is not a valid JSON object", error.message());

        Pong pong = ServerMessageDecoder.pong(example("Pong").data());
        assertEquals(123456, pong.t());
        assertEquals(1732420000123L, pong.serverTimeMillis());
        assertTrue(Double.isNaN(ServerMessageDecoder.pong(JsonParser.parseString("{\"server_time\":1}")).t()));
    }

    @Test
    void shouldNameTheFieldThatIsMissingOrMistyped() {
        IllegalArgumentException noTick = assertThrows(IllegalArgumentException.class,
                () -> ServerMessageDecoder.worldUpdate(JsonParser.parseString("{\"entities\":[],\"projectiles\":[]}")));
        assertTrue(noTick.getMessage().contains("\"tick\""), noTick.getMessage());
        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
                () -> ServerMessageDecoder.identity(JsonParser.parseString("{\"player_id\":\"seven\"}")));
        assertTrue(badId.getMessage().contains("player_id"), badId.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> ServerMessageDecoder.lagged(JsonParser.parseString("{\"missed\":1.5}")));
        assertTrue(fraction.getMessage().contains("missed"), fraction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerMessageDecoder.scoreboard(JsonParser.parseString("\"x\"")));
    }

    @Test
    void shouldParseEnvelopesAndRefuseWhatIsNotOne() {
        Envelope e = Envelope.parse("{\"data\":{\"missed\":1},\"type\":\"Lagged\"}");
        assertEquals("Lagged", e.type());
        assertEquals("{\"type\":\"Lagged\",\"data\":{\"missed\":1}}", e.toJson());
        assertTrue(Envelope.parse("{\"type\":\"Ping\"}").data().isJsonNull());
        for (String bad : new String[] {"not json", "[1,2]", "{\"type\":7}", "{\"data\":{}}", "{\"type\":\"A\""}) {
            assertThrows(IllegalArgumentException.class, () -> Envelope.parse(bad), bad);
        }
    }
}
