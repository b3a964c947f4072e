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
