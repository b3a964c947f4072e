package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.support.FakeLobbyMetrics;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {
    /** Every family /metrics had before it moved to the Prometheus client library, and its type. */
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("jetraiders_lobbies", "gauge"),
            Map.entry("jetraiders_players", "gauge"),
            Map.entry("jetraiders_connections", "gauge"),
            Map.entry("jetraiders_tick_duration_seconds", "histogram"), // was a summary
            Map.entry("jetraiders_ticks_total", "counter"),
            Map.entry("jetraiders_late_ticks_total", "counter"),
            Map.entry("jetraiders_skipped_ticks_total", "counter"),
            Map.entry("jetraiders_messages_in_total", "counter"),
            Map.entry("jetraiders_messages_out_total", "counter"),
            Map.entry("jetraiders_bytes_in_total", "counter"),
            Map.entry("jetraiders_bytes_out_total", "counter"),
            Map.entry("jetraiders_snapshots_skipped_total", "counter"),
            Map.entry("jetraiders_snapshots_dropped_total", "counter"),
            Map.entry("jetraiders_disconnects_total", "counter"),
            Map.entry("jetraiders_rejected_inputs_total", "counter"),
            Map.entry("jetraiders_handshakes_rejected_total", "counter"),
            Map.entry("jetraiders_inputs_dropped_total", "counter"),
            Map.entry("jetraiders_consumers", "gauge"));

    // name{labels} value — labels with escaped values, value a Go-parsable float
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-z_]+(\\{[a-z_]+=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\"(,[a-z_]+=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*})? "
                    + "(-?[0-9.]+(E-?[0-9]+)?|\\+Inf)");

    private final ServerMetrics metrics = new ServerMetrics();
    private final FakeLobbyMetrics main = new FakeLobbyMetrics();

    private String write(List<LobbyView> lobbies) {
        StringBuilder out = new StringBuilder();
        PrometheusWriter.write(out, metrics, lobbies);
        return out.toString();
    }

    private LobbyView lobby(String name, FakeLobbyMetrics m, int players) {
        return new LobbyView(name, players, 64, LobbyStatus.MATCH_RUNNING, 100, m.ticks, m);
    }

    /** Every reason family has a sample, so that every family is written. */
    private void countOneOfEach() {
        metrics.connectionOpened();
        metrics.connectionClosed("client_closed");
        metrics.handshakeRejected("unknown_path");
        metrics.tickDurations().observeNanos(40_000);
    }

    @Test
    void shouldWriteEveryFamilyWithItsHelpAndType() {
        countOneOfEach();

        String text = write(List.of(lobby("main", main, 3)));

        FAMILIES.forEach((name, type) -> {
            assertTrue(text.contains("# HELP " + name + " "), name);
            assertTrue(text.contains("# TYPE " + name + " " + type + "\n"), name);
        });
    }

    @Test
    void shouldWriteTheLobbyCountAndTheEngineRejectionsEvenWithoutLobbies() {
        String text = write(List.of());

        assertTrue(text.contains("jetraiders_lobbies 0.0\n"), text);
        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"stale\"} 0.0\n"), text);
        assertTrue(text.contains("jetraiders_tick_duration_seconds_count 0\n"), text);
    }

    @Test
    void shouldWriteOnlyWellFormedLines() {
        countOneOfEach();
        metrics.handshakeRejected("bad \"path\"\n\\");
        String text = write(List.of(lobby("main", main, 3), lobby("we\"ird\\na\nme", new FakeLobbyMetrics(), 0)));

        for (String line : text.split("\n")) {
            if (!line.startsWith("# ")) {
                assertTrue(SAMPLE.matcher(line).matches(), line);
            }
        }
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void shouldWriteLobbyAndServerValues() {
        main.ticks = 1234;
        main.lateTicks = 5;
        main.skippedTicks = 2;
        main.snapshotsSkipped = 7;
        main.snapshotsDroppedRingFull = 1;
        main.inputsDroppedRingFull = 9;
        main.consumers = 3;
        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionClosed("too_slow");
        metrics.messageIn(10);
        metrics.messageOut(300);
        metrics.messageOut(200);

        String text = write(List.of(lobby("main", main, 3)));

        // the library writes every counter and gauge value as a double
        assertTrue(text.contains("jetraiders_lobbies 1.0\n"));
        assertTrue(text.contains("jetraiders_players{lobby=\"main\"} 3.0\n"));
        assertTrue(text.contains("jetraiders_connections 1.0\n"));
        assertTrue(text.contains("jetraiders_ticks_total{lobby=\"main\"} 1234.0\n"));
        assertTrue(text.contains("jetraiders_late_ticks_total{lobby=\"main\"} 5.0\n"));
        assertTrue(text.contains("jetraiders_skipped_ticks_total{lobby=\"main\"} 2.0\n"));
        assertTrue(text.contains("jetraiders_messages_in_total 1.0\n"));
        assertTrue(text.contains("jetraiders_messages_out_total 2.0\n"));
        assertTrue(text.contains("jetraiders_bytes_in_total 10.0\n"));
        assertTrue(text.contains("jetraiders_bytes_out_total 500.0\n"));
        assertTrue(text.contains("jetraiders_snapshots_skipped_total{lobby=\"main\"} 7.0\n"));
        assertTrue(text.contains("jetraiders_snapshots_dropped_total{lobby=\"main\"} 1.0\n"));
        assertTrue(text.contains("jetraiders_disconnects_total{reason=\"too_slow\"} 1.0\n"));
        assertTrue(text.contains("jetraiders_inputs_dropped_total{lobby=\"main\"} 9.0\n"));
        assertTrue(text.contains("jetraiders_consumers{lobby=\"main\"} 3.0\n"));
    }

    @Test
    void shouldWriteTickDurationsAsACumulativeHistogramInSeconds() {
        metrics.tickDurations().observeNanos(40_000);     // 40 µs
        metrics.tickDurations().observeNanos(40_000);
        metrics.tickDurations().observeNanos(3_000_000);  // 3 ms
        metrics.tickDurations().observeNanos(200_000_000); // 200 ms: past every finite bound

        String text = write(List.of(lobby("main", main, 0)));

        assertEquals(0, bucket(text, "2.5E-5"));
        assertEquals(2, bucket(text, "5.0E-5"));
        assertEquals(2, bucket(text, "0.0025"));
        assertEquals(3, bucket(text, "0.005"));
        assertEquals(3, bucket(text, "0.0167"));
        assertEquals(3, bucket(text, "0.1"));
        assertEquals(4, bucket(text, "+Inf"));
        assertTrue(text.contains("jetraiders_tick_duration_seconds_count 4\n"), text);
        Matcher sum = Pattern.compile("jetraiders_tick_duration_seconds_sum (\\S+)\n").matcher(text);
        assertTrue(sum.find(), text);
        assertEquals(0.20308, Double.parseDouble(sum.group(1)), 1e-9);
        assertFalse(text.contains("quantile="), "no summary any more");
    }

    @Test
    void shouldMergeEngineInputRejectionsIntoTheReasonFamily() {
        main.inputsRejectedNotFinite = 2;
        main.inputsStale = 4;
        FakeLobbyMetrics second = new FakeLobbyMetrics();
        second.inputsStale = 1;
        second.inputsUnknownPlayer = 3;
        metrics.rejectedInput("bad_json");
        metrics.rejectedInput("not_finite"); // the transport's own count of a reason the engine also counts

        String text = write(List.of(lobby("main", main, 0), lobby("second", second, 0)));

        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"bad_json\"} 1.0\n"), text);
        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"not_finite\"} 3.0\n"), text);
        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"stale\"} 5.0\n"), text);
        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"unknown_player\"} 3.0\n"), text);
    }

    @Test
    void shouldEscapeLabelValues() {
        metrics.handshakeRejected("a\"b\\c\nd");

        String text = write(List.of(lobby("x\"y", main, 1)));

        assertTrue(text.contains("jetraiders_handshakes_rejected_total{reason=\"a\\\"b\\\\c\\nd\"} 1.0\n"), text);
        assertTrue(text.contains("jetraiders_players{lobby=\"x\\\"y\"} 1.0\n"), text);
    }

    @Test
    void shouldAnswerWithTheTextFormatContentType() {
        assertEquals("text/plain; version=0.0.4; charset=utf-8", PrometheusWriter.CONTENT_TYPE);
    }

    private static long bucket(String text, String le) {
        Matcher m = Pattern.compile("jetraiders_tick_duration_seconds_bucket\\{le=\"" + Pattern.quote(le) + "\"} (\\d+)\n")
                .matcher(text);
        assertTrue(m.find(), "no bucket le=" + le + " in\n" + text);
        return Long.parseLong(m.group(1));
    }
}
