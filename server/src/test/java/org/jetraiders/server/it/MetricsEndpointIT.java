package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /metrics of a running server: the tick-time histogram as lobbies tick, and every family it had before. */
class MetricsEndpointIT {
    private static final Pattern BUCKET =
            Pattern.compile("jetraiders_tick_duration_seconds_bucket\\{le=\"([^\"]+)\"} (\\d+)\n");
    private static final Pattern COUNT = Pattern.compile("\njetraiders_tick_duration_seconds_count (\\d+)\n");
    private static final Pattern SUM = Pattern.compile("\njetraiders_tick_duration_seconds_sum (\\S+)\n");

    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldExposeTickTimesAsAHistogramWhoseCountGrowsAsTheLobbiesTick() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        fixture.joined("second", "Ada"); // two lobbies tick into the one histogram
        String first = metrics();
        long before = count(first);

        ServerFixture.awaitCondition("a further second of ticks of both lobbies in the histogram",
                () -> count(metricsUnchecked()) >= before + 120);

        String body = metrics();
        assertTrue(body.contains("# TYPE jetraiders_tick_duration_seconds histogram\n"), body);
        List<String> bounds = new ArrayList<>();
        long previous = 0;
        Matcher bucket = BUCKET.matcher(body);
        while (bucket.find()) {
            long cumulative = Long.parseLong(bucket.group(2));
            assertTrue(cumulative >= previous, "buckets are cumulative: " + bucket.group());
            previous = cumulative;
            bounds.add(bucket.group(1));
        }
        assertEquals(List.of("1.0E-5", "2.5E-5", "5.0E-5", "1.0E-4", "2.5E-4", "5.0E-4", "0.001", "0.0025", "0.005",
                "0.01", "0.0167", "0.025", "0.05", "0.1", "+Inf"), bounds);
        assertEquals(count(body), previous, "the +Inf bucket holds every tick");
        Matcher sum = SUM.matcher(body);
        assertTrue(sum.find(), body);
        assertTrue(Double.parseDouble(sum.group(1)) > 0, body);
        assertFalse(body.contains("quantile="), body);
    }

    @Test
    void shouldStillExposeEveryFamilyItHadBefore() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        fixture.joined(null, "Ada");
        TestClient leaves = fixture.connect(null);
        leaves.sendInput(1, 0, false); // before Join: closed with join_required
        leaves.awaitClose();
        assertFalse(fixture.client("/not-the-game").open(), "refused: unknown path");
        ServerFixture.awaitCondition("disconnect counted",
                () -> fixture.server().metrics().disconnects("join_required") == 1);

        String body = metrics();

        for (String gauge : List.of("jetraiders_lobbies", "jetraiders_players", "jetraiders_connections",
                "jetraiders_consumers")) {
            assertTrue(body.contains("# TYPE " + gauge + " gauge\n"), gauge + " in\n" + body);
        }
        for (String counter : List.of("jetraiders_ticks_total", "jetraiders_late_ticks_total",
                "jetraiders_skipped_ticks_total", "jetraiders_messages_in_total", "jetraiders_messages_out_total",
                "jetraiders_bytes_in_total", "jetraiders_bytes_out_total", "jetraiders_snapshots_skipped_total",
                "jetraiders_snapshots_dropped_total", "jetraiders_disconnects_total",
                "jetraiders_rejected_inputs_total", "jetraiders_handshakes_rejected_total",
                "jetraiders_inputs_dropped_total")) {
            assertTrue(body.contains("# TYPE " + counter + " counter\n"), counter + " in\n" + body);
        }
        assertTrue(body.contains("jetraiders_late_ticks_total{lobby=\"main\"} "), body);
        assertTrue(body.contains("jetraiders_handshakes_rejected_total{reason=\"unknown_path\"} 1.0\n"), body);
    }

    private String metrics() throws Exception {
        var response = fixture.get("/metrics");
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    private String metricsUnchecked() {
        try {
            return metrics();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long count(String body) {
        Matcher m = COUNT.matcher(body);
        assertTrue(m.find(), "no _count in\n" + body);
        return Long.parseLong(m.group(1));
    }
}
