package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The messages of reconnecting and spectating: Join's resume_token and spectate, Spectate, Leave, Identity, Spectating. */
class ResumeAndSpectateMessagesTest {
    private final ClientMessageParser parser = new ClientMessageParser();
    private final ClientMessage msg = new ClientMessage();

    private ParseResult parse(String text) {
        return parser.parse(text, msg);
    }

    @Test
    void shouldParseAJoinWithAResumeTokenAndOneThatSpectates() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"resume_token\":\"AAAA.BBBB\",\"name\":\"Ada\"}}"));
        assertEquals(ClientMessage.Kind.JOIN, msg.kind());
        assertEquals("AAAA.BBBB", msg.resumeToken());
        assertFalse(msg.spectate());

        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"spectate\":true}}"));
        assertTrue(msg.spectate());
        assertNull(msg.resumeToken(), "reset between messages");
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"spectate\":null,\"resume_token\":null}}"));
        assertFalse(msg.spectate());
    }

    @Test
    void shouldRejectWronglyTypedResumeAndSpectateFields() {
        assertEquals(ParseResult.INVALID_FIELD, parse("{\"type\":\"Join\",\"data\":{\"spectate\":\"yes\"}}"));
        assertEquals("spectate must be a boolean", msg.errorDetail());
        assertEquals(ParseResult.INVALID_FIELD, parse("{\"type\":\"Join\",\"data\":{\"resume_token\":12}}"));
        assertEquals("resume_token must be a string", msg.errorDetail());
    }

    @Test
    void shouldParseSpectateWithAPlayerToFollowOrNoneToRoam() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Spectate\",\"data\":{\"player_id\":\"7\"}}"));
        assertEquals(ClientMessage.Kind.SPECTATE, msg.kind());
        assertEquals(7, msg.followPlayerId());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Spectate\",\"data\":{\"player_id\":\"2147483647\"}}"));
        assertEquals(Integer.MAX_VALUE, msg.followPlayerId());
        for (String roam : new String[] {"{\"player_id\":null}", "{}", "null"}) {
            assertEquals(ParseResult.OK, parse("{\"type\":\"Spectate\",\"data\":" + roam + "}"), roam);
            assertEquals(0, msg.followPlayerId(), roam);
        }
    }

    @Test
    void shouldRejectSpectateWithSomethingThatIsNotAPlayerId() {
        for (String bad : new String[] {"7", "\"0\"", "\"07\"", "\"-7\"", "\"7a\"", "\"\"", "\"2147483648\"",
                "\"99999999999\"", "true"}) {
            assertEquals(ParseResult.INVALID_FIELD, parse("{\"type\":\"Spectate\",\"data\":{\"player_id\":" + bad + "}}"), bad);
            assertEquals(ClientMessage.Kind.UNKNOWN, msg.kind(), bad);
        }
    }

    @Test
    void shouldParseLeaveIgnoringItsData() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Leave\",\"data\":{}}"));
        assertEquals(ClientMessage.Kind.LEAVE, msg.kind());
        assertEquals(ParseResult.OK, parse("{\"data\":{\"why\":\"bed time\"},\"type\":\"Leave\"}"));
        assertEquals(ClientMessage.Kind.LEAVE, msg.kind());
    }

    @Test
    void shouldWriteIdentityWithTheResumeToken() {
        assertEquals("{\"type\":\"Identity\",\"data\":{\"player_id\":\"7\",\"lobby_id\":\"main\","
                + "\"resume_token\":\"AAAA.BBBB\",\"resumed\":true}}", ServerMessages.identity(7, "main", "AAAA.BBBB", true));
    }

    @Test
    void shouldWriteSpectatingWithTheFollowedPlayerOrNull() {
        assertEquals("{\"type\":\"Spectating\",\"data\":{\"lobby_id\":\"main\",\"player_id\":\"7\"}}",
                ServerMessages.spectating("main", 7));
        assertEquals("{\"type\":\"Spectating\",\"data\":{\"lobby_id\":\"main\",\"player_id\":null}}",
                ServerMessages.spectating("main", 0));
    }
}
