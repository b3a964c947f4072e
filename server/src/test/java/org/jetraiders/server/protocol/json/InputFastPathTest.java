package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InputFastPathTest {
    private final ClientMessageParser parser = new ClientMessageParser();

    /** parse (with the fast paths) and the strict Gson parse leave the same message, numbers to the bit. */
    private static void assertSameOutcome(ClientMessageParser parser, String text) {
        assertEquals(Parsed.viaStrict(parser, text), Parsed.viaParse(parser, text), text);
    }

    @Test
    void shouldTakeTheFastPathForTheInputsClientsSend() {
        ClientMessage out = new ClientMessage();
        assertTrue(InputFastPath.tryParse("{\"type\":\"Input\",\"data\":{\"thrust\":0.5,\"turn\":-1,\"shoot\":true,\"seq\":12}}", out));
        assertEquals(0.5, out.thrust());
        assertEquals(-1, out.turn());
        assertTrue(out.shoot());
        assertEquals(12, out.seq());
        out.reset();
        // the Godot client: no seq, floats printed by Godot
        assertTrue(InputFastPath.tryParse("{\"type\":\"Input\",\"data\":{\"thrust\":1.0,\"turn\":0.0,\"shoot\":false}}", out));
        assertEquals(ClientMessage.NO_SEQ, out.seq());
    }

    @Test
    void shouldDeclineEverythingOutsideThePlainFormSoTheStrictParserDecides() {
        String[] declined = {
            "{\"data\":{\"thrust\":1},\"type\":\"Input\"}",                       // data first
            "{\"type\":\"Input\",\"data\":{\"thrust\":1,\"thrust\":0}}",           // repeated key
            "{\"type\":\"Input\",\"data\":{\"thrust\":null}}",
            "{\"type\":\"Input\",\"data\":{\"thrust\":1e999}}",
            "{\"type\":\"Input\",\"data\":{\"thrust\":NaN}}",
            "{\"type\":\"Input\",\"data\":{\"thrust\":0.1234567890123456789}}",   // too many digits
            "{\"type\":\"Input\",\"data\":{\"seq\":-1}}",
            "{\"type\":\"Input\",\"data\":{\"seq\":1e3}}",
            "{\"type\":\"Input\",\"data\":{\"shoot\":\"yes\"}}",
            "{\"type\":\"Input\",\"data\":{\"extra\":1}}",
            "{\"type\":\"Input\",\"data\":{\"thrust\":01}}",
            "{\"type\":\"Input\",\"data\":{}} trailing",
            "{\"type\":\"Inp\\u0075t\",\"data\":{}}",
            "{\"type\":\"Ping\",\"data\":{\"t\":1}}",
            "{\"type\":\"Input\",\"data\":{\"thrust\":1,}}",
        };
        for (String text : declined) {
            assertFalse(InputFastPath.tryParse(text, new ClientMessage()), text);
            assertSameOutcome(parser, text);
        }
    }

    @Test
    void shouldGiveExactlyWhatTheStrictParserGivesForRandomInputs() {
        SplittableRandom random = new SplittableRandom(2026);
        int fastTaken = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomInput(random);
            if (InputFastPath.tryParse(text, new ClientMessage())) {
                fastTaken++;
            }
            assertSameOutcome(parser, text);
        }
        assertTrue(fastTaken > 10_000, "most plain inputs take the fast path: " + fastTaken);
    }

    private static String randomInput(SplittableRandom r) {
        List<String> fields = new ArrayList<>();
        if (r.nextInt(5) > 0) {
            fields.add("\"thrust\":" + number(r));
        }
        if (r.nextInt(5) > 0) {
            fields.add("\"turn\":" + number(r));
        }
        if (r.nextInt(5) > 0) {
            fields.add("\"shoot\":" + r.nextBoolean());
        }
        if (r.nextInt(5) > 0) {
            fields.add("\"seq\":" + (r.nextInt(10) == 0 ? "0" : Long.toString(r.nextLong(0, Long.MAX_VALUE >> r.nextInt(0, 63)))));
        }
        Collections.shuffle(fields, new java.util.Random(r.nextLong()));
        String ws = r.nextInt(4) == 0 ? " \n" : "";
        return ws + "{" + ws + "\"type\"" + ws + ":" + ws + "\"Input\"" + ws + "," + ws + "\"data\":" + ws + "{"
                + String.join("," + ws, fields) + ws + "}" + ws + "}" + ws;
    }

    private static String number(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> Integer.toString(r.nextInt(-3, 4));
            case 1 -> Double.toString(r.nextDouble(-2, 2));                       // up to 17 digits
            case 2 -> String.format(Locale.ROOT, "%.3f", r.nextDouble(-1.5, 1.5));
            case 3 -> String.format(Locale.ROOT, "%.6e", r.nextDouble(-1, 1));
            case 4 -> "-0.0";
            default -> String.format(Locale.ROOT, "%.2f", r.nextDouble(-1, 1));
        };
    }
}
