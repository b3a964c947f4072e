package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static Summary sample(long serverPid) {
        Options o = Options.builder().clients(64).lobbies(4).build();
        Summary.Percentiles lat = new Summary.Percentiles(100, 20.5, 30, 40, 45, 50.25, 22);
        return new Summary(Summary.Config.of(o), 30.0,
                new Summary.Connections(64, 63, 1, Map.of("-1 Connection refused", 1L), 2,
                        Map.of("1006 ", 2L), 0),
                new Summary.Latency(lat, lat, Summary.Percentiles.EMPTY, 3, 1),
                new Summary.Snapshots(new Summary.Percentiles(1000, 16.6, 17, 18, 30, 40, 16.7), 40,
                        new Summary.Spread(60, 59, 61), new Summary.Spread(12000, 11000, 13000), 115200, 1 << 20, 0),
                new Summary.Bandwidth(12000, 12130, 11500, 191.667, 3600, 3960),
                new Summary.Inputs(115200, 3840, 5, 0, lat),
                new Summary.Problems(2, 12, 3, Map.of("bad_input", 3L), 0, 0, 1, Map.of("UNKNOWN_BASELINE", 1L)),
                new Summary.Cpu(serverPid, 55.5, 256, 12.5, 80, new Summary.Threads(42, 44, 1000, 250.5),
                        new Summary.Threads(9, 10, 300, 20), 21.25, 81.5));
    }

    @Test
    void shouldWriteEveryFigureIntoTheJson() {
        JsonObject j = JsonParser.parseString(ReportWriter.json(sample(4242))).getAsJsonObject();

        for (String key : List.of("format", "url", "clients", "lobbies", "probes", "rate_hz", "duration_s",
                "warmup_s", "measured_s", "connections", "disconnects", "latency_ms", "ack_latency_ms", "ping_rtt_ms",
                "probe_rounds_skipped", "probe_rounds_timed_out", "interarrival_ms", "max_gap_ms",
                "snapshots_per_s_per_client", "bytes_per_s_per_client", "snapshots_total", "bytes_total",
                "silent_clients", "bandwidth_per_client", "undecodable_frames", "inputs", "send_lateness_ms", "lagged", "errors", "server", "loadgen")) {
            assertTrue(j.has(key), "missing " + key);
        }
        JsonObject lat = j.getAsJsonObject("latency_ms");
        for (String key : List.of("samples", "p50", "p90", "p99", "p99_9", "max", "mean")) {
            assertTrue(lat.has(key), "latency_ms missing " + key);
        }
        assertEquals(20.5, lat.get("p50").getAsDouble());
        assertEquals(16.6, j.getAsJsonObject("interarrival_ms").get("p50").getAsDouble());
        assertEquals(60.0, j.getAsJsonObject("snapshots_per_s_per_client").get("mean").getAsDouble());
        assertEquals(12, j.getAsJsonObject("lagged").get("missed").getAsLong());
        assertEquals(3, j.getAsJsonObject("errors").getAsJsonObject("by_code").get("bad_input").getAsLong());
        assertEquals(2, j.getAsJsonObject("disconnects").get("total").getAsLong());
        assertEquals(55.5, j.getAsJsonObject("server").get("cpu_percent").getAsDouble());
        assertEquals(256.0, j.getAsJsonObject("server").get("peak_rss_mb").getAsDouble());
        assertEquals(21.25, j.getAsJsonObject("server").get("uptime_at_window_start_s").getAsDouble());
        assertEquals(81.5, j.getAsJsonObject("server").get("uptime_at_window_end_s").getAsDouble());
        assertEquals(12.5, j.getAsJsonObject("loadgen").get("cpu_percent").getAsDouble());
        JsonObject server = j.getAsJsonObject("server");
        assertEquals(42, server.get("threads").getAsInt());
        assertEquals(44, server.get("threads_max").getAsInt());
        assertEquals(1250.5, server.get("ctx_switches_per_s").getAsDouble());
        assertEquals(1000.0, server.get("voluntary_ctx_switches_per_s").getAsDouble());
        assertEquals(250.5, server.get("involuntary_ctx_switches_per_s").getAsDouble());
        JsonObject loadgen = j.getAsJsonObject("loadgen");
        assertEquals(9, loadgen.get("threads").getAsInt());
        assertEquals(10, loadgen.get("threads_max").getAsInt());
        assertEquals(320.0, loadgen.get("ctx_switches_per_s").getAsDouble());
        assertEquals(1, j.get("io_threads").getAsInt());
        assertEquals(1, j.get("senders").getAsInt());
        JsonObject bw = j.getAsJsonObject("bandwidth_per_client");
        assertEquals(12000.0, bw.get("down_payload_bytes_per_s").getAsDouble());
        assertEquals(12130.0, bw.get("down_wire_bytes_per_s").getAsDouble());
        assertEquals(11500.0, bw.get("snapshot_payload_bytes_per_s").getAsDouble());
        assertEquals(191.667, bw.get("bytes_per_snapshot").getAsDouble());
        assertEquals(3600.0, bw.get("up_payload_bytes_per_s").getAsDouble());
        assertEquals(3960.0, bw.get("up_wire_bytes_per_s").getAsDouble());
        assertEquals(1, j.getAsJsonObject("undecodable_frames").getAsJsonObject("by_result")
                .get("UNKNOWN_BASELINE").getAsLong());
        assertEquals("json", j.get("format").getAsString());
        assertEquals(64, j.get("clients").getAsInt());
    }

    @Test
    void shouldWriteNullForUnmeasuredFigures() {
        JsonObject j = JsonParser.parseString(ReportWriter.json(sample(-1))).getAsJsonObject();
        assertTrue(j.get("server").isJsonNull());
        Summary s = sample(-1);
        Summary.Cpu none = new Summary.Cpu(-1, Double.NaN, Double.NaN, 1, 2);
        JsonObject k = JsonParser.parseString(ReportWriter.json(new Summary(s.config(), s.measuredSeconds(),
                s.connections(), s.latency(), s.snapshots(), s.bandwidth(), s.inputs(), s.problems(), none)))
                .getAsJsonObject().getAsJsonObject("loadgen");
        assertTrue(k.get("threads").isJsonNull());
        assertTrue(k.get("ctx_switches_per_s").isJsonNull());
        assertEquals(0, j.getAsJsonObject("ping_rtt_ms").get("samples").getAsLong());
        assertTrue(j.getAsJsonObject("ping_rtt_ms").get("p50").isJsonNull());
    }

    @Test
    void shouldRenderAHumanTable() {
        String t = ReportWriter.table(sample(4242));
        assertTrue(t.contains("input-to-effect latency ms"), t);
        assertTrue(t.contains("p50 20.500"), t);
        assertTrue(t.contains("server pid 4242 CPU %"), t);
        assertTrue(t.matches("(?s).*server uptime s over the window +21\\.250 to 81\\.500 .*"), t);
        assertTrue(t.contains("bad_input=3"), t);
        assertTrue(t.contains("bytes per snapshot"), t);
        assertTrue(t.contains("UNKNOWN_BASELINE=1"), t);
        assertTrue(t.matches("(?s).*server threads +42 \\(max 44\\).*"), t);
        assertTrue(t.matches("(?s).*server context switches/s +1250\\.5  \\(voluntary 1000\\.0, involuntary 250\\.5\\).*"), t);
        assertTrue(t.matches("(?s).*load generator threads +9 \\(max 10\\).*"), t);
        assertTrue(t.contains("(I/O threads 1)"), t);
    }

    @Test
    void shouldReportTheServersTicksInTheWindowOrWhyNot() {
        Summary s = sample(4242);
        Summary read = new Summary(s.config(), s.measuredSeconds(), s.connections(), s.latency(), s.snapshots(),
                s.bandwidth(), s.inputs(), s.problems(), s.cpu(), new Summary.ServerTicks(1200, 130, 0, 65, 2, null));
        assertTrue(ReportWriter.table(read).matches(
                "(?s).*server ticks in the window +1200 over 65 lobbies: 130 late \\(at most 2 in one lobby\\), 0 skipped.*"),
                ReportWriter.table(read));
        JsonObject j = JsonParser.parseString(ReportWriter.json(read)).getAsJsonObject().getAsJsonObject("server_ticks");
        assertEquals(1200, j.get("ticks").getAsLong());
        assertEquals(130, j.get("late").getAsLong());
        assertEquals(0, j.get("skipped").getAsLong());
        assertEquals(65, j.get("lobbies").getAsInt());
        assertEquals(2, j.get("most_late_in_one_lobby").getAsLong());

        assertTrue(ReportWriter.table(s).matches("(?s).*server ticks in the window +not read \\(use --server-metrics\\).*"),
                ReportWriter.table(s));
        JsonObject none = JsonParser.parseString(ReportWriter.json(s)).getAsJsonObject().getAsJsonObject("server_ticks");
        assertEquals("not read (use --server-metrics)", none.get("unavailable").getAsString());
        assertTrue(none.get("late") == null);
    }
}
