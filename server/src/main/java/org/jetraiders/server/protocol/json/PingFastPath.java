package org.jetraiders.server.protocol.json;

import static org.jetraiders.server.protocol.json.JsonScan.DECLINED;
import static org.jetraiders.server.protocol.json.JsonScan.digitsValue;
import static org.jetraiders.server.protocol.json.JsonScan.expect;
import static org.jetraiders.server.protocol.json.JsonScan.expectKey;
import static org.jetraiders.server.protocol.json.JsonScan.expectLiteral;
import static org.jetraiders.server.protocol.json.JsonScan.plainIntegerEnd;
import static org.jetraiders.server.protocol.json.JsonScan.skipWhitespace;

/**
 * An allocation-free parser for the keep-alive every client may send: {@code {"type":"Ping","data":{"t":123}}}
 * with {@code t} a plain integer (the browser client sends a rounded {@code performance.now()} every
 * 2 s, the load generator's probes their {@code System.nanoTime()} every second), or with empty data.
 * Through Gson each one cost about 4.5 KB of garbage (a reader, its 1 KB char buffer, the names as
 * strings), most of what a 1,024-client server still allocated once its sockets' boxes were cached
 * (BENCHMARKS.md, "fourteenth session").
 *
 * <p>As {@link InputFastPath}, it declines anything else (fractions, exponents, {@code -0}, integers
 * beyond 2<sup>53</sup>, whose double would be rounded, other keys, escapes) and
 * {@link ClientMessageParser} parses the text strictly with Gson as before, so it never accepts what
 * the strict parser rejects and yields the same value.
 *
 * <p>Stateless and thread-safe: results go straight into the caller's {@link ClientMessage}.
 */
final class PingFastPath {
    /** 2^53: every integer up to this is exact in a double, as the strict parser's would be. */
    private static final long MAX_EXACT = 1L << 53;
    private static final int MAX_DIGITS = 16;

    private PingFastPath() {
    }

    /** Parses {@code text} into {@code out} (reset by the caller) and returns true, or returns false. */
    static boolean tryParse(CharSequence text, ClientMessage out) {
        int p = expect(text, 0, '{');
        p = expectKey(text, p, "type");
        p = expectLiteral(text, p, "\"Ping\"");
        p = expect(text, p, ',');
        p = expectKey(text, p, "data");
        p = expect(text, p, '{');
        if (p == DECLINED) {
            return false;
        }
        int afterBrace = skipWhitespace(text, p);
        if (afterBrace < text.length() && text.charAt(afterBrace) == '}') {
            p = afterBrace + 1; // no t: the Pong leaves it out, as for the strict parse
        } else {
            p = expectKey(text, p, "t");
            p = parseTime(text, skipWhitespace(text, p), out);
            p = expect(text, p, '}');
        }
        p = expect(text, p, '}');
        if (p == DECLINED || skipWhitespace(text, p) != text.length()) {
            return false;
        }
        out.kind(ClientMessage.Kind.PING);
        return true;
    }

    /** A plain integer whose double is exact; anything else declines. */
    private static int parseTime(CharSequence text, int p, ClientMessage out) {
        if (p == DECLINED) {
            return DECLINED;
        }
        boolean negative = p < text.length() && text.charAt(p) == '-';
        int start = negative ? p + 1 : p;
        int end = plainIntegerEnd(text, start, MAX_DIGITS);
        if (end == DECLINED) {
            return DECLINED;
        }
        long v = digitsValue(text, start, end);
        if (v > MAX_EXACT || (negative && v == 0)) {
            return DECLINED; // not exact in a double, or -0 (a double of its own)
        }
        out.pingT(negative ? -v : v);
        return end;
    }
}
