package org.jetraiders.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NameSanitizerTest {
    @Test
    void shouldKeepAPlainName() {
        assertEquals("Ada", NameSanitizer.sanitize("Ada"));
    }

    @Test
    void shouldTrimAndCollapseWhitespace() {
        assertEquals("Ada Lovelace", NameSanitizer.sanitize("  Ada \t\u00A0  Lovelace \n"));
    }

    @Test
    void shouldRemoveControlCharacters() {
        assertEquals("Ada", NameSanitizer.sanitize("A\u0000d\u0007a\u007F\u009B"));
        assertEquals("Ada[31m", NameSanitizer.sanitize("Ada\u001B[31m"));
    }

    @Test
    void shouldTurnLineBreaksAndSeparatorsIntoOneSpace() {
        assertEquals("Ada Lovelace", NameSanitizer.sanitize("Ada\r\n\u2028\u2029Lovelace"));
    }

    @Test
    void shouldRemoveBidiOverridesAndOtherFormatCharacters() {
        assertEquals("evilgnp.exe", NameSanitizer.sanitize("evil\u202Egnp.exe"));
        assertEquals("AB", NameSanitizer.sanitize("\u2066A\u200B\uFEFFB\u2069\u200E"));
    }

    @Test
    void shouldRemoveUnpairedSurrogates() {
        assertEquals("ab", NameSanitizer.sanitize("a\uD83Db\uDE00"));
    }

    @Test
    void shouldKeepEmojiWhole() {
        String rocket = "\uD83D\uDE80";
        assertEquals("Ace " + rocket, NameSanitizer.sanitize("Ace " + rocket));
    }

    @Test
    void shouldKeepZeroWidthJoinerInsideEmojiSequence() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals(family, NameSanitizer.sanitize(family));
    }

    @Test
    void shouldDropDanglingZeroWidthJoiners() {
        assertEquals("A B", NameSanitizer.sanitize("\u200DA\u200D B\u200D"));
    }

    @Test
    void shouldCapAtTwentyFourCodePoints() {
        String name = NameSanitizer.sanitize("abcdefghijklmnopqrstuvwxyz");
        assertEquals("abcdefghijklmnopqrstuvwx", name);
    }

    @Test
    void shouldNotSplitSurrogatePairsAtTheCap() {
        String rocket = "\uD83D\uDE80";
        String name = NameSanitizer.sanitize(rocket.repeat(30));
        assertEquals(rocket.repeat(NameSanitizer.MAX_CODE_POINTS), name);
        assertEquals(NameSanitizer.MAX_CODE_POINTS, name.codePointCount(0, name.length()));
        assertEquals(48, name.length());
    }

    @Test
    void shouldNotEndWithASpaceWhenCapped() {
        String name = NameSanitizer.sanitize("a".repeat(23) + " bcd");
        assertEquals("a".repeat(23), name);
    }

    @Test
    void shouldReturnNullForNullBlankOrInvisibleNames() {
        assertNull(NameSanitizer.sanitize(null));
        assertNull(NameSanitizer.sanitize(""));
        assertNull(NameSanitizer.sanitize("   \t\n"));
        assertNull(NameSanitizer.sanitize("\u202E\u0000\u200D"));
    }
}
