package org.jetraiders.server.protocol.json;

import static org.jetraiders.server.protocol.json.JsonScan.DECLINED;
import static org.jetraiders.server.protocol.json.JsonScan.digitsValue;
import static org.jetraiders.server.protocol.json.JsonScan.expect;
import static org.jetraiders.server.protocol.json.JsonScan.expectKey;
import static org.jetraiders.server.protocol.json.JsonScan.expectLiteral;
import static org.jetraiders.server.protocol.json.JsonScan.isDigit;
import static org.jetraiders.server.protocol.json.JsonScan.plainIntegerEnd;
import static org.jetraiders.server.protocol.json.JsonScan.skipWhitespace;
import static org.jetraiders.server.protocol.json.JsonScan.startsWith;

/**
 * An allocation-free parser for the one message that arrives 60 times a second per client:
 * {@code {"type":"Input","data":{"thrust":..,"turn":..,"shoot":..,"seq":..}}} in its plain form
 * ({@code type} before {@code data}, data keys in any order but each at most once, no escapes, plain
 * numbers of up to 15 significant digits). Anything else — other types, unknown or repeated keys,
 * nulls, long or huge numbers, any error — makes it decline, and {@link ClientMessageParser} parses
 * the text strictly with Gson as before. So it only speeds up the common case: it never accepts what
 * the strict parser rejects, and it yields the same values (numbers are converted with one correctly
 * rounded operation on exact operands, as {@code Double.parseDouble} would round them).
 *
 * <p>Stateless and thread-safe: results go straight into the caller's {@link ClientMessage}.
 */
final class InputFastPath {
    private static final int MAX_SIGNIFICANT_DIGITS = 15; // a 15-digit mantissa is exact in a double
    private static final int MAX_SEQ_DIGITS = 18;         // fits a long without overflow checks
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final String[] FIELDS = {"thrust", "turn", "shoot", "seq"};
    private static final int THRUST = 0;
    private static final int TURN = 1;
    private static final int SHOOT = 2;

    private InputFastPath() {
    }

    /**
     * Parses {@code text} into {@code out} (reset by the caller) and returns true, or returns false —
     * leaving {@code out} partly written, so reset it — to let the strict parser decide.
     */
    static boolean tryParse(CharSequence text, ClientMessage out) {
        int p = expect(text, 0, '{');
        p = expectKey(text, p, "type");
        p = expectLiteral(text, p, "\"Input\"");
        p = expect(text, p, ',');
        p = expectKey(text, p, "data");
        p = expect(text, p, '{');
        if (p == DECLINED) {
            return false;
        }
        p = skipWhitespace(text, p);
        if (p < text.length() && text.charAt(p) == '}') {
            p++;
        } else {
            int seen = 0;
            while (true) {
                p = skipWhitespace(text, p);
                int field = fieldAt(text, p);
                if (field < 0 || (seen & (1 << field)) != 0) {
                    return false; // unknown or repeated key
                }
                seen |= 1 << field;
                p = expect(text, p + FIELDS[field].length() + 2, ':');
                if (p == DECLINED) {
                    return false;
                }
                p = skipWhitespace(text, p);
                p = switch (field) {
                    case THRUST, TURN -> parseUnitNumber(text, p, field, out);
                    case SHOOT -> parseBoolean(text, p, out);
                    default -> parseSeq(text, p, out);
                };
                p = skipWhitespace(text, p);
                if (p == DECLINED || p >= text.length()) {
                    return false;
                }
                char c = text.charAt(p++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    return false;
                }
            }
        }
        p = expect(text, p, '}');
        if (p == DECLINED || skipWhitespace(text, p) != text.length()) {
            return false;
        }
        out.kind(ClientMessage.Kind.INPUT);
        return true;
    }

    private static int fieldAt(CharSequence text, int p) {
        if (p >= text.length() || text.charAt(p) != '"') {
            return -1;
        }
        for (int f = 0; f < FIELDS.length; f++) {
            String key = FIELDS[f];
            int close = p + 1 + key.length();
            if (close < text.length() && text.charAt(close) == '"' && startsWith(text, key, p + 1)) {
                return f;
            }
        }
        return -1;
    }

    /** A JSON number with few enough digits to convert exactly, clamped to [-1, 1]. */
    private static int parseUnitNumber(CharSequence text, int p, int field, ClientMessage out) {
        int n = text.length();
        boolean negative = p < n && text.charAt(p) == '-';
        if (negative) {
            p++;
        }
        if (p >= n || !isDigit(text.charAt(p))) {
            return DECLINED;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        if (text.charAt(p) == '0') {
            p++; // JSON: a leading zero stands alone
        } else {
            while (p < n && isDigit(text.charAt(p))) {
                if (++significant > MAX_SIGNIFICANT_DIGITS) {
                    return DECLINED;
                }
                mantissa = mantissa * 10 + (text.charAt(p++) - '0');
            }
        }
        if (p < n && text.charAt(p) == '.') {
            p++;
            if (p >= n || !isDigit(text.charAt(p))) {
                return DECLINED;
            }
            while (p < n && isDigit(text.charAt(p))) {
                char d = text.charAt(p++);
                if (mantissa == 0 && d == '0') {
                    exponent--; // leading zeros of a fraction are not significant
                    continue;
                }
                if (++significant > MAX_SIGNIFICANT_DIGITS) {
                    return DECLINED;
                }
                mantissa = mantissa * 10 + (d - '0');
                exponent--;
            }
        }
        if (p < n && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
            p++;
            boolean negativeExponent = p < n && text.charAt(p) == '-';
            if (p < n && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
                p++;
            }
            if (p >= n || !isDigit(text.charAt(p))) {
                return DECLINED;
            }
            int e = 0;
            while (p < n && isDigit(text.charAt(p))) {
                if (e > 1000) {
                    return DECLINED;
                }
                e = e * 10 + (text.charAt(p++) - '0');
            }
            exponent += negativeExponent ? -e : e;
        }
        double value;
        if (mantissa == 0) {
            value = 0;
        } else if (exponent >= 0 && exponent < POWERS_OF_TEN.length) {
            value = mantissa * POWERS_OF_TEN[exponent];
        } else if (exponent < 0 && -exponent < POWERS_OF_TEN.length) {
            value = mantissa / POWERS_OF_TEN[-exponent];
        } else {
            return DECLINED;
        }
        if (negative) {
            value = -value;
        }
        double clamped = value < -1 ? -1 : (value > 1 ? 1 : value);
        if (field == THRUST) {
            out.thrust(clamped);
        } else {
            out.turn(clamped);
        }
        return p;
    }

    private static int parseBoolean(CharSequence text, int p, ClientMessage out) {
        if (startsWith(text, "true", p)) {
            out.shoot(true);
            return p + 4;
        }
        if (startsWith(text, "false", p)) {
            out.shoot(false);
            return p + 5;
        }
        return DECLINED;
    }

    /** A plain non-negative integer; fractions, exponents and long numbers go to the strict parser. */
    private static int parseSeq(CharSequence text, int p, ClientMessage out) {
        int end = plainIntegerEnd(text, p, MAX_SEQ_DIGITS);
        if (end == DECLINED) {
            return DECLINED;
        }
        out.seq(digitsValue(text, p, end));
        return end;
    }
}
