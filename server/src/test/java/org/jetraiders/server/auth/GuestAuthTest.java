package org.jetraiders.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GuestAuthTest {
    private static final Duration TTL = Duration.ofHours(1);

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final GuestAuth auth = new GuestAuth(GuestAuth.randomSecret(), now::get, TTL);

    @Test
    void shouldVerifyAnIssuedToken() {
        long id = auth.newGuestId();
        String token = auth.issueToken(id, "Ada");

        assertEquals(Optional.of(new GuestIdentity(id, "Ada")), auth.verify(token));
    }

    @Test
    void shouldSanitizeTheNameInTheToken() {
        String token = auth.issueToken(7, " Ada\u202E\n Lovelace|x ");

        assertEquals("Ada Lovelace|x", auth.verify(token).orElseThrow().displayName());
    }

    @Test
    void shouldUseDefaultNameWhenNameIsBlank() {
        assertEquals("guest-7", auth.verify(auth.issueToken(7, "  ")).orElseThrow().displayName());
        assertEquals("guest-8", auth.verify(auth.issueToken(8, null)).orElseThrow().displayName());
    }

    @Test
    void shouldRejectAForgedSignature() {
        String token = auth.issueToken(1, "Ada");
        String payload = token.substring(0, token.indexOf('.'));
        String otherSig = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        assertTrue(auth.verify(payload + "." + otherSig).isEmpty());
    }

    @Test
    void shouldRejectATokenSignedWithAnotherSecret() {
        GuestAuth other = new GuestAuth(GuestAuth.randomSecret(), now::get, TTL);

        assertTrue(auth.verify(other.issueToken(1, "Ada")).isEmpty());
    }

    @Test
    void shouldRejectATamperedPayload() {
        String token = auth.issueToken(1, "Ada");
        String sig = token.substring(token.indexOf('.') + 1);
        long expiresFarAway = now.get() + Duration.ofDays(365).toMillis();
        String forged = "1|1|" + now.get() + "|" + expiresFarAway + "|Ada";
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8));

        assertTrue(auth.verify(encoded + "." + sig).isEmpty());
    }

    @Test
    void shouldRejectAnExpiredToken() {
        String token = auth.issueToken(1, "Ada");
        now.addAndGet(TTL.toMillis() - 1);
        assertTrue(auth.verify(token).isPresent());

        now.addAndGet(1);
        assertTrue(auth.verify(token).isEmpty());
    }

    @Test
    void shouldRejectGarbageWithoutThrowing() {
        List<String> garbage = List.of("", ".", "..", "abc", "a.b", "a.b.c", ".abc", "abc.",
                "!!!.???", "\u0000.\u0000", "ééé.ééé", "%%%%", " . ");
        for (String token : garbage) {
            assertTrue(auth.verify(token).isEmpty(), token);
        }
        assertTrue(auth.verify(null).isEmpty());
    }

    @Test
    void shouldRejectAnOverlongToken() {
        String token = auth.issueToken(1, "Ada");
        String padded = token + "A".repeat(GuestAuth.MAX_TOKEN_LENGTH - token.length() + 1);

        assertTrue(auth.verify(padded).isEmpty());
    }

    @Test
    void shouldKeepTokensOfLongNamesWellUnderTheLengthLimit() {
        String token = auth.issueToken(Long.MAX_VALUE, "\uD83D\uDE80".repeat(40));

        assertTrue(token.length() <= GuestAuth.MAX_TOKEN_LENGTH, () -> "length " + token.length());
        assertTrue(auth.verify(token).isPresent());
    }

    @Test
    void shouldIssuePositiveIncreasingGuestIds() {
        long first = auth.newGuestId();
        long second = auth.newGuestId();

        assertEquals(1, first);
        assertTrue(second > first);
    }

    @Test
    void shouldIssueUniqueGuestIdsAcrossThreads() throws InterruptedException {
        int threads = 8;
        int perThread = 1000;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    ids.add(auth.newGuestId());
                }
            });
            workers[t].start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertEquals(threads * perThread, ids.size());
        assertEquals(threads * perThread, java.util.Collections.max(ids));
    }

    @Test
    void shouldIssueDifferentSecretsEachTime() {
        assertEquals(32, GuestAuth.randomSecret().length);
        assertFalse(Arrays.equals(GuestAuth.randomSecret(), GuestAuth.randomSecret()));
    }

    @Test
    void shouldRefuseWeakConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new GuestAuth(new byte[8], now::get, TTL));
        assertThrows(IllegalArgumentException.class,
                () -> new GuestAuth(GuestAuth.randomSecret(), now::get, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> auth.issueToken(0, "Ada"));
    }
}
