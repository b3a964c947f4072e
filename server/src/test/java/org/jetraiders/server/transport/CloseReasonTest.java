package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.jetraiders.server.metrics.LabelledCounter;
import org.junit.jupiter.api.Test;

/** Clients choose their close codes, not our metric labels. */
class CloseReasonTest {

    @Test
    void shouldMapEveryPossibleClientCloseCodeIntoAFixedSetOfLabels() {
        Set<String> seen = new HashSet<>();
        for (int code = -1; code <= 65_536; code++) {
            String label = CloseReason.labelForRemoteClose(code);
            assertTrue(CloseReason.REMOTE_LABELS.contains(label), code + " -> " + label);
            seen.add(label);
        }
        assertEquals(Set.copyOf(CloseReason.REMOTE_LABELS), seen, "every label is reachable");
        int serverLabels = CloseReason.values().length;
        assertTrue(serverLabels + seen.size() < LabelledCounter.MAX_LABELS,
                "our reasons and the clients' fit the label table with room to spare");
    }

    @Test
    void shouldNameTheStandardCodesByMeaning() {
        assertEquals("client_closed", CloseReason.labelForRemoteClose(1000));
        assertEquals("client_closed", CloseReason.labelForRemoteClose(1005));
        assertEquals("client_going_away", CloseReason.labelForRemoteClose(1001));
        assertEquals("connection_lost", CloseReason.labelForRemoteClose(1006));
        assertEquals("frame_too_large", CloseReason.labelForRemoteClose(1009));
        assertEquals("client_application_code", CloseReason.labelForRemoteClose(3000));
        assertEquals("client_application_code", CloseReason.labelForRemoteClose(4999));
        assertEquals("client_error", CloseReason.labelForRemoteClose(1011));
        assertEquals("client_invalid_code", CloseReason.labelForRemoteClose(5000));
    }
}
