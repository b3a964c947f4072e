package org.jetraiders.server.protocol.json;

/**
 * What the allocation-free parsers ({@link InputFastPath}, {@link PingFastPath}) share: steps over a
 * JSON text that return the position after what they matched, or {@link #DECLINED} when the text is
 * not what they expect (and pass {@link #DECLINED} on, so a parser can chain them and test once).
 *
 * <p>Stateless and thread-safe.
 */
final class JsonScan {
    /** The text is not in the form a fast path takes: the strict parser decides. */
    static final int DECLINED = -1;

    private JsonScan() {
    }

    static int expectKey(CharSequence text, int p, String key) {
        if (p == DECLINED) {
            return DECLINED;
        }
        p = skipWhitespace(text, p);
        int close = p + key.length() + 1;
        if (close >= text.length() || text.charAt(p) != '"' || text.charAt(close) != '"' || !startsWith(text, key, p + 1)) {
            return DECLINED;
        }
        return expect(text, close + 1, ':');
    }

    static int expectLiteral(CharSequence text, int p, String literal) {
        if (p == DECLINED) {
            return DECLINED;
        }
        p = skipWhitespace(text, p);
        return startsWith(text, literal, p) ? p + literal.length() : DECLINED;
    }

    static int expect(CharSequence text, int p, char c) {
        if (p == DECLINED) {
            return DECLINED;
        }
        p = skipWhitespace(text, p);
        return p < text.length() && text.charAt(p) == c ? p + 1 : DECLINED;
    }

    static int skipWhitespace(CharSequence text, int p) {
        if (p == DECLINED) {
            return DECLINED;
        }
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            p++;
        }
        return p;
    }

    /**
     * The end of a plain unsigned integer at {@code p}: at least one and at most {@code maxDigits}
     * digits, no leading zero, not followed by a fraction or an exponent; else {@link #DECLINED}. Read
     * its value with {@link #digitsValue}.
     */
    static int plainIntegerEnd(CharSequence text, int p, int maxDigits) {
        if (p == DECLINED) {
            return DECLINED;
        }
        int n = text.length();
        int end = p;
        while (end < n && isDigit(text.charAt(end))) {
            end++;
        }
        int digits = end - p;
        if (digits == 0 || digits > maxDigits || (digits > 1 && text.charAt(p) == '0')) {
            return DECLINED;
        }
        if (end < n && (text.charAt(end) == '.' || text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            return DECLINED;
        }
        return end;
    }

    /** The value of the digits from {@code start} to {@code end}, at most 18 of them (no overflow). */
    static long digitsValue(CharSequence text, int start, int end) {
        long v = 0;
        for (int i = start; i < end; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean startsWith(CharSequence text, String prefix, int at) {
        if (at < 0 || at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
