package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerTickCountersTest {

    private static final String TWO_LOBBIES = String.join("\n",
            "# HELP jetraiders_ticks_total Ticks stepped.",
            "# TYPE jetraiders_ticks_total counter",
            "jetraiders_ticks_total{lobby=\"main\"} 1200.0",
            "jetraiders_ticks_total{lobby=\"load-0\"} 900.0",
            "jetraiders_ticks_created{lobby=\"main\"} 1.7E9",
            "jetraiders_late_ticks_total{lobby=\"main\"} 3.0",
            "jetraiders_late_ticks_total{lobby=\"load-0\"} 2.0 1733212800000",
            "jetraiders_late_ticks_totalx{lobby=\"main\"} 99.0",
            "jetraiders_skipped_ticks_total{lobby=\"main\"} 1.0",
            "jetraiders_skipped_ticks_total{lobby=\"load-0\"} 0.0",
            "jvm_threads_current 40.0",
            "");

    private HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void shouldSumEachFamilyOverItsLobbiesAndIgnoreOtherSeries() {
        ServerTickCounters.Reading r = ServerTickCounters.parse(TWO_LOBBIES);
        assertEquals(2100, r.ticks());
        assertEquals(5, r.late());
        assertEquals(1, r.skipped());
        assertEquals(2, r.lobbies());
    }

    @Test
    void shouldReportTheTicksBetweenTheWindowsStartAndEnd() {
        AtomicReference<String> body = new AtomicReference<>(TWO_LOBBIES);
        ServerTickCounters counters = new ServerTickCounters(serve(200, body));
        counters.check();
        counters.start();
        body.set(TWO_LOBBIES.replace("1200.0", "1320.0").replace("900.0", "1020.0")
                .replace("} 3.0", "} 5.0").replace("load-0\"} 0.0", "load-0\"} 1.0"));
        Summary.ServerTicks t = counters.finish();
        assertTrue(t.wasRead(), t.unavailable());
        assertEquals(240, t.ticks());
        assertEquals(2, t.late());
        assertEquals(1, t.skipped());
        assertEquals(2, t.lobbies());
        assertEquals(2, t.mostLateInOneLobby(), "main went from 3 to 5 late, load-0 stayed at 2");
    }

    @Test
    void shouldCountTheLateTicksOfALobbyMadeDuringTheWindowFromZero() {
        ServerTickCounters.Reading start = ServerTickCounters.parse(TWO_LOBBIES);
        ServerTickCounters.Reading end = ServerTickCounters.parse(TWO_LOBBIES
                + "jetraiders_ticks_total{lobby=\"load-1\"} 60.0\njetraiders_late_ticks_total{lobby=\"load-1\"} 4.0\n");

        Summary.ServerTicks t = end.since(start);

        assertEquals(4, t.late());
        assertEquals(4, t.mostLateInOneLobby());
        assertEquals(3, t.lobbies());
    }

    @Test
    void shouldRefuseBeforeTheRunAnEndpointWithoutTickCounters() {
        URI notOurs = serve(200, new AtomicReference<>("jvm_threads_current 40.0\n"));
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> new ServerTickCounters(notOurs).check());
        assertTrue(e.getMessage().contains("has no jetraiders_ticks_total"), e.getMessage());
    }

    @Test
    void shouldRefuseBeforeTheRunAnEndpointThatAnswersAnError() {
        URI missing = serve(404, new AtomicReference<>("not found"));
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> new ServerTickCounters(missing).check());
        assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
    }

    @Test
    void shouldSayWhyWhenTheServerIsGoneAtTheWindowsEnd() {
        ServerTickCounters counters = new ServerTickCounters(serve(200, new AtomicReference<>(TWO_LOBBIES)));
        counters.start();
        http.stop(0);
        http = null;
        Summary.ServerTicks t = counters.finish();
        assertFalse(t.wasRead());
        assertTrue(t.unavailable().startsWith("not read at the window's end: http://127.0.0.1:"), t.unavailable());
    }

    private URI serve(int status, AtomicReference<String> body) {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http.createContext("/metrics", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/metrics");
    }
}
