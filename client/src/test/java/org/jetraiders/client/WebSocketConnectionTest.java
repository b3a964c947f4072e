package org.jetraiders.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** How the Java-WebSocket client's close callbacks become a {@link CloseInfo}. */
class WebSocketConnectionTest {
    private static final CloseInfo ASKED = new CloseInfo(1001, "page reload", false);

    @Test
    void shouldReportTheAskedCloseWhenTheLibraryRacesItsOwnCloseIntoAnAbnormalEnd() {
        assertSame(ASKED, WebSocketConnection.reported(1006, "", true, ASKED));
    }

    @Test
    void shouldReportTheAskedCloseWhenTheLibraryDecodesTheServersEchoOfIt() {
        // the read thread was inside a read when this client closed: it decodes the echo, "remote"
        assertSame(ASKED, WebSocketConnection.reported(1001, "", true, ASKED));
    }

    @Test
    void shouldReportWhatTheServerSentWhenItsCloseCrossedOurs() {
        assertEquals(new CloseInfo(1008, "lobby full", true), WebSocketConnection.reported(1008, "lobby full", true, ASKED));
    }

    @Test
    void shouldReportAnAbnormalEndAsSuchWhenThisClientAskedForNoClose() {
        assertEquals(new CloseInfo(1006, "", true), WebSocketConnection.reported(1006, "", true, null));
    }
}
