package org.jetraiders.server.protocol.json;

import java.nio.charset.StandardCharsets;
import org.jetraiders.engine.EncodedBuffer;

/**
 * Allocation-free JSON writing into byte arrays: integers, fixed-point decimals and escaped UTF-8
 * strings. Pure functions over the caller's buffer; no state.
 */
final class JsonBytes {
    /** Largest magnitude {@link #putFixed} writes; bigger values (and infinities) are clamped to it. */
    static final double MAX_FIXED_MAGNITUDE = 1e14;
    /** Room for any long: sign plus 19 digits. */
    static final int MAX_LONG_CHARS = 20;
    /** Most bytes {@link #writeQuotedLong} writes. */
    static final int MAX_QUOTED_LONG_CHARS = MAX_LONG_CHARS + 2;

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};
    private static final byte[] LONG_MIN = ascii(Long.toString(Long.MIN_VALUE));
    private static final byte[] HEX = ascii("0123456789abcdef");

    private JsonBytes() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void put(EncodedBuffer out, byte[] constant) {
        out.put(constant, 0, constant.length);
    }

    /** Writes {@code v} in decimal at {@code pos}; {@code dst} needs {@link #MAX_LONG_CHARS} free bytes. Returns the new position. */
    static int writeLong(byte[] dst, int pos, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                System.arraycopy(LONG_MIN, 0, dst, pos, LONG_MIN.length);
                return pos + LONG_MIN.length;
            }
            dst[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            dst[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        return end;
    }

    /** Most bytes {@link #writeFixed} writes for {@code decimals} digits after the point. */
    static int maxFixedChars(int decimals) {
        return MAX_LONG_CHARS + 1 + decimals;
    }

    /** Copies a constant at {@code pos}; returns the new position. The caller has made room. */
    static int write(byte[] dst, int pos, byte[] constant) {
        System.arraycopy(constant, 0, dst, pos, constant.length);
        return pos + constant.length;
    }

    /** Writes {@code "<v>"}; returns the new position. The caller has made room. */
    static int writeQuotedLong(byte[] dst, int pos, long v) {
        dst[pos++] = '"';
        pos = writeLong(dst, pos, v);
        dst[pos++] = '"';
        return pos;
    }

    static void putLong(EncodedBuffer out, long v) {
        byte[] dst = out.ensureCapacity(out.length() + MAX_LONG_CHARS);
        out.setLength(writeLong(dst, out.length(), v));
    }

    /** Writes {@code v} as a JSON string of decimal digits: {@code "7"}. */
    static void putQuotedLong(EncodedBuffer out, long v) {
        byte[] dst = out.ensureCapacity(out.length() + MAX_QUOTED_LONG_CHARS);
        out.setLength(writeQuotedLong(dst, out.length(), v));
    }

    /**
     * Writes {@code v} with exactly {@code decimals} (0..6) digits after the point, rounding half away
     * from zero. Never writes {@code -0.00}; NaN is written as zero and magnitudes above
     * {@link #MAX_FIXED_MAGNITUDE} (including infinities) as that bound, so the output is always a valid
     * JSON number.
     */
    static void putFixed(EncodedBuffer out, double v, int decimals) {
        byte[] dst = out.ensureCapacity(out.length() + maxFixedChars(decimals));
        out.setLength(writeFixed(dst, out.length(), v, decimals));
    }

    /** {@link #putFixed} at {@code pos}, which has {@link #maxFixedChars} bytes of room; returns the new position. */
    static int writeFixed(byte[] dst, int pos, double v, int decimals) {
        boolean negative = v < 0;
        double abs = negative ? -v : v;
        if (!(abs <= MAX_FIXED_MAGNITUDE)) { // also NaN
            abs = Double.isNaN(abs) ? 0 : MAX_FIXED_MAGNITUDE;
        }
        long unit = POW10[decimals];
        long scaled = (long) (abs * unit + 0.5);
        long intPart = scaled / unit;
        long frac = scaled - intPart * unit;
        if (negative && scaled != 0) {
            dst[pos++] = '-';
        }
        pos = writeLong(dst, pos, intPart);
        if (decimals > 0) {
            dst[pos] = '.';
            for (int i = pos + decimals; i > pos; i--) {
                dst[i] = (byte) ('0' + (frac % 10));
                frac /= 10;
            }
            pos += decimals + 1;
        }
        return pos;
    }

    /**
     * Writes {@code s} as a quoted JSON string in UTF-8: escapes quote, backslash and control
     * characters; a lone surrogate becomes U+FFFD. {@code null} is written as {@code ""}.
     */
    static void putString(EncodedBuffer out, String s) {
        int n = s == null ? 0 : s.length();
        // worst case per char: 6 bytes (\u001f); a surrogate pair takes 4 bytes for 2 chars
        byte[] dst = out.ensureCapacity(out.length() + 2 + 6 * n);
        int pos = out.length();
        dst[pos++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    dst[pos++] = (byte) c;
                } else {
                    pos = writeEscape(dst, pos, c);
                }
            } else if (c < 0x800) {
                dst[pos++] = (byte) (0xC0 | (c >> 6));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[pos++] = (byte) (0xF0 | (cp >> 18));
                dst[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                dst[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                dst[pos++] = (byte) (0xE0 | (cp >> 12));
                dst[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        dst[pos++] = '"';
        out.setLength(pos);
    }

    private static int writeEscape(byte[] dst, int pos, char c) {
        dst[pos++] = '\\';
        switch (c) {
            case '"' -> dst[pos++] = '"';
            case '\\' -> dst[pos++] = '\\';
            case '\n' -> dst[pos++] = 'n';
            case '\r' -> dst[pos++] = 'r';
            case '\t' -> dst[pos++] = 't';
            case '\b' -> dst[pos++] = 'b';
            case '\f' -> dst[pos++] = 'f';
            default -> {
                dst[pos++] = 'u';
                dst[pos++] = '0';
                dst[pos++] = '0';
                dst[pos++] = HEX[c >> 4];
                dst[pos++] = HEX[c & 0xF];
            }
        }
        return pos;
    }
}
