package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.server.protocol.json.support.Json;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
    private final EncodedBuffer out = new EncodedBuffer(16);

    private String longText(long v) {
        out.reset();
        JsonBytes.putLong(out, v);
        return Json.text(out);
    }

    private String fixed(double v, int decimals) {
        out.reset();
        JsonBytes.putFixed(out, v, decimals);
        return Json.text(out);
    }

    private String string(String s) {
        out.reset();
        JsonBytes.putString(out, s);
        return Json.text(out);
    }

    @Test
    void shouldWriteEveryLongLikeLongToString() {
        long[] values = {0, 1, -1, 9, 10, -10, 99, 100, 123456789, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L};
        for (long v : values) {
            assertEquals(Long.toString(v), longText(v));
        }
    }

    @Test
    void shouldRoundHalfAwayFromZeroWithFixedDecimals() {
        assertEquals("1.23", fixed(1.234, 2));
        assertEquals("1.24", fixed(1.236, 2));
        assertEquals("-1.24", fixed(-1.236, 2));
        assertEquals("1.00", fixed(0.999, 2));
        assertEquals("10.00", fixed(9.9999, 2));
        assertEquals("0.13", fixed(0.125, 2)); // exact tie in binary
        assertEquals("-0.13", fixed(-0.125, 2));
        assertEquals("0.7854", fixed(Math.PI / 4, 4));
        assertEquals("-3.1416", fixed(-Math.PI, 4));
        assertEquals("5", fixed(4.5, 0));
    }

    @Test
    void shouldNeverWriteNegativeZero() {
        assertEquals("0.00", fixed(-0.0, 2));
        assertEquals("0.00", fixed(-0.001, 2));
        assertEquals("0.00", fixed(-0.004999, 2));
        assertEquals("0.0000", fixed(-0.00004, 4));
        assertEquals("-0.01", fixed(-0.005001, 2));
    }

    @Test
    void shouldWriteSmallAndLargeValuesWithoutExponent() {
        assertEquals("0.00", fixed(1e-300, 2));
        assertEquals("0.00", fixed(Double.MIN_VALUE, 2));
        assertEquals("123456789.13", fixed(123456789.125, 2));
        assertEquals("-98765432.10", fixed(-98765432.1, 2));
        assertEquals("12345678901.2346", fixed(12345678901.23456, 4));
    }

    @Test
    void shouldClampHugeValuesAndWriteNanAsZero() {
        assertEquals("100000000000000.00", fixed(1e300, 2));
        assertEquals("-100000000000000.0000", fixed(Double.NEGATIVE_INFINITY, 4));
        assertEquals("100000000000000.00", fixed(Double.POSITIVE_INFINITY, 2));
        assertEquals("-100000000000000.00", fixed(-Double.MAX_VALUE, 2));
        assertEquals("0.00", fixed(Double.NaN, 2));
    }

    @Test
    void shouldStayWithinHalfAUnitForRandomValues() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 100_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 3);
            int decimals = random.nextBoolean() ? 2 : 4;
            String text = fixed(v, decimals);
            String expectedShape = decimals == 2 ? "-?(0|[1-9][0-9]*)\\.[0-9]{2}" : "-?(0|[1-9][0-9]*)\\.[0-9]{4}";
            if (!text.matches(expectedShape) || text.matches("-0\\.0+")) {
                throw new AssertionError(v + " written as " + text);
            }
            double unit = Math.pow(10, -decimals);
            double error = Math.abs(Double.parseDouble(text) - v);
            if (error > unit / 2 + Math.ulp(v) * 4 + 1e-12) {
                throw new AssertionError(v + " written as " + text + ", off by " + error);
            }
        }
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", string("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\"", string("\n\r\t\b\f\u0000\u001f"));
        assertEquals("\"<script>&'\u007f\"", string("<script>&'\u007f"));
        assertEquals("\"\"", string(null));
        assertEquals("\"\"", string(""));
    }

    @Test
    void shouldWriteNonAsciiAsUtf8ThatGsonReadsBack() {
        String[] names = {"Zoë", "Ω-Jäger", "飞行员", "ace \uD83D\uDE80 pilot", "\u0800\uFFFF\u07FF\u0080", "mixed \"q\" \\ \u0001 é 😀"};
        for (String name : names) {
            String json = string(name);
            assertEquals(name, Json.parseStrict(json).getAsString());
        }
        out.reset();
        JsonBytes.putString(out, "飞行员 😀");
        assertEquals("\"飞行员 😀\"".getBytes(StandardCharsets.UTF_8).length, out.length());
    }

    @Test
    void shouldReplaceLoneSurrogatesWithReplacementCharacter() {
        assertEquals("a\uFFFDb", Json.parseStrict(string("a\uD800b")).getAsString());
        assertEquals("a\uFFFD", Json.parseStrict(string("a\uDC00")).getAsString());
        assertEquals("\uFFFD", Json.parseStrict(string("\uD83D")).getAsString());
    }
}
