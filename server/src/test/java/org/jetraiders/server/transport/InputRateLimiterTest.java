package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InputRateLimiterTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long START = 1_000_000 * MS;

    @Test
    void shouldAcceptUpToTheBurstThenDrop() {
        InputRateLimiter limiter = new InputRateLimiter(120, 3000 * MS, START);
        for (int i = 0; i < 120; i++) {
            assertEquals(InputRateLimiter.Verdict.ACCEPT, limiter.onMessage(START));
        }
        assertEquals(InputRateLimiter.Verdict.DROP, limiter.onMessage(START));
    }

    @Test
    void shouldCloseASustainedFloodEvenWithShortPauses() {
        InputRateLimiter limiter = new InputRateLimiter(120, 1000 * MS, START);
        long now = START;
        InputRateLimiter.Verdict last = InputRateLimiter.Verdict.ACCEPT;
        // 20 messages every 20 ms (1000/s) for 3 s: every pause refills more than two tokens
        for (int batch = 0; batch < 150 && last != InputRateLimiter.Verdict.CLOSE; batch++) {
            now += 20 * MS;
            for (int i = 0; i < 20 && last != InputRateLimiter.Verdict.CLOSE; i++) {
                last = limiter.onMessage(now);
            }
        }
        assertEquals(InputRateLimiter.Verdict.CLOSE, last);
        assertEquals(true, now - START <= 1200 * MS, "closed about floodCloseAfter after the drops began");
    }

    @Test
    void shouldNotCloseBurstsSeparatedByQuietTime() {
        InputRateLimiter limiter = new InputRateLimiter(120, 1000 * MS, START);
        long now = START;
        for (int burst = 0; burst < 10; burst++) {
            for (int i = 0; i < 300; i++) {
                InputRateLimiter.Verdict v = limiter.onMessage(now);
                assertEquals(true, v != InputRateLimiter.Verdict.CLOSE, "burst " + burst);
            }
            now += 1500 * MS; // quiet: the bucket refills and the flood is over
        }
    }

    @Test
    void shouldNeverPunishAClientAtTheGodotRate() {
        InputRateLimiter limiter = new InputRateLimiter(120, 1000 * MS, START);
        long now = START;
        for (int i = 0; i < 60 * 30; i++) {
            now += 16_666_667L;
            assertEquals(InputRateLimiter.Verdict.ACCEPT, limiter.onMessage(now));
        }
    }
}
