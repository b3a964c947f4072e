package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.server.ServerMain;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.Test;

/** The server as its users run it: a separate JVM through ServerMain, stopped with SIGTERM. */
class ServerProcessIT {
    /** Far above any graceful stop on a loaded machine: only a server that hangs runs into it. */
    private static final long EXIT_HANG_TIMEOUT_SECONDS = 60;
    private static final Pattern WS_URL = Pattern.compile("Game WebSocket:\\s+ws://127\\.0\\.0\\.1:(\\d+)/ws");

    @Test
    void shouldSendStoppingAndCloseWith1001ThenExitZeroOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), "--port", "0", "--http-port", "0", "--bots", "1"))
                .redirectErrorStream(true).start();
        try {
            int port = awaitWebSocketPort(server);
            TestClient client = new TestClient(URI.create("ws://127.0.0.1:" + port + "/ws"));
            assertTrue(client.open());
            client.joinAs("sigterm");
            client.awaitWorldUpdateAfter(0);

            server.destroy(); // SIGTERM on Linux
            // how long the graceful stop takes depends on the machine; the deadline only catches a hang
            assertTrue(server.waitFor(EXIT_HANG_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    "the server must exit after SIGTERM (still running after " + EXIT_HANG_TIMEOUT_SECONDS + " s)");
            assertEquals(0, server.exitValue(), "a graceful stop exits 0");
            client.await("GameState", d -> d.has("value") && "Stopping".equals(d.get("value").getAsString()));
            assertEquals(1001, client.awaitClose());
        } finally {
            server.destroyForcibly();
        }
    }

    /** Reads the start-up banner for the bound port; keeps draining output so the child never blocks. */
    private static int awaitWebSocketPort(Process server) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = WS_URL.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("server exited without printing its URLs"));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(30, TimeUnit.SECONDS);
    }
}
