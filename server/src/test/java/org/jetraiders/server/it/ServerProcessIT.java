package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jetraiders.server.it.support.ServerProcess;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.transport.InboundWarmup;
import org.jetraiders.server.warmup.JitWarmup;
import org.junit.jupiter.api.Test;

/** The server as its users run it: a separate JVM through ServerMain, stopped with SIGTERM. */
class ServerProcessIT {
    @Test
    void shouldSendStoppingAndCloseWith1001ThenExitZeroOnSigterm() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--http-port", "0", "--bots", "1"), Map.of())) {
            TestClient client = new TestClient(URI.create("ws://127.0.0.1:" + server.webSocketPort() + "/ws"));
            assertTrue(client.open());
            client.joinAs("sigterm");
            client.awaitWorldUpdateAfter(0);

            // how long the graceful stop takes depends on the machine; the deadline only catches a hang
            assertEquals(0, server.terminate(), "a graceful stop exits 0");
            client.await("GameState", d -> d.has("value") && "Stopping".equals(d.get("value").getAsString()));
            assertEquals(1001, client.awaitClose());
        }
    }

    @Test
    void shouldRunTheJitWarmUpBeforeOpeningItsPortsUnlessTurnedOff() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--http-port", "0"), Map.of())) {
            List<String> out = server.output();
            int warmUp = indexOf(out, "JIT warm-up: 6000 ticks");
            int banner = indexOf(out, "Jet Raiders server is running.");
            assertTrue(warmUp >= 0 && warmUp < banner, "the warm-up runs before the ports open: " + out);
            assertTrue(out.get(warmUp).contains(" " + InboundWarmup.messages(JitWarmup.MESSAGE_ROUNDS) + " messages"),
                    "every warm-up message parsed: " + out.get(warmUp));
        }
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--http-port", "0", "--warm-up", "false"),
                Map.of())) {
            assertEquals(-1, indexOf(server.output(), "JIT warm-up"), String.join("\n", server.output()));
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
