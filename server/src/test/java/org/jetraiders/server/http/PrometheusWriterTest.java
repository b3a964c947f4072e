package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.support.FakeLobbyMetrics;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("jetraiders_lobbies", "gauge"),
            Map.entry("jetraiders_players", "gauge"),
            Map.entry("jetraiders_connections", "gauge"),
            Map.entry("jetraiders_tick_duration_seconds", "summary"),
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
                    + "-?[0-9.]+(E-?[0-9]+)?");

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

    @Test
    void shouldWriteHelpAndTypeForEveryFamily() {
        String text = write(List.of(lobby("main", main, 3)));

        FAMILIES.forEach((name, type) -> {
            assertTrue(text.contains("# HELP " + name + " "), name);
            assertTrue(text.contains("# TYPE " + name + " " + type + "\n"), name);
        });
    }

    @Test
    void shouldWriteHelpAndTypeEvenWithoutSamples() {
        String text = write(List.of());

        FAMILIES.forEach((name, type) -> assertTrue(text.contains("# TYPE " + name + " " + type + "\n"), name));
        assertTrue(text.contains("jetraiders_lobbies 0\n"));
    }

    @Test
    void shouldWriteOnlyWellFormedLines() {
        metrics.connectionOpened();
        metrics.connectionClosed("client_closed");
        metrics.handshakeRejected("bad \"path\"\n\\");
        main.tickDurationNanos = q -> (long) (q * 1_000_000);
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
        main.tickDurationNanos = q -> q < 0.6 ? 500_000 : 2_000_000;
        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionClosed("too_slow");
        metrics.messageIn(10);
        metrics.messageOut(300);
        metrics.messageOut(200);

        String text = write(List.of(lobby("main", main, 3)));

        assertTrue(text.contains("jetraiders_lobbies 1\n"));
        assertTrue(text.contains("jetraiders_players{lobby=\"main\"} 3\n"));
        assertTrue(text.contains("jetraiders_connections 1\n"));
        assertTrue(text.contains("jetraiders_tick_duration_seconds{lobby=\"main\",quantile=\"0.5\"} 5.0E-4\n"));
        assertTrue(text.contains("jetraiders_tick_duration_seconds{lobby=\"main\",quantile=\"0.999\"} 0.002\n"));
        assertTrue(text.contains("jetraiders_tick_duration_seconds_count{lobby=\"main\"} 1234\n"));
        assertTrue(text.contains("jetraiders_ticks_total{lobby=\"main\"} 1234\n"));
        assertTrue(text.contains("jetraiders_late_ticks_total{lobby=\"main\"} 5\n"));
        assertTrue(text.contains("jetraiders_skipped_ticks_total{lobby=\"main\"} 2\n"));
        assertTrue(text.contains("jetraiders_messages_in_total 1\n"));
        assertTrue(text.contains("jetraiders_messages_out_total 2\n"));
        assertTrue(text.contains("jetraiders_bytes_in_total 10\n"));
        assertTrue(text.contains("jetraiders_bytes_out_total 500\n"));
        assertTrue(text.contains("jetraiders_snapshots_skipped_total{lobby=\"main\"} 7\n"));
        assertTrue(text.contains("jetraiders_snapshots_dropped_total{lobby=\"main\"} 1\n"));
        assertTrue(text.contains("jetraiders_disconnects_total{reason=\"too_slow\"} 1\n"));
        assertTrue(text.contains("jetraiders_inputs_dropped_total{lobby=\"main\"} 9\n"));
        assertTrue(text.contains("jetraiders_consumers{lobby=\"main\"} 3\n"));
    }

    @Test
    void shouldMergeEngineInputRejectionsIntoTheReasonFamily() {
        main.inputsRejectedNotFinite = 2;
        main.inputsStale = 4;
        FakeLobbyMetrics second = new FakeLobbyMetrics();
        second.inputsStale = 1;
        second.inputsUnknownPlayer = 3;
        metrics.rejectedInput("bad_json");

        String text = write(List.of(lobby("main", main, 0), lobby("second", second, 0)));

        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"bad_json\"} 1\n"));
        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"not_finite\"} 2\n"));
        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"stale\"} 5\n"));
        assertTrue(text.contains("jetraiders_rejected_inputs_total{reason=\"unknown_player\"} 3\n"));
    }

    @Test
    void shouldEscapeLabelValues() {
        metrics.handshakeRejected("a\"b\\c\nd");

        String text = write(List.of(lobby("x\"y", main, 1)));

        assertTrue(text.contains("jetraiders_handshakes_rejected_total{reason=\"a\\\"b\\\\c\\nd\"} 1\n"));
        assertTrue(text.contains("jetraiders_players{lobby=\"x\\\"y\"} 1\n"));
        assertFalse(text.contains("d\"} 1\nd"));
        assertEquals("plain", PrometheusWriter.escapeLabel("plain"));
    }
}
