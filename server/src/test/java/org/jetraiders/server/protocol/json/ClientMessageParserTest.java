package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientMessageParserTest {
    private final ClientMessageParser parser = new ClientMessageParser();
    private final ClientMessage msg = new ClientMessage();

    private ParseResult parse(String text) {
        return parser.parse(text, msg);
    }

    private void assertRejected(ParseResult expected, String text) {
        assertEquals(expected, parse(text), text);
        if (expected != ParseResult.UNKNOWN_TYPE) {
            assertNotNull(msg.errorDetail(), text);
        }
        assertEquals(ClientMessage.Kind.UNKNOWN, msg.kind(), text);
    }

    // ---- every kind ----

    @Test
    void shouldParseJoinWithEveryField() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"session_token\":\"abc.def\",\"name\":\"Ada\",\"lobby_id\":\"main\"}}"));
        assertEquals(ClientMessage.Kind.JOIN, msg.kind());
        assertEquals("abc.def", msg.sessionToken());
        assertEquals("Ada", msg.name());
        assertEquals("main", msg.lobbyId());
        assertNull(msg.errorDetail());
    }

    @Test
    void shouldParseJoinWithoutFieldsOrData() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{}}"));
        assertEquals(ClientMessage.Kind.JOIN, msg.kind());
        assertNull(msg.sessionToken());
        assertNull(msg.name());
        assertNull(msg.lobbyId());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\"}"));
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":null}"));
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"session_token\":null}}"));
        assertNull(msg.sessionToken());
    }

    @Test
    void shouldParseTheGodotClientsJoin() {
        assertEquals(ParseResult.OK, parse("{\"type\": \"Join\", \"data\": {\"session_token\": \"t0k3n\"}}"));
        assertEquals("t0k3n", msg.sessionToken());
    }

    @Test
    void shouldParseInput() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"thrust\":0.5,\"turn\":-1,\"shoot\":true,\"seq\":12}}"));
        assertEquals(ClientMessage.Kind.INPUT, msg.kind());
        assertEquals(0.5, msg.thrust());
        assertEquals(-1.0, msg.turn());
        assertTrue(msg.shoot());
        assertEquals(12, msg.seq());
        assertTrue(msg.hasSeq());
    }

    @Test
    void shouldDefaultMissingInputFields() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{}}"));
        assertEquals(0.0, msg.thrust());
        assertEquals(0.0, msg.turn());
        assertFalse(msg.shoot());
        assertEquals(ClientMessage.NO_SEQ, msg.seq());
        assertFalse(msg.hasSeq());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"thrust\":null,\"turn\":null,\"shoot\":null,\"seq\":null}}"));
        assertEquals(0.0, msg.thrust());
        assertFalse(msg.hasSeq());
    }

    @Test
    void shouldParsePing() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"data\":{\"t\":123456}}"));
        assertEquals(ClientMessage.Kind.PING, msg.kind());
        assertEquals(123456.0, msg.pingT());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"data\":{\"t\":-0.25e3}}"));
        assertEquals(-250.0, msg.pingT());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"data\":{}}"));
        assertTrue(Double.isNaN(msg.pingT()));
    }

    @Test
    void shouldResetTheReusedMessageBetweenParses() {
        parse("{\"type\":\"Input\",\"data\":{\"thrust\":1,\"shoot\":true,\"seq\":3}}");
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{}}"));
        assertEquals(0.0, msg.thrust());
        assertFalse(msg.shoot());
        assertFalse(msg.hasSeq());
        parse("{\"type\":\"Join\",\"data\":{\"name\":\"x\"}}");
        parse("{\"type\":\"Ping\"}");
        assertNull(msg.name());
    }

    // ---- envelope ----

    @Test
    void shouldAcceptDataBeforeType() {
        assertEquals(ParseResult.OK, parse("{\"data\":{\"thrust\":-0.25,\"turn\":0.75,\"shoot\":true,\"seq\":99},\"type\":\"Input\"}"));
        assertEquals(ClientMessage.Kind.INPUT, msg.kind());
        assertEquals(-0.25, msg.thrust());
        assertEquals(0.75, msg.turn());
        assertTrue(msg.shoot());
        assertEquals(99, msg.seq());
        assertEquals(ParseResult.OK, parse("{\"data\":{\"name\":\"Bo\"},\"extra\":[1,2],\"type\":\"Join\"}"));
        assertEquals("Bo", msg.name());
    }

    @Test
    void shouldValidateDataThatComesBeforeType() {
        assertRejected(ParseResult.INVALID_FIELD, "{\"data\":{\"shoot\":\"yes\"},\"type\":\"Input\"}");
        assertRejected(ParseResult.NOT_FINITE, "{\"data\":{\"thrust\":1e999},\"type\":\"Input\"}");
    }

    @Test
    void shouldIgnoreUnknownFields() {
        assertEquals(ParseResult.OK, parse("{\"v\":2,\"type\":\"Input\",\"data\":{\"thrust\":1,\"boost\":{\"a\":[1]},\"note\":\"x\"},\"meta\":null}"));
        assertEquals(1.0, msg.thrust());
    }

    @Test
    void shouldReportUnknownTypesWithTheirTruncatedName() {
        assertRejected(ParseResult.UNKNOWN_TYPE, "{\"type\":\"Chat\",\"data\":{\"text\":\"hi\"}}");
        assertEquals("Chat", msg.unknownType());
        assertEquals(ErrorCode.UNKNOWN_TYPE, ParseResult.UNKNOWN_TYPE.errorCode());

        String longType = "X".repeat(5000);
        assertRejected(ParseResult.UNKNOWN_TYPE, "{\"type\":\"" + longType + "\"}");
        assertEquals(ClientMessageParser.MAX_TYPE_CHARS, msg.unknownType().length());

        assertRejected(ParseResult.UNKNOWN_TYPE, "{\"type\":\"join\"}");
        assertEquals("join", msg.unknownType(), "type names are case-sensitive");
    }

    @Test
    void shouldRejectMissingOrNonStringOrDuplicateType() {
        assertRejected(ParseResult.INVALID_FIELD, "{\"data\":{}}");
        assertRejected(ParseResult.INVALID_FIELD, "{}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":5}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":null}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":[\"Join\"]}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Join\",\"type\":\"Input\"}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{},\"data\":{}}");
    }

    @Test
    void shouldRejectDataThatIsNotAnObject() {
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":[1,2]}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Join\",\"data\":\"token\"}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"data\":5,\"type\":\"Ping\"}");
    }

    // ---- input values ----

    @Test
    void shouldClampOutOfRangeThrustAndTurn() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"thrust\":5,\"turn\":-1.0001}}"));
        assertEquals(1.0, msg.thrust());
        assertEquals(-1.0, msg.turn());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"thrust\":-1e300,\"turn\":1e308}}"));
        assertEquals(-1.0, msg.thrust());
        assertEquals(1.0, msg.turn());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"thrust\":1e-400,\"turn\":-0.0}}"));
        assertEquals(0.0, msg.thrust());
    }

    @Test
    void shouldRejectNonFiniteNumbers() {
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Input\",\"data\":{\"thrust\":1e999}}");
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Input\",\"data\":{\"turn\":-1e999}}");
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Ping\",\"data\":{\"t\":-1.5e309}}");
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Ping\",\"data\":{\"t\":1" + "0".repeat(50) + "e300}}");
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Input\",\"data\":{\"thrust\":NaN}}");
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Input\",\"data\":{\"thrust\":Infinity}}");
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Input\",\"data\":{\"turn\":-Infinity}}");
        assertRejected(ParseResult.NOT_FINITE, "{\"type\":\"Input\",\"data\":{\"turn\":nan,\"thrust\":inf}}");
        assertEquals(ErrorCode.NOT_FINITE, ParseResult.NOT_FINITE.errorCode());
    }

    @Test
    void shouldRejectFieldsOfTheWrongType() {
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"shoot\":\"yes\"}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"shoot\":1}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"thrust\":\"0.5\"}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"thrust\":\"NaN\"}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"turn\":true}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"turn\":[1]}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Join\",\"data\":{\"session_token\":123}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Join\",\"data\":{\"name\":{\"first\":\"A\"}}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Join\",\"data\":{\"lobby_id\":false}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Ping\",\"data\":{\"t\":\"now\"}}");
    }

    @Test
    void shouldAcceptOnlyNonNegativeIntegerSeq() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"seq\":0}}"));
        assertEquals(0, msg.seq());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"seq\":9223372036854775807}}"));
        assertEquals(Long.MAX_VALUE, msg.seq());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"seq\":12.0}}"));
        assertEquals(12, msg.seq());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"seq\":1e3}}"));
        assertEquals(1000, msg.seq());

        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"seq\":-1}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"seq\":1.5}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"seq\":\"12\"}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"seq\":9223372036854775808}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"seq\":99999999999999999999999}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"seq\":1e999}}");
        assertRejected(ParseResult.INVALID_FIELD, "{\"type\":\"Input\",\"data\":{\"seq\":-0.5}}");
    }

    // ---- malformed JSON ----

    @Test
    void shouldRejectEmptyAndNonObjectTopLevels() {
        assertRejected(ParseResult.INVALID_JSON, "");
        assertRejected(ParseResult.INVALID_JSON, "   ");
        assertRejected(ParseResult.INVALID_JSON, null);
        assertRejected(ParseResult.INVALID_JSON, "[]");
        assertRejected(ParseResult.INVALID_JSON, "\"Join\"");
        assertRejected(ParseResult.INVALID_JSON, "42");
        assertRejected(ParseResult.INVALID_JSON, "null");
        assertRejected(ParseResult.INVALID_JSON, "true");
    }

    @Test
    void shouldRejectTrailingData() {
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\"}{\"type\":\"Ping\"}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\"} x");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Input\",\"data\":{\"thrust\":1}}]");
        assertEquals(ParseResult.OK, parse(" {\"type\":\"Ping\"} \n"), "surrounding whitespace is fine");
    }

    @Test
    void shouldRejectLenientSyntax() {
        assertRejected(ParseResult.INVALID_JSON, "{type:\"Ping\"}");
        assertRejected(ParseResult.INVALID_JSON, "{'type':'Ping'}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\",}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\"=\"Ping\"}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\"/*c*/}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\";\"data\":{}}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Input\",\"data\":{\"thrust\":01}}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Input\",\"data\":{\"thrust\":.5}}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Pi\u0001ng\"}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\"");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\",\"data\":{\"t\":1}");
    }

    @Test
    void shouldAcceptFourLevelsOfNestingAndRejectFive() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"data\":{\"extra\":{\"deeper\":{}}}}"));
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"x\":[[[]]]}"));
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\",\"data\":{\"extra\":{\"deeper\":{\"deepest\":{}}}}}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\",\"x\":[[[[]]]]}");
        assertRejected(ParseResult.INVALID_JSON, "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"type\":\"Ping\"}");
        assertRejected(ParseResult.INVALID_JSON, "[".repeat(100_000));
    }

    @Test
    void shouldHandleHugeNumbersAndLongStrings() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"data\":{\"t\":1" + "0".repeat(50) + "}}"));
        assertEquals(1e50, msg.pingT());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"data\":{\"t\":1.7e308}}"));
        assertEquals(1.7e308, msg.pingT());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Ping\",\"data\":{\"t\":4.9e-325}}"));
        assertEquals(0.0, msg.pingT());
        assertEquals(ParseResult.OK, parse("{\"type\":\"Input\",\"data\":{\"thrust\":-123456789012345678901234567890}}"));
        assertEquals(-1.0, msg.thrust());
        // Gson's STRICT reader refuses 1 followed by 65+ zeros (its digit counter wraps to 0) and literals over ~1,000 chars
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\",\"data\":{\"t\":1" + "0".repeat(400) + "}}");
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Ping\",\"junk\":" + "9".repeat(20_000) + "}");
        String name = "n".repeat(100_000);
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"name\":\"" + name + "\"}}"));
        assertEquals(name, msg.name());
    }

    @Test
    void shouldDecodeEscapesAndUnicodeInStrings() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"name\":\"A\\\"d\\u00e4 \\ud83d\\ude80 飞\"}}"));
        assertEquals("A\"dä \uD83D\uDE80 飞", msg.name());
    }

    @Test
    void shouldNotTreatNanInsideStringsAsNonFinite() {
        assertEquals(ParseResult.OK, parse("{\"type\":\"Join\",\"data\":{\"name\":\"NaN Infinity\"}}"));
        assertRejected(ParseResult.INVALID_JSON, "{\"type\":\"Join\",\"data\":{\"name\":\"NaN\\\" x\"} trailing}");
    }

    // ---- fuzz ----

    @Test
    void shouldNeverThrowForRandomInput() {
        Random random = new Random(20261124L);
        String[] pieces = {"{", "}", "[", "]", ":", ",", "\"", "\\", "type", "data", "Input", "Join", "Ping", "thrust", "turn",
                "shoot", "seq", "t", "true", "false", "null", "NaN", "-", "1e999", "0.5", "-1", "1.", "e", "\\u", "\u0000", " ", "\n",
                "\uD800", "飞", "\"type\":\"Input\"", "\"data\":{", "\"thrust\":", "\"seq\":", "9223372036854775808"};
        int ok = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = switch (i % 3) {
                case 0 -> randomBytesAsText(random);
                case 1 -> randomPieces(random, pieces);
                default -> mutate(random, "{\"type\":\"Input\",\"data\":{\"thrust\":0.5,\"turn\":-1,\"shoot\":false,\"seq\":12}}");
            };
            ParseResult result;
            try {
                result = parser.parse(text, msg);
            } catch (Throwable t) {
                throw new AssertionError("threw for input: " + text, t);
            }
            assertNotNull(result, text);
            if (result == ParseResult.OK) {
                ok++;
                assertTrue(msg.kind() != ClientMessage.Kind.UNKNOWN, text);
                assertTrue(msg.thrust() >= -1 && msg.thrust() <= 1, text);
                assertTrue(msg.turn() >= -1 && msg.turn() <= 1, text);
                assertTrue(msg.seq() >= ClientMessage.NO_SEQ, text);
            } else if (result == ParseResult.UNKNOWN_TYPE) {
                assertNotNull(msg.unknownType(), text);
            } else {
                assertEquals(ClientMessage.Kind.UNKNOWN, msg.kind(), text);
            }
        }
        assertTrue(ok > 0, "the mutations should leave some messages valid");
    }

    private static String randomBytesAsText(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String randomPieces(Random random, String[] pieces) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(30); n > 0; n--) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    private static String mutate(Random random, String valid) {
        StringBuilder sb = new StringBuilder(valid);
        for (int n = random.nextInt(4); n > 0 && sb.length() > 0; n--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, (char) random.nextInt(128));
                default -> sb.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return sb.toString();
    }
}
