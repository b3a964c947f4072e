package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jetraiders.server.it.support.FakeSidecar;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.ServerProcess;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.Test;

/**
 * The whole Agones flow against the server as a container runs it: a separate JVM through
 * ServerMain, configured only by environment variables (JR_* and the AGONES_SDK_HTTP_PORT that
 * Agones sets), beside a stand-in sidecar. Ready, health, an allocation opening a lobby, a player,
 * shutdown once empty, then the SIGTERM Agones sends, answered with a graceful exit 0.
 */
class AgonesProcessIT {
    @Test
    void shouldRunTheAgonesLifecycleFromReadyToShutdownAndExitZeroOnSigterm() throws Exception {
        try (FakeSidecar sidecar = FakeSidecar.start();
             ServerProcess server = ServerProcess.start(List.of(), Map.of(
                     "JR_PORT", "0", "JR_HTTP_PORT", "0",
                     "JR_AGONES", "true",
                     "AGONES_SDK_HTTP_PORT", Integer.toString(sidecar.port()),
                     "JR_AGONES_HEALTH_MILLIS", "300",
                     "JR_AGONES_SYNC_MILLIS", "100",
                     "JR_AGONES_SHUTDOWN_WHEN_EMPTY", "1",
                     "JR_LOBBY_IDLE_SECONDS", "30"))) {
            ServerFixture.awaitCondition("Ready", Duration.ofSeconds(30), () -> sidecar.state().equals("Ready"));
            ServerFixture.awaitCondition("health pings", () -> sidecar.count("POST", "/health") >= 3);
            ServerFixture.awaitCondition("main listed", () -> sidecar.listValues("lobbies").equals(List.of("main")));

            sidecar.allocate("match-1"); // what the matchmaker's GameServerAllocation does
            ServerFixture.awaitCondition("match-1 listed by the server", () -> lobbies(server.httpPort()).contains("\"match-1\""));

            TestClient player = new TestClient(URI.create("ws://127.0.0.1:" + server.webSocketPort() + "/ws?lobby_id=match-1"));
            assertTrue(player.open());
            player.joinAs("Ada");
            player.awaitWorldUpdateAfter(0);
            ServerFixture.awaitCondition("1 player", () -> sidecar.counterCount("players") == 1);
            player.closeQuietly();
            ServerFixture.awaitCondition("shutdown asked once empty", () -> sidecar.count("POST", "/shutdown") == 1);

            assertEquals(0, server.terminate(), "a graceful stop exits 0 after the SIGTERM Agones sends");
        }
    }

    private static String lobbies(int httpPort) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/lobbies"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
