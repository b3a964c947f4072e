package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jetraiders.server.GameServer;
import org.jetraiders.server.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the load generator against the real {@link GameServer} (ephemeral ports, in this JVM) in both
 * wire formats. The fake server of {@link LoadTestEndToEndTest} speaks JSON only; this is the test
 * of the binary path end to end: subprotocol negotiation, decoding every delta frame, binary inputs
 * that acknowledge the latest tick, and probes reading their plane's rotation from the decoded state.
 * It is also the test of the NIO client against Java-WebSocket's server: handshake, framing, pings.
 */
class LoadTestRealServerTest {

    private GameServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Timeout(60)
    void shouldRunBothFormatsAgainstTheRealServerWithoutProblems() throws Exception {
        // a 1 s ping interval: the server pings every client during the run and drops one that does not
        // pong within 1.5 s, so "no disconnects" below also proves the NIO client answers pings
        server = new GameServer(ServerConfig.builder().wsPort(0).httpPort(0).countdownSeconds(0).seed(42)
                .connectionLostTimeout(Duration.ofSeconds(1)).build());
        server.start();
        String url = "ws://127.0.0.1:" + server.webSocketPort() + "/ws";
        String metrics = "http://127.0.0.1:" + server.httpPort() + "/metrics";

        Summary json = run(url, "json", metrics);
        Summary bin = run(url, "bin", metrics);

        for (Summary s : new Summary[] {json, bin}) {
            String f = s.config().format() + ": ";
            assertEquals(8, s.connected(), f + "connected");
            assertTrue(s.snapshots().total() > 0, f + "snapshots received");
            assertEquals(0, s.snapshots().silentClients(), f + "silent clients");
            assertTrue(s.latency().effect().count() > 0, f + "input-to-effect samples");
            assertTrue(s.latency().ack().count() > 0, f + "input-to-ack samples");
            assertEquals(0, s.problems().errors(), f + "errors " + s.problems().errorsByCode());
            assertEquals(0, s.connections().disconnects(), f + "disconnects " + s.connections().disconnectsByReason());
            assertEquals(0, s.connections().connectFailures(), f + "connect failures");
            assertEquals(0, s.problems().unreadableFrames(), f + "unreadable frames");
            assertEquals(0, s.problems().undecodableFrames(), f + "undecodable " + s.problems().undecodableByResult());
            Summary.ServerTicks ticks = s.serverTicks();
            assertTrue(ticks.wasRead(), f + "server ticks: " + ticks.unavailable());
            assertTrue(ticks.lobbies() >= 3, f + "lobby main and the two load lobbies have tick counters: " + ticks);
            // the window is 2 s of 60 Hz beats for 3 lobbies (360 ticks); a loaded CI machine may fall behind
            assertTrue(ticks.ticks() >= 60 && ticks.ticks() <= 3 * 60 * 4, f + "ticks in the window: " + ticks);
            assertTrue(ticks.late() >= 0 && ticks.skipped() >= 0, f + "counters only grow: " + ticks);
        }
        assertEquals(0, json.problems().binaryFrames(), "a JSON connection gets no binary frames");
        // binary_frames covers the whole run, snapshots_total the measured window
        assertTrue(bin.problems().binaryFrames() >= bin.snapshots().total(), "world frames arrive as binary frames");
        assertTrue(bin.bandwidth().bytesPerSnapshot() * 3 < json.bandwidth().bytesPerSnapshot(),
                "binary snapshots are much smaller: bin " + bin.bandwidth().bytesPerSnapshot() + " B, json "
                        + json.bandwidth().bytesPerSnapshot() + " B");
        // per input sent, not per second: the two runs need not send at the same rate on a loaded machine
        assertTrue(upBytesPerInput(bin) < upBytesPerInput(json), "binary inputs are smaller: bin " + upBytesPerInput(bin)
                + " B, json " + upBytesPerInput(json) + " B per input");
    }

    /** Client-to-server payload bytes (inputs, and the probes' pings) per input sent in the measured window. */
    private static double upBytesPerInput(Summary s) {
        return s.bandwidth().upPayloadPerSecond() * s.connected() / s.inputs().perSecond();
    }

    private static Summary run(String url, String format, String metrics) {
        Options options = Options.builder().url(url).format(format).clients(8).lobbies(2)
                .warmupSeconds(1).durationSeconds(2).serverMetrics(metrics).build();
        return LoadTest.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
