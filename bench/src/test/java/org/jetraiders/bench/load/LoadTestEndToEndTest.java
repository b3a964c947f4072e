package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jetraiders.bench.load.support.FakeGameServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole load generator against {@link FakeGameServer} for a few seconds. */
class LoadTestEndToEndTest {

    private FakeGameServer server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    @Timeout(30)
    void shouldMeasureInputToEffectLatencyAgainstFakeServer() throws Exception {
        server = FakeGameServer.launch();
        Options options = Options.builder().url(server.url()).clients(8).lobbies(2)
                .warmupSeconds(1).durationSeconds(2).serverPid(ProcessHandle.current().pid()).build();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        long started = System.nanoTime();
        Summary s = LoadTest.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        double runMillis = (System.nanoTime() - started) / 1e6;

        assertEquals(8, s.connected());
        assertEquals(8, server.joins());
        assertTrue(s.latency().effect().count() > 0, "latency samples");
        // how long an effect takes is the machine's business; that it is a positive time no longer
        // than the run that measured it (in ms, not ns or s) is the report's
        assertTrue(s.latency().effect().p50() > 0, "positive p50: " + s.latency().effect());
        assertTrue(s.latency().effect().max() <= runMillis,
                "no latency longer than the " + runMillis + " ms run: " + s.latency().effect());
        assertTrue(s.latency().ack().count() > 0, "ack latency samples");
        assertTrue(s.latency().pingRtt().count() > 0, "ping samples");
        assertTrue(s.snapshots().total() > 0, "snapshots received");
        // every client got snapshots in the window (how many per second depends on the machine)
        assertEquals(0, s.snapshots().silentClients());
        assertTrue(server.inputs() > 0);
        assertEquals(0, s.problems().errors());
        assertEquals(0, s.problems().unreadableFrames());
        assertEquals(0, s.connections().disconnects());
        assertEquals(0, s.connections().connectFailures());
        assertEquals(0, s.connections().closeTimeouts());
        // the 'server' is this JVM, which ran the fake server and eight clients through the window
        assertTrue(s.cpu().serverCpuPercent() > 0, "self-sampled 'server' CPU: " + s.cpu());
        assertTrue(s.cpu().serverPeakRssMb() > 0);
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("connected 8/8"), progress.toString());
    }

    @Test
    @Timeout(30)
    void shouldCountLaggedNoticesAndErrorsByCode() throws Exception {
        server = FakeGameServer.launch("{\"type\":\"Lagged\",\"data\":{\"missed\":12}}",
                "{\"type\":\"Error\",\"data\":{\"code\":\"bad_input\",\"message\":\"x\"}}");
        Options options = Options.builder().url(server.url()).clients(2).warmupSeconds(0).durationSeconds(1).build();

        Summary s = LoadTest.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(2, s.problems().laggedNotices());
        assertEquals(24, s.problems().laggedMissed());
        assertEquals(Map.of("bad_input", 2L), s.problems().errorsByCode());
    }

    @Test
    @Timeout(30)
    void shouldPrintTableAndJsonAndWriteJsonFile(@TempDir Path dir) throws Exception {
        server = FakeGameServer.launch();
        Path json = dir.resolve("out/summary.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"--url", server.url(), "--clients", "2", "--warmup", "0", "--duration", "1",
            "--json", json.toString()};

        int rc = LoadTest.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(LoadTest.EXIT_OK, rc);
        String text = out.toString(StandardCharsets.UTF_8);
        int marker = text.indexOf(ReportWriter.JSON_MARKER);
        assertTrue(marker > 0 && text.substring(0, marker).contains("input-to-effect latency"), text);
        JsonObject printed = JsonParser.parseString(text.substring(marker + ReportWriter.JSON_MARKER.length()))
                .getAsJsonObject();
        JsonObject written = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(printed, written);
        assertEquals(2, written.getAsJsonObject("connections").get("connected").getAsInt());
    }

    @Test
    @Timeout(30)
    void shouldExitNonZeroWhenNoClientCanConnect() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // port 1 on loopback: nothing listens there, connections are refused at once
        String[] args = {"--url", "ws://127.0.0.1:1/ws", "--clients", "2", "--warmup", "0", "--duration", "20"};

        int rc = LoadTest.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(LoadTest.EXIT_FAILED, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no client could connect"), err.toString());
    }
}
