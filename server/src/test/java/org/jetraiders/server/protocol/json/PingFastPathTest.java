package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PingFastPathTest {
    private final ClientMessageParser parser = new ClientMessageParser();

    /** parse (with the fast paths) and the strict Gson parse leave the same message, t to the bit. */
    private void assertSameOutcome(String text) {
        assertEquals(Parsed.viaStrict(parser, text), Parsed.viaParse(parser, text), text);
    }

    @Test
    void shouldTakeTheFastPathForThePingsClientsSend() {
        ClientMessage out = new ClientMessage();
        assertTrue(PingFastPath.tryParse("{\"type\":\"Ping\",\"data\":{\"t\":51234}}", out)); // the browser client
        assertEquals(ClientMessage.Kind.PING, out.kind());
        assertEquals(51234, out.pingT());

        out.reset();
        assertTrue(PingFastPath.tryParse("{\"type\":\"Ping\",\"data\":{\"t\":987654321012345}}", out)); // a probe's nanoTime
        assertEquals(987654321012345d, out.pingT());

        out.reset();
        assertTrue(PingFastPath.tryParse(" { \"type\" : \"Ping\" , \"data\" : { \"t\" : -42 } } ", out));
        assertEquals(-42, out.pingT());

        out.reset();
        assertTrue(PingFastPath.tryParse("{\"type\":\"Ping\",\"data\":{ }}", out));
        assertEquals(ClientMessage.Kind.PING, out.kind());
        assertTrue(Double.isNaN(out.pingT()), "no t: absent, as the strict parser says");
    }

    @Test
    void shouldTakeEveryIntegerUpToTwoToTheFiftyThirdWhoseDoubleIsExact() {
        ClientMessage out = new ClientMessage();
        assertTrue(PingFastPath.tryParse("{\"type\":\"Ping\",\"data\":{\"t\":9007199254740992}}", out));
        assertEquals(9007199254740992d, out.pingT());
        assertFalse(PingFastPath.tryParse("{\"type\":\"Ping\",\"data\":{\"t\":9007199254740993}}", new ClientMessage()));
        assertSameOutcome("{\"type\":\"Ping\",\"data\":{\"t\":9007199254740993}}");
    }

    @Test
    void shouldDeclineEverythingOutsideThePlainFormSoTheStrictParserDecides() {
        String[] declined = {
            "{\"type\":\"Ping\",\"data\":{\"t\":1.5}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":1e3}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":-0}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":012}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":12345678901234567}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":\"12\"}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":null}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":-}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":1,\"x\":2}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":1}} trailing",
            "{\"type\":\"Ping\",\"data\":{\"t\":1}",
            "{\"type\":\"Ping\"}",
            "{\"data\":{\"t\":1},\"type\":\"Ping\"}",
            "{\"type\":\"P\\u0069ng\",\"data\":{\"t\":1}}",
            "{\"type\":\"Ping\",\"data\":[]}",
            "{\"type\":\"Input\",\"data\":{\"t\":1}}",
        };
        for (String text : declined) {
            assertFalse(PingFastPath.tryParse(text, new ClientMessage()), text);
            assertSameOutcome(text);
        }
    }

    @Test
    void shouldGiveExactlyWhatTheStrictParserGivesForRandomPings() {
        SplittableRandom random = new SplittableRandom(2026_12_03);
        int fastTaken = 0;
        for (int i = 0; i < 20_000; i++) {
            String ws = random.nextInt(4) == 0 ? " \n" : "";
            String t = switch (random.nextInt(6)) {
                case 0 -> Long.toString(random.nextLong(-(1L << 53), (1L << 53) + 1));
                case 1 -> Long.toString(random.nextLong() >> random.nextInt(0, 63));
                case 2 -> Double.toString(random.nextDouble(-1e6, 1e6));
                case 3 -> Integer.toString(random.nextInt(0, 1000));
                case 4 -> "0";
                default -> Long.toString(random.nextLong(0, 1L << 50));
            };
            String data = random.nextInt(10) == 0 ? "{" + ws + "}" : "{" + ws + "\"t\"" + ws + ":" + ws + t + ws + "}";
            String text = ws + "{\"type\":" + ws + "\"Ping\"," + ws + "\"data\":" + data + ws + "}" + ws;
            if (PingFastPath.tryParse(text, new ClientMessage())) {
                fastTaken++;
            }
            assertSameOutcome(text);
        }
        assertTrue(fastTaken > 12_000, "most plain pings take the fast path: " + fastTaken);
    }
}
