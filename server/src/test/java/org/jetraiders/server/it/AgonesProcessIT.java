package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.server.ServerMain;
import org.jetraiders.server.it.support.FakeSidecar;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.Test;

/**
 * The whole Agones flow against the server as a container runs it: a separate JVM through
 * ServerMain, configured only by environment variables (JR_* and the AGONES_SDK_HTTP_PORT that
 * Agones sets), beside a stand-in sidecar. Ready, health, an allocation opening a lobby, a player,
 * shutdown once empty, then the SIGTERM Agones sends, answered with a graceful exit 0.
 */
class AgonesProcessIT {
    private static final long EXIT_HANG_TIMEOUT_SECONDS = 60;
    private static final Pattern WS_URL = Pattern.compile("Game WebSocket:\\s+ws://127\\.0\\.0\\.1:(\\d+)/ws");
    private static final Pattern HTTP_URL = Pattern.compile("Lobbies:\\s+http://127\\.0\\.0\\.1:(\\d+)/lobbies");

    @Test
    void shouldRunTheAgonesLifecycleFromReadyToShutdownAndExitZeroOnSigterm() throws Exception {
        try (FakeSidecar sidecar = FakeSidecar.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    ServerMain.class.getName())).redirectErrorStream(true);
            builder.environment().putAll(Map.of(
                    "JR_PORT", "0", "JR_HTTP_PORT", "0",
                    "JR_AGONES", "true",
                    "AGONES_SDK_HTTP_PORT", Integer.toString(sidecar.port()),
                    "JR_AGONES_HEALTH_MILLIS", "300",
                    "JR_AGONES_SYNC_MILLIS", "100",
                    "JR_AGONES_SHUTDOWN_WHEN_EMPTY", "1",
                    "JR_LOBBY_IDLE_SECONDS", "30"));
            Process server = builder.start();
            try {
                int[] ports = awaitPorts(server);
                ServerFixture.awaitCondition("Ready", Duration.ofSeconds(30), () -> sidecar.state().equals("Ready"));
                ServerFixture.awaitCondition("health pings", () -> sidecar.count("POST", "/health") >= 3);
                ServerFixture.awaitCondition("main listed", () -> sidecar.listValues("lobbies").equals(List.of("main")));

                sidecar.allocate("match-1"); // what the matchmaker's GameServerAllocation does
                ServerFixture.awaitCondition("match-1 listed by the server", () -> lobbies(ports[1]).contains("\"match-1\""));

                TestClient player = new TestClient(URI.create("ws://127.0.0.1:" + ports[0] + "/ws?lobby_id=match-1"));
                assertTrue(player.open());
                player.joinAs("Ada");
                player.awaitWorldUpdateAfter(0);
                ServerFixture.awaitCondition("1 player", () -> sidecar.counterCount("players") == 1);
                player.closeQuietly();
                ServerFixture.awaitCondition("shutdown asked once empty", () -> sidecar.count("POST", "/shutdown") == 1);

                server.destroy(); // Agones deletes the pod: SIGTERM
                assertTrue(server.waitFor(EXIT_HANG_TIMEOUT_SECONDS, TimeUnit.SECONDS), "exits after SIGTERM");
                assertEquals(0, server.exitValue(), "a graceful stop exits 0");
            } finally {
                server.destroyForcibly();
            }
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

    /** Reads the start-up banner for the game and HTTP ports; keeps draining output so the child never blocks. */
    private static int[] awaitPorts(Process server) throws Exception {
        CompletableFuture<Integer> ws = new CompletableFuture<>();
        CompletableFuture<Integer> http = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = WS_URL.matcher(line);
                    if (m.find()) {
                        ws.complete(Integer.parseInt(m.group(1)));
                    }
                    m = HTTP_URL.matcher(line);
                    if (m.find()) {
                        http.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (Exception e) {
                ws.completeExceptionally(e);
            }
            ws.completeExceptionally(new IllegalStateException("server exited without printing its URLs"));
            http.completeExceptionally(new IllegalStateException("server exited without printing its URLs"));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return new int[] {ws.get(30, TimeUnit.SECONDS), http.get(30, TimeUnit.SECONDS)};
    }
}
