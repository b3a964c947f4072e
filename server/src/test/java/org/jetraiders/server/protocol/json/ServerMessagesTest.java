package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.protocol.json.support.Json;
import org.junit.jupiter.api.Test;

class ServerMessagesTest {
    @Test
    void shouldWriteIdentityWithPlayerIdAsString() {
        assertEquals("{\"type\":\"Identity\",\"data\":{\"player_id\":\"7\",\"lobby_id\":\"main\"}}", ServerMessages.identity(7, "main"));
        assertEquals("{\"type\":\"Identity\",\"data\":{\"player_id\":\"12\"}}", ServerMessages.identity(12, null));
    }

    @Test
    void shouldWriteUnitGameStatesAsBareStrings() {
        assertEquals("{\"type\":\"GameState\",\"data\":\"Lobby\"}", ServerMessages.gameState(LobbyStatus.LOBBY));
        assertEquals("{\"type\":\"GameState\",\"data\":\"MatchRunning\"}", ServerMessages.gameState(LobbyStatus.MATCH_RUNNING));
        assertEquals("{\"type\":\"GameState\",\"data\":\"MatchEnded\"}", ServerMessages.gameState(LobbyStatus.MATCH_ENDED));
        assertEquals("{\"type\":\"GameState\",\"data\":\"Stopping\"}", ServerMessages.gameState(LobbyStatus.STOPPING));
    }

    @Test
    void shouldWriteMatchStartingAsAnObjectKeyedByTheStateName() {
        assertEquals("{\"type\":\"GameState\",\"data\":{\"MatchStarting\":{\"in_seconds\":3}}}",
                ServerMessages.gameState(LobbyStatus.matchStarting(3)));
        assertEquals("{\"type\":\"GameState\",\"data\":{\"MatchStarting\":{\"in_seconds\":0}}}",
                ServerMessages.gameState(LobbyStatus.matchStarting(0)));
        assertEquals("{\"type\":\"GameState\",\"data\":{\"MatchStarting\":{\"in_seconds\":600}}}",
                ServerMessages.gameState(LobbyStatus.matchStarting(600)), "beyond the cache");
    }

    @Test
    void shouldCacheGameStatesAndTheirUtf8Bytes() {
        LobbyStatus[] statuses = {LobbyStatus.LOBBY, LobbyStatus.matchStarting(5), LobbyStatus.MATCH_RUNNING,
                LobbyStatus.MATCH_ENDED, LobbyStatus.STOPPING, LobbyStatus.matchStarting(61)};
        for (LobbyStatus status : statuses) {
            assertArrayEquals(ServerMessages.gameState(status).getBytes(StandardCharsets.UTF_8), ServerMessages.gameStateUtf8(status));
            Json.object(ServerMessages.gameState(status));
        }
        assertSame(ServerMessages.gameState(LobbyStatus.matchStarting(5)), ServerMessages.gameState(LobbyStatus.matchStarting(5)));
        assertSame(ServerMessages.gameStateUtf8(LobbyStatus.LOBBY), ServerMessages.gameStateUtf8(LobbyStatus.LOBBY));
    }

    /** The Lagged message for this count, as text. */
    static String lagged(long missed) {
        EncodedBuffer out = new EncodedBuffer(48);
        ServerMessages.laggedUtf8(missed, out);
        return new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteLagged() {
        assertEquals("{\"type\":\"Lagged\",\"data\":{\"missed\":12}}", lagged(12));
    }

    @Test
    void shouldWriteLaggedBytesForAnyCountIntoABufferThatMustGrow() {
        EncodedBuffer out = new EncodedBuffer(4); // too small at first: it must grow
        for (long missed : new long[] {0, 1, 9, 10, 12, 999, 1_000_000, Long.MAX_VALUE}) {
            ServerMessages.laggedUtf8(missed, out);
            assertEquals("{\"type\":\"Lagged\",\"data\":{\"missed\":" + missed + "}}",
                    new String(out.array(), 0, out.length(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldWriteLaggedBytesWithoutAllocatingOnceTheBufferHasGrown() {
        EncodedBuffer out = new EncodedBuffer(48);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long sum = 0;
        for (int i = 0; i < 20_000; i++) { // warm up: allocation counted after the JIT has compiled it
            ServerMessages.laggedUtf8(i, out);
            sum += out.length();
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 1_000; i++) {
            ServerMessages.laggedUtf8(1_000_000L + i, out);
            sum += out.length();
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(sum > 0);
        // the Gson writer this replaced allocated about 480 B for every message
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes for 1,000 Lagged messages");
    }

    @Test
    void shouldWriteErrorsWithWireCodeAndMessageWithoutHtmlEscaping() {
        assertEquals("{\"type\":\"Error\",\"data\":{\"code\":\"invalid_json\",\"message\":\"message is not a valid JSON object\"}}",
                ServerMessages.error(ErrorCode.INVALID_JSON));
        assertEquals("{\"type\":\"Error\",\"data\":{\"code\":\"unknown_type\",\"message\":\"unknown type <Foo> & \\\"bar\\\"\"}}",
                ServerMessages.error(ErrorCode.UNKNOWN_TYPE, "unknown type <Foo> & \"bar\""));
        assertSame(ServerMessages.error(ErrorCode.LOBBY_FULL), ServerMessages.error(ErrorCode.LOBBY_FULL, null));
    }

    @Test
    void shouldGiveEveryErrorCodeASnakeCaseWireCodeAndAShortAsciiMessage() {
        Set<String> codes = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code.name().toLowerCase(Locale.ROOT), code.wireCode());
            assertTrue(codes.add(code.wireCode()));
            assertTrue(code.defaultMessage().getBytes(StandardCharsets.UTF_8).length < 123, "fits a close reason");
            assertTrue(code.defaultMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f));
            assertEquals(code.wireCode(), Json.object(ServerMessages.error(code)).getAsJsonObject("data").get("code").getAsString());
        }
        assertEquals(ErrorCode.values().length, codes.size(), "every wire code distinct");
    }

    @Test
    void shouldEchoPingTimeInPong() {
        assertEquals("{\"type\":\"Pong\",\"data\":{\"t\":123456,\"server_time\":1732420000123}}", ServerMessages.pong(123456, 1732420000123L));
        assertEquals("{\"type\":\"Pong\",\"data\":{\"t\":-1.5,\"server_time\":5}}", ServerMessages.pong(-1.5, 5));
        assertEquals("{\"type\":\"Pong\",\"data\":{\"server_time\":5}}", ServerMessages.pong(Double.NaN, 5));
        assertEquals(1e300, Json.object(ServerMessages.pong(1e300, 5)).getAsJsonObject("data").get("t").getAsDouble());
    }
}
