package org.jetraiders.server.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LobbyCreatorsTest {
    private static final InetAddress A = address(10, 0, 0, 1);
    private static final InetAddress B = address(10, 0, 0, 2);

    private static InetAddress address(int... octets) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) octets[0], (byte) octets[1], (byte) octets[2], (byte) octets[3]});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldRefuseAnAddressAtItsCapWithoutLimitingOthers() {
        LobbyCreators creators = new LobbyCreators(2);
        assertTrue(creators.tryClaim(A));
        assertTrue(creators.tryClaim(A));

        assertFalse(creators.tryClaim(A), "a third open lobby from A");
        assertEquals(2, creators.openFrom(A), "a refused claim takes nothing");
        assertTrue(creators.tryClaim(B), "B has its own places");
    }

    @Test
    void shouldFreeAPlaceWhenALobbyOfTheAddressRetires() {
        LobbyCreators creators = new LobbyCreators(1);
        assertTrue(creators.tryClaim(A));
        assertFalse(creators.tryClaim(A));

        creators.release(A);

        assertEquals(0, creators.openFrom(A));
        assertTrue(creators.tryClaim(A));
    }

    @Test
    void shouldNotLimitWhenTheCapIsZero() {
        LobbyCreators creators = new LobbyCreators(0);
        for (int i = 0; i < 100; i++) {
            assertTrue(creators.tryClaim(A));
        }
        assertEquals(100, creators.openFrom(A));
    }
}
