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

/**
 * A client that stops reading costs only itself: it is skipped, then closed, while the others stay
 * connected and keep their stream (every snapshot delivered, or reported skipped).
 */
class SlowClientIT {
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldSkipAndThenCloseAClientThatStopsReadingWhileOthersKeepTheirStream() throws Exception {
        // The silent socket must fill the kernel's buffers (the server's send buffer autotunes to
        // megabytes on loopback) and be found too slow well before the server's lost-connection check
        // cuts it for another reason. Many bots at 240 Hz send ~0.5 MB/s of
        // WorldUpdates (a 2-3 KB frame per tick), which fills them within a few seconds. The queue
        // limit must stay well above one frame, or healthy clients get skipped too while the
        // selector is still writing the previous frame.
        fixture = ServerFixture.start(ServerFixture.config().bots(40).tickRateHz(240)
                .sendQueueLimitBytes(32 * 1024).slowClientTimeout(Duration.ofSeconds(2))
                // the silent socket cannot answer pings either: keep the lost-connection check out of
                // the way so that "too slow" is the only way it can go, however long a loaded machine
                // takes to fill the socket buffers
                .connectionLostTimeout(Duration.ofSeconds(120)));
        ServerMetrics metrics = fixture.server().metrics();
        LobbyMetrics lobby = fixture.server().lobbies().defaultLobby().lobby().metrics();
        Bystander healthy = new Bystander(fixture.joined(null, "Healthy"), lobby, 480);
        healthy.mark();
        healthy.assertUnaffected(); // baseline: the load alone is fine
        healthy.mark();

        try (RawWebSocket stalled = RawWebSocket.connect(fixture.server().webSocketPort(), "/ws")) {
            stalled.sendText("{\"type\":\"Join\",\"data\":{\"name\":\"Stalled\"}}");
            // ...and never reads again

            ServerFixture.awaitCondition("snapshots skipped for the stalled client", Duration.ofSeconds(30),
                    () -> lobby.snapshotsSkipped() > 0);
            try {
                ServerFixture.awaitCondition("stalled client closed as too slow", Duration.ofSeconds(30),
                        () -> metrics.disconnects("too_slow") == 1);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; disconnects " + metrics.disconnectsByReason()
                        + ", skipped " + lobby.snapshotsSkipped() + ", consumers " + lobby.consumers(), e);
            }
            healthy.assertUnaffected();
        }
        assertTrue(fixture.get("/metrics").body().contains("jetraiders_disconnects_total{reason=\"too_slow\"} 1"));
        healthy.mark();
        healthy.assertUnaffected();
    }
}
