package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.protocol.json.support.FakeSnapshot;
import org.jetraiders.server.protocol.json.support.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps docs/PROTOCOL.md honest: its examples are what the encoders write and the parser accepts. */
class ProtocolDocTest {
    private static String doc;
    private static List<String> examples;

    @BeforeAll
    static void readDoc() throws IOException {
        Path path = Path.of(System.getProperty("basedir", "."), "..", "docs", "PROTOCOL.md");
        if (!Files.exists(path)) {
            path = Path.of("docs", "PROTOCOL.md");
        }
        doc = Files.readString(path, StandardCharsets.UTF_8);
        examples = new ArrayList<>();
        boolean inJson = false;
        for (String line : doc.split("\n")) {
            if (line.equals("```json")) {
                inJson = true;
            } else if (line.startsWith("```")) {
                inJson = false;
            } else if (inJson && !line.isBlank()) {
                examples.add(line);
            }
        }
    }

    private static void assertDocumented(String message) {
        assertTrue(examples.contains(message), "docs/PROTOCOL.md should show exactly: " + message);
    }

    @Test
    void shouldShowOnlyStrictJsonEnvelopes() {
        assertTrue(examples.size() >= 15, "examples found: " + examples.size());
        for (String example : examples) {
            var root = Json.object(example);
            assertTrue(root.has("type") && root.has("data"), example);
        }
    }

    @Test
    void shouldShowClientMessagesTheParserAccepts() {
        ClientMessageParser parser = new ClientMessageParser();
        ClientMessage msg = new ClientMessage();
        int clientMessages = 0;
        for (String example : examples) {
            String type = Json.object(example).get("type").getAsString();
            if (java.util.Set.of("Join", "Input", "Ping", "Spectate", "Leave").contains(type)) {
                assertEquals(ParseResult.OK, parser.parse(example, msg), example);
                clientMessages++;
            }
        }
        assertEquals(8, clientMessages, "3 Joins, Input, Ping, 2 Spectates, Leave");
    }

    @Test
    void shouldShowTheEncodersWorldUpdateWithAck() {
        EncodedBuffer shared = new EncodedBuffer(64);
        new JsonWorldUpdateEncoder().encode(new FakeSnapshot().tick(123)
                .plane(7, "Ada", 1.25, -3.5, Math.PI / 4, 100)
                .projectile(9, 7, 10.5, 2.25, Math.PI / 4), shared);
        EncodedBuffer frame = new EncodedBuffer(64);
        JsonWorldUpdateFrame.withAck(shared, 42, frame);
        assertDocumented(new String(frame.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldShowTheEncodersScoreboardAndKillFeed() {
        FakeSnapshot snapshot = new FakeSnapshot().tick(1).matchSecondsLeft(540)
                .scoredPlane(7, "Ada", true, 1, 0)
                .scoredPlane(8, "Bob", false, 0, 1)
                .kill(7, 8);
        EncodedBuffer out = new EncodedBuffer(64);
        new JsonScoreboardEncoder(60).encode(snapshot, out);
        assertDocumented(Json.text(out));
        new JsonKillFeedEncoder().encode(snapshot, out);
        assertDocumented(Json.text(out));
    }

    @Test
    void shouldShowEveryControlMessage() {
        assertDocumented(ServerMessages.identity(7, "main", "XzqcJ-G0DYY.GfUxfKc6yf9YBz6pmhZsFQ", false));
        assertDocumented(ServerMessages.spectating("main", 7));
        assertDocumented(ServerMessages.spectating("main", 0));
        assertDocumented(ServerMessages.gameState(LobbyStatus.LOBBY));
        assertDocumented(ServerMessages.gameState(LobbyStatus.matchStarting(3)));
        assertDocumented(ServerMessages.gameState(LobbyStatus.MATCH_RUNNING));
        assertDocumented(ServerMessages.gameState(LobbyStatus.MATCH_ENDED));
        assertDocumented(ServerMessages.gameState(LobbyStatus.STOPPING));
        assertDocumented(ServerMessagesTest.lagged(12));
        assertDocumented(ServerMessages.error(ErrorCode.INVALID_JSON));
        assertDocumented(ServerMessages.pong(123456, 1732420000123L));
    }

    @Test
    void shouldListEveryErrorCode() {
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(doc.contains("`" + code.wireCode() + "`"), code.wireCode() + " missing from docs/PROTOCOL.md");
        }
    }
}
