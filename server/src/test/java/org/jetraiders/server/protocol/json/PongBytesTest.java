package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PongBytesTest {
    private final byte[] dst = new byte[PongBytes.MAX_LENGTH];

    private void assertSameAsGson(double t, long serverTime) {
        int length = PongBytes.write(dst, t, serverTime);
        assertEquals(ServerMessages.pong(t, serverTime), new String(dst, 0, length, StandardCharsets.US_ASCII),
                "t " + t + ", server time " + serverTime);
    }

    @Test
    void shouldWriteTheSameTextAsGsonForEveryTimeThePingFastPathYields() {
        assertSameAsGson(51234, 1_732_420_000_123L);
        assertSameAsGson(Double.NaN, 1_732_420_000_123L);
        assertSameAsGson(0, 0);
        assertSameAsGson(-0.0, 1);
        assertSameAsGson(-42, -7);
        assertSameAsGson(9_007_199_254_740_992d, Long.MAX_VALUE);
        assertSameAsGson(-9_007_199_254_740_992d, Long.MIN_VALUE); // the longest: MAX_LENGTH must hold it
        SplittableRandom random = new SplittableRandom(53);
        for (int i = 0; i < 10_000; i++) {
            assertSameAsGson(random.nextLong(-(1L << 53), (1L << 53) + 1), random.nextLong());
        }
    }

    @Test
    void shouldLeaveOtherNumbersToGson() {
        assertEquals(-1, PongBytes.write(dst, 1.5, 1));
        assertEquals(-1, PongBytes.write(dst, 9_007_199_254_740_994d, 1));
        assertEquals(-1, PongBytes.write(dst, Double.POSITIVE_INFINITY, 1));
        assertEquals(-1, PongBytes.write(dst, Double.NEGATIVE_INFINITY, 1));
    }
}
