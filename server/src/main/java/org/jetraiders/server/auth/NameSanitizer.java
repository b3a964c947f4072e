package org.jetraiders.server.auth;

/**
 * Makes a user-supplied display name safe to show to other players and to log.
 *
 * <ul>
 *   <li>Control, format, unpaired-surrogate, line- and paragraph-separator code points are removed
 *       (this covers bidi overrides such as U+202E); whitespace-like ones (tab, newline, U+2028,
 *       U+2029) count as a space so words do not run together.</li>
 *   <li>The zero-width joiner and non-joiner (U+200D, U+200C) are kept only between two visible
 *       code points, so emoji sequences and scripts that need them survive.</li>
 *   <li>Runs of whitespace (including no-break spaces) collapse to one space; the result is trimmed.</li>
 *   <li>At most {@link #MAX_CODE_POINTS} code points are kept; a surrogate pair is never split.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class NameSanitizer {
    /** Longest name kept, in Unicode code points. */
    public static final int MAX_CODE_POINTS = 24;

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private NameSanitizer() {
    }

    /**
     * @param raw a name as received; may be null
     * @return the sanitised name, or null if nothing printable is left (the caller picks a default)
     */
    public static String sanitize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_CODE_POINTS * 2));
        int kept = 0;
        boolean pendingSpace = false;
        int pendingJoiner = 0;
        for (int i = 0; i < raw.length() && kept < MAX_CODE_POINTS; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = kept > 0;
                pendingJoiner = 0;
                continue;
            }
            if (cp == ZWJ || cp == ZWNJ) {
                // only meaningful right after a visible code point; dropped if nothing visible follows
                pendingJoiner = kept > 0 && !pendingSpace ? cp : 0;
                continue;
            }
            if (isRemoved(cp)) {
                continue;
            }
            int needed = 1 + (pendingSpace ? 1 : 0) + (pendingJoiner != 0 ? 1 : 0);
            if (kept + needed > MAX_CODE_POINTS) {
                break;
            }
            if (pendingSpace) {
                out.append(' ');
            } else if (pendingJoiner != 0) {
                out.appendCodePoint(pendingJoiner);
            }
            out.appendCodePoint(cp);
            kept += needed;
            pendingSpace = false;
            pendingJoiner = 0;
        }
        return kept == 0 ? null : out.toString();
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean isRemoved(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
