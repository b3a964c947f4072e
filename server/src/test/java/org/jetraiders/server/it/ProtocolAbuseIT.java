package org.jetraiders.server.it;

import static org.jetraiders.server.it.support.TestClient.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.Bystander;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input from docs/PROTOCOL.md "Errors and limits", each against a real server: the
 * offender gets the documented answer, the metrics count it, and a bystander in the same lobby stays
 * connected and keeps its stream of WorldUpdates (each one delivered, or reported skipped).
 */
class ProtocolAbuseIT {
    private static final String LOBBY = "abuse";

    private ServerFixture fixture;
    private Bystander bystander;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private ServerMetrics start(ServerConfig.Builder config) throws Exception {
        fixture = ServerFixture.start(config);
        TestClient client = fixture.joined(LOBBY, "Bystander");
        bystander = new Bystander(client, fixture.lobbyMetrics(LOBBY));
        bystander.mark();
        return fixture.server().metrics();
    }

    private ServerMetrics start() throws Exception {
        return start(ServerFixture.config());
    }

    /** Ping → Pong round trip: proves the connection is open and everything sent before was handled. */
    private static void assertStillServed(TestClient client) throws InterruptedException {
        client.sendMessage("Ping", "{\"t\":7}");
        assertEquals(7, client.await("Pong", d -> true).get("t").getAsLong());
        assertFalse(client.hasClosed());
    }

    private static void awaitPongEventually(TestClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (true) {
            client.sendMessage("Ping", "{\"t\":9}");
            try {
                client.await("Pong", d -> d.get("t").getAsLong() == 9, Duration.ofMillis(250));
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline || client.hasClosed()) {
                    throw notYet;
                }
            }
        }
    }

    @Test
    void shouldAnswerInvalidJsonWithErrorAndCloseWith1008AfterMoreThanTen() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.joined(LOBBY, "Garbler");

        client.send("this is not json");
        assertEquals("invalid_json", client.awaitErrorCode());
        for (int i = 2; i <= 10; i++) {
            client.send(i % 2 == 0 ? "{\"type\":\"Input\"" : "[1,2,3]");
        }
        assertStillServed(client); // ten invalid messages are tolerated

        client.send("{oops");

        assertEquals(1008, client.awaitClose());
        assertEquals("too many invalid messages", client.closeReason());
        assertEquals(11, metrics.rejectedInputs("invalid_json"));
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("too_many_invalid") == 1);
        bystander.assertUnaffected();
    }

    @Test
    void shouldAnswerUnknownTypeWithErrorAndKeepTheConnectionOpen() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.joined(LOBBY, "Futurist");

        for (int i = 0; i < 15; i++) {
            client.sendMessage("Teleport", "{\"x\":1}");
        }

        for (int i = 0; i < 15; i++) {
            assertEquals("unknown_type", client.awaitErrorCode());
        }
        assertStillServed(client); // unknown types do not count toward the invalid-message limit
        assertEquals(15, metrics.rejectedInputs("unknown_type"));
        bystander.assertUnaffected();
    }

    @Test
    void shouldCloseWith1008WhenInputArrivesBeforeJoin() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.connect(LOBBY);

        client.sendInput(1, 0, false);

        assertEquals(1008, client.awaitClose());
        assertEquals("join required", client.closeReason());
        assertEquals(1, metrics.rejectedInputs("join_required"));
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("join_required") == 1);
        bystander.assertUnaffected();
    }

    @Test
    void shouldCloseWith1008WhenNoJoinArrivesInTime() throws Exception {
        // the bystander must join within the timeout too: keep it far above a local round trip
        ServerMetrics metrics = start(ServerFixture.config().joinTimeout(Duration.ofSeconds(3)));
        TestClient client = fixture.connect(LOBBY);

        assertEquals(1008, client.awaitClose());
        assertEquals("join timeout", client.closeReason());
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("join_timeout") == 1);
        bystander.assertUnaffected(); // it joined in time and was never closed
    }

    @Test
    void shouldIgnoreASecondJoinAndKeepPlaying() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.joined(LOBBY, "Twice");
        String me = client.playerId();

        client.sendMessage("Join", "{\"name\":\"Again\",\"lobby_id\":\"elsewhere\"}");

        assertEquals("already_joined", client.awaitErrorCode());
        assertEquals(1, metrics.rejectedInputs("already_joined"));
        client.sendInput(0, 1, false);
        JsonObject turning = client.await("WorldUpdate",
                d -> entity(d, me) != null && entity(d, me).get("rot").getAsDouble() > 0.1);
        assertEquals(2, turning.getAsJsonArray("entities").size(), "still one plane each, in the same lobby");
        assertFalse(fixture.lobbyNames().contains("elsewhere"));
        bystander.assertUnaffected();
    }

    @Test
    void shouldRejectNonFiniteNumbersWithNotFinite() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.joined(LOBBY, "Infinite");
        String me = client.playerId();
        JsonObject before = entity(client.await("WorldUpdate", d -> entity(d, me) != null), me);

        client.send("{\"type\":\"Input\",\"data\":{\"thrust\":1e999,\"turn\":1,\"shoot\":false}}");
        client.send("{\"type\":\"Input\",\"data\":{\"thrust\":1,\"turn\":NaN,\"shoot\":false}}");
        client.send("{\"type\":\"Input\",\"data\":{\"thrust\":-Infinity,\"turn\":1,\"shoot\":false}}");

        for (int i = 0; i < 3; i++) {
            assertEquals("not_finite", client.awaitErrorCode());
        }
        assertStillServed(client);
        long tick = client.lastTick();
        JsonObject after = entity(client.await("WorldUpdate",
                d -> d.get("tick").getAsLong() > tick + 10 && entity(d, me) != null), me);
        assertEquals(before.get("x").getAsDouble(), after.get("x").getAsDouble(), "rejected inputs must not move");
        assertEquals(before.get("y").getAsDouble(), after.get("y").getAsDouble(), "rejected inputs must not move");
        assertEquals(0.0, after.get("rot").getAsDouble(), "rejected inputs must not turn");
        assertEquals(3, metrics.rejectedInputs("not_finite"));
        bystander.assertUnaffected();
    }

    @Test
    void shouldCloseWith1009WhenAFrameIsOver4KiB() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.joined(LOBBY, "Verbose");

        client.sendMessage("Ping", "{\"pad\":\"" + "x".repeat(5000) + "\"}");

        assertEquals(1009, client.awaitClose());
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("frame_too_large") == 1);
        assertEquals(1, metrics.rejectedInputs("frame_too_large"));
        bystander.assertUnaffected();
    }

    @Test
    void shouldAcceptAFrameJustUnder4KiB() throws Exception {
        start();
        TestClient client = fixture.joined(LOBBY, "Wordy");
        String prefix = "{\"type\":\"Ping\",\"data\":{\"t\":1,\"pad\":\"";
        String suffix = "\"}}";
        client.send(prefix + "x".repeat(4096 - prefix.length() - suffix.length()) + suffix);
        assertEquals(1, client.await("Pong", d -> true).get("t").getAsLong());
    }

    @Test
    void shouldCloseWith1003OnABinaryFrame() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.joined(LOBBY, "Binary");

        client.send(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));

        assertEquals(1003, client.awaitClose());
        assertEquals(1, metrics.rejectedInputs("binary_frame"));
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("binary_frame") == 1);
        bystander.assertUnaffected();
    }

    @Test
    void shouldDropAnInputBurstAndCloseWith1008WhenTheFloodIsSustained() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().floodCloseAfter(Duration.ofSeconds(1)));
        TestClient client = fixture.joined(LOBBY, "Flooder");

        for (int i = 0; i < 1000; i++) {
            client.sendInput(1, 0, false, i + 1);
        }
        // a short burst is dropped, not punished: once the bucket refills, messages get through again
        // (a Ping sent right after the burst is itself dropped, so retry until one is answered)
        awaitPongEventually(client);
        long dropped = metrics.rejectedInputs("flood");
        assertTrue(dropped > 0 && dropped < 1000, "some of the burst dropped, was " + dropped);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!client.hasClosed() && System.nanoTime() < deadline) {
            // once the server's close lands, sends are dropped (the library reports them as not sent)
            for (int i = 0; i < 20 && client.isOpen(); i++) {
                client.sendInput(1, 0, false);
            }
            Thread.sleep(5); // pacing the flood (~4000 messages/s), not synchronisation
        }

        assertEquals(1008, client.awaitClose());
        assertEquals("input flood", client.closeReason());
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("input_flood") == 1);
        bystander.assertUnaffected();
    }

    @Test
    void shouldRefuseAJoinToAFullLobbyWithLobbyFullAnd1008() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().maxPlayersPerLobby(2));
        fixture.joined(LOBBY, "Second");
        TestClient third = fixture.connect(LOBBY);

        third.sendMessage("Join", "{\"name\":\"Third\"}");

        assertEquals("lobby_full", third.awaitErrorCode());
        assertEquals(1008, third.awaitClose());
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("lobby_full") == 1);
        bystander.assertUnaffected();
    }

    @Test
    void shouldRefuseTheHandshakeOverTheTotalConnectionLimit() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().maxConnections(2));
        TestClient second = fixture.joined(LOBBY, "Second");
        ServerFixture.awaitCondition("both connections registered", () -> metrics.connections() == 2);

        TestClient third = fixture.client("/ws?lobby_id=" + LOBBY);
        assertFalse(third.open(), "a socket over the limit is closed at accept, before its handshake");
        ServerFixture.awaitCondition("refusal counted", () -> metrics.handshakesRejected("connection_limit") == 1);

        second.closeQuietly(); // a place frees up
        ServerFixture.awaitCondition("connection released", () -> metrics.connections() == 1);
        TestClient again = fixture.client("/ws?lobby_id=" + LOBBY);
        assertTrue(again.open(), "a freed place must be usable again");
        bystander.assertUnaffected();
    }

    @Test
    void shouldRefuseTheHandshakeOverThePerAddressLimit() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().maxConnectionsPerAddress(2));
        fixture.connect(LOBBY);
        ServerFixture.awaitCondition("both connections registered", () -> metrics.connections() == 2);

        TestClient third = fixture.client("/ws?lobby_id=" + LOBBY);

        assertFalse(third.open(), "a socket over the per-address limit is closed at accept, before its handshake");
        ServerFixture.awaitCondition("refusal counted", () -> metrics.handshakesRejected("per_address_limit") == 1);
        bystander.assertUnaffected();
    }

    @Test
    void shouldRefuseAHandshakeOnAnUnknownPath() throws Exception {
        ServerMetrics metrics = start();
        TestClient client = fixture.client("/chat");
        assertFalse(client.open());
        ServerFixture.awaitCondition("refusal counted", () -> metrics.handshakesRejected("unknown_path") == 1);
        bystander.assertUnaffected();
    }

    @Test
    void shouldSanitizeDisplayNamesShownToOthers() throws Exception {
        start();
        TestClient spaced = fixture.joined(LOBBY, "   Ada\\u0007\\tLovelace\\u202e  ");
        TestClient longName = fixture.joined(LOBBY, "Bartholomew Montgomery-Fitzgerald III");

        JsonObject board = bystander.client().await("Scoreboard",
                d -> name(d, spaced.playerId()) != null && name(d, longName.playerId()) != null);

        assertEquals("Ada Lovelace", name(board, spaced.playerId()));
        String capped = name(board, longName.playerId());
        assertEquals("Bartholomew Montgomery-F", capped, "capped at 24 code points");
        bystander.assertUnaffected();
    }

    private static String name(JsonObject scoreboard, String id) {
        for (JsonElement e : scoreboard.getAsJsonArray("players")) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject().get("name").getAsString();
            }
        }
        return null;
    }
}
