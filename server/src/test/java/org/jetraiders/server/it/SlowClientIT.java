package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.server.it.support.Bystander;
import org.jetraiders.server.it.support.RawWebSocket;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client that stops reading costs only itself: others keep every snapshot, it is skipped, then closed. */
class SlowClientIT {
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldSkipAndThenCloseAClientThatStopsReadingWhileOthersKeepTheirSnapshots() throws Exception {
        // Many bots fill the sky with projectiles, so WorldUpdates are big (tens of KB) and the kernel's
        // socket buffers (up to 4 MB on loopback) fill within seconds, long before the server's
        // 15 s lost-connection check would cut the silent client for another reason.
        fixture = ServerFixture.start(ServerFixture.config().bots(40)
                .sendQueueLimitBytes(1024).slowClientTimeout(Duration.ofSeconds(2)));
        ServerMetrics metrics = fixture.server().metrics();
        LobbyMetrics lobby = fixture.server().lobbies().defaultLobby().lobby().metrics();
        Bystander healthy = new Bystander(fixture.joined(null, "Healthy"));
        healthy.mark();

        try (RawWebSocket stalled = RawWebSocket.connect(fixture.server().webSocketPort(), "/ws")) {
            stalled.sendText("{\"type\":\"Join\",\"data\":{\"name\":\"Stalled\"}}");
            // ...and never reads again

            ServerFixture.awaitCondition("snapshots skipped for the stalled client", Duration.ofSeconds(30),
                    () -> lobby.snapshotsSkipped() > 0);
            ServerFixture.awaitCondition("stalled client closed as too slow", Duration.ofSeconds(30),
                    () -> metrics.disconnects("too_slow") == 1);
            healthy.assertUnaffected();
        }
        assertTrue(fixture.get("/metrics").body().contains("jetraiders_disconnects_total{reason=\"too_slow\"} 1"));
        healthy.mark();
        healthy.assertUnaffected();
    }
}
