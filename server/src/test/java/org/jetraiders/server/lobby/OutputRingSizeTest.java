package org.jetraiders.server.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A lobby's output ring holds half a second of snapshots, in a power of two of at least 16 slots. */
class OutputRingSizeTest {
    @Test
    void shouldHoldHalfASecondAtTheCommonTickRates() {
        assertEquals(32, LobbyManager.outputRingSize(60));
        assertEquals(16, LobbyManager.outputRingSize(30));
        assertEquals(64, LobbyManager.outputRingSize(120));
        assertEquals(32, LobbyManager.outputRingSize(64), "exactly half a second needs no rounding up");
    }

    @Test
    void shouldNeverGoBelowSixteenSlots() {
        assertEquals(16, LobbyManager.outputRingSize(1));
        assertEquals(16, LobbyManager.outputRingSize(20));
    }

    @Test
    void shouldBeAPowerOfTwoCoveringHalfASecondButNotMuchMoreThanOneAtAnyRate() {
        for (int hz = 1; hz <= 1000; hz++) {
            int slots = LobbyManager.outputRingSize(hz);
            assertEquals(1, Integer.bitCount(slots), hz + " Hz: " + slots + " slots is not a power of two");
            assertTrue(slots >= hz * 0.5, hz + " Hz: " + slots + " slots hold less than half a second");
            assertTrue(slots == 16 || slots < hz, hz + " Hz: " + slots + " slots hold a second or more");
        }
    }
}
