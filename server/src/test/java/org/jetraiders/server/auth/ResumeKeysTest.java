package org.jetraiders.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeKeysTest {
    private static final byte[] SECRET = "a-secret-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);

    private final ResumeKeys keys = new ResumeKeys(SECRET);

    @Test
    void shouldGiveBackTheKeyItsTokenProves() {
        long key = keys.newAnonymousKey();

        String token = keys.tokenFor(key);

        assertEquals(key, keys.keyOfToken(token));
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
        assertTrue(token.length() <= ResumeKeys.MAX_TOKEN_LENGTH, token);
    }

    @Test
    void shouldRecogniseTokensAndSessionKeysAfterARestartWithTheSameSecret() {
        ResumeKeys restarted = new ResumeKeys(SECRET.clone());
        long key = keys.newAnonymousKey();

        assertEquals(key, restarted.keyOfToken(keys.tokenFor(key)));
        assertEquals(keys.keyOfSession("session-token-1"), restarted.keyOfSession("session-token-1"));
    }

    @Test
    void shouldRejectTokensOfAnotherSecret() {
        ResumeKeys other = new ResumeKeys("another-secret-of-16-bytes".getBytes(StandardCharsets.UTF_8));
        long key = keys.newAnonymousKey();

        assertEquals(0, other.keyOfToken(keys.tokenFor(key)));
        assertNotEquals(keys.keyOfSession("t"), other.keyOfSession("t"), "a session's key depends on the secret");
    }

    @Test
    void shouldRejectAForgedKeyWithAnotherKeysTag() {
        String token = keys.tokenFor(1234);
        String sameKey = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {0, 0, 0, 0, 0, 0, 0x04, (byte) 0xd2});
        String tag = token.substring(token.indexOf('.') + 1);

        assertEquals(1234, keys.keyOfToken(sameKey + "." + tag), "the same key, written as it is written");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {0, 0, 0, 0, 0, 0, 0x04, (byte) 0xd3});
        assertEquals(0, keys.keyOfToken(forged + "." + tag));
    }

    @Test
    void shouldRejectMalformedTokensWithoutThrowing() {
        String good = keys.tokenFor(99);
        for (String bad : new String[] {null, "", ".", "abc", "a.b.c", good + "x", "x" + good, good.replace('.', '!'),
                "!!!!!!!!.!!!!", "AAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "A".repeat(ResumeKeys.MAX_TOKEN_LENGTH + 1),
                good.substring(0, good.indexOf('.')) + "." }) {
            assertEquals(0, keys.keyOfToken(bad), String.valueOf(bad));
        }
    }

    @Test
    void shouldDeriveOneNonZeroKeyPerSessionToken() {
        assertEquals(keys.keyOfSession("token-a"), keys.keyOfSession("token-a"));
        assertNotEquals(keys.keyOfSession("token-a"), keys.keyOfSession("token-b"));
        assertNotEquals(0, keys.keyOfSession(""));
    }

    @Test
    void shouldMakeDistinctNonZeroAnonymousKeys() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long key = keys.newAnonymousKey();
            assertNotEquals(0, key);
            assertTrue(seen.add(key), "repeated key " + key);
        }
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThrows(IllegalArgumentException.class, () -> new ResumeKeys(new byte[GuestAuth.MIN_SECRET_BYTES - 1]));
        assertThrows(IllegalArgumentException.class, () -> new ResumeKeys(null));
    }
}
