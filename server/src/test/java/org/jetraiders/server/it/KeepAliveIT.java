package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.jetraiders.server.it.support.RawWebSocket;
import org.jetraiders.server.it.support.RawWebSocket.Frame;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's own WebSocket keep-alive: a ping every {@code --ping-interval-seconds} (the first a second
 * after joining, riding in the tick's write), and a connection that leaves pings unanswered for 1.5
 * intervals is cut and counted as {@code connection_lost}, in a lobby or before joining, while a client
 * that answers stays.
 */
class KeepAliveIT {
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldPingAPlayerInItsTicksAndCutItWhenItNeverAnswersWhileOneThatAnswersStays() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().connectionLostTimeout(Duration.ofSeconds(1)));
        ServerMetrics metrics = fixture.server().metrics();
        TestClient answering = fixture.joined("keepalive", "Answers"); // the client library answers pings

        try (RawWebSocket silent = RawWebSocket.connect(fixture.server().webSocketPort(), "/ws?lobby_id=keepalive")) {
            silent.sendText("{\"type\":\"Join\",\"data\":{\"name\":\"Silent\"}}");
            Frame ping = readUntilPing(silent);
            assertEquals(8, ping.payload().length, "our pings carry an 8-byte stamp");

            ServerFixture.awaitCondition("the silent player cut as connection_lost", Duration.ofSeconds(15),
                    () -> metrics.disconnects("connection_lost") == 1);
        }
        // the answering client joined first, so it has been through at least as many pings
        assertTrue(answering.isOpen(), "the client that answers pings is still connected");
        assertEquals(1, metrics.disconnects("connection_lost"), "only the silent one: " + metrics.disconnectsByReason());
        long seen = answering.worldUpdateCount();
        ServerFixture.awaitCondition("the answering client still gets snapshots", Duration.ofSeconds(10),
                () -> answering.worldUpdateCount() > seen + 60);
    }

    @Test
    void shouldPingAConnectionThatHasNotJoinedAndCutItWhenItNeverAnswers() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().connectionLostTimeout(Duration.ofSeconds(1))
                .joinTimeout(Duration.ofSeconds(120))); // so only the keep-alive can close it
        ServerMetrics metrics = fixture.server().metrics();
        try (RawWebSocket silent = RawWebSocket.connect(fixture.server().webSocketPort(), "/ws")) {
            Frame ping = readUntilPing(silent);
            assertEquals(Frame.PING, ping.opcode());
            ServerFixture.awaitCondition("the silent connection cut as connection_lost", Duration.ofSeconds(15),
                    () -> metrics.disconnects("connection_lost") == 1);
        }
        assertEquals(0, metrics.disconnects("join_timeout"));
    }

    private static Frame readUntilPing(RawWebSocket socket) throws IOException {
        for (int i = 0; i < 10_000; i++) {
            Frame frame = socket.readFrame(); // fails after the socket's 10 s timeout
            if (frame.opcode() == Frame.PING) {
                return frame;
            }
        }
        throw new AssertionError("no ping among 10,000 frames");
    }
}
