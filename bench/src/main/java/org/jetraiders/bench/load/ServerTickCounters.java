package org.jetraiders.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the server's tick counters from its Prometheus {@code /metrics} ({@code --server-metrics}):
 * {@code jetraiders_ticks_total}, {@code jetraiders_late_ticks_total} and
 * {@code jetraiders_skipped_ticks_total}, each summed over its lobbies. Read twice, at the start and the
 * end of the measured window, so the run says whether the server held its tick while it was measured,
 * without a scraper beside it (a scrape builds every lobby's families: read every half second it was
 * half of a 1,024-client server's garbage, BENCHMARKS.md).
 *
 * <p>Threads: the stats thread of {@link LoadRun} only.
 */
final class ServerTickCounters {

    static final String TICKS = "jetraiders_ticks_total";
    static final String LATE = "jetraiders_late_ticks_total";
    static final String SKIPPED = "jetraiders_skipped_ticks_total";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Reading atStart;
    private String startFailure;

    ServerTickCounters(URI url) {
        this.url = url;
    }

    /** Before the run: a server that does not answer is a usage error, not a run without the figures. */
    void check() {
        try {
            read();
        } catch (IOException e) {
            throw new Options.UsageException("--server-metrics: " + e.getMessage());
        }
    }

    /** At the start of the measured window. */
    void start() {
        try {
            atStart = read();
        } catch (IOException e) {
            startFailure = "not read at the window's start: " + e.getMessage();
        }
    }

    /** At the end of the measured window: the ticks in it, or why they are unknown. */
    Summary.ServerTicks finish() {
        if (atStart == null) {
            return Summary.ServerTicks.unavailable(startFailure != null ? startFailure : "the window never started");
        }
        try {
            return read().since(atStart);
        } catch (IOException e) {
            return Summary.ServerTicks.unavailable("not read at the window's end: " + e.getMessage());
        }
    }

    /** One reading; throws {@link IOException} with the reason when the server does not answer with them. */
    Reading read() throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + url, e);
        } catch (IOException e) {
            throw new IOException(url + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        Reading r = parse(response.body());
        if (r.lobbies() == 0) {
            throw new IOException(url + " has no " + TICKS + " (not a Jet Raiders server's /metrics?)");
        }
        return r;
    }

    /**
     * Sums the three families over their label sets; lobbies is the number of {@code ticks_total} series.
     * Keeps each lobby's late count too: a beat that every lobby of a game-loop thread misses (a GC pause)
     * counts once per lobby, so the most in any one lobby says how many beats were late.
     */
    static Reading parse(String text) {
        long ticks = 0;
        long late = 0;
        long skipped = 0;
        int lobbies = 0;
        Map<String, Long> lateByLobby = new HashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            if (isSample(line, TICKS)) {
                ticks += value(line);
                lobbies++;
            } else if (isSample(line, LATE)) {
                long v = value(line);
                late += v;
                lateByLobby.merge(labels(line), v, Long::sum);
            } else if (isSample(line, SKIPPED)) {
                skipped += value(line);
            }
        }
        return new Reading(ticks, late, skipped, lobbies, lateByLobby);
    }

    /** The sample's label set as written ({@code {lobby="main"}}), or "" without one. */
    private static String labels(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        return open < 0 || close < open ? "" : line.substring(open, close + 1);
    }

    private static boolean isSample(String line, String family) {
        if (!line.startsWith(family) || line.length() == family.length()) {
            return false;
        }
        char next = line.charAt(family.length());
        return next == '{' || next == ' ';
    }

    /** The sample's value: the field after the labels (a timestamp may follow it). */
    private static long value(String line) {
        int labelsEnd = line.lastIndexOf('}');
        String rest = line.substring(labelsEnd < 0 ? line.indexOf(' ') : labelsEnd + 1).trim();
        int space = rest.indexOf(' ');
        String number = space < 0 ? rest : rest.substring(0, space);
        return (long) Double.parseDouble(number);
    }

    /** The counters at one moment, summed over lobbies, and each lobby's late ticks by its labels. */
    record Reading(long ticks, long late, long skipped, int lobbies, Map<String, Long> lateByLobby) {

        /**
         * What happened between {@code start} and this reading; lobbies is this reading's count, and the
         * most late ticks of one lobby counts a lobby made after the start from zero.
         */
        Summary.ServerTicks since(Reading start) {
            long most = 0;
            for (Map.Entry<String, Long> e : lateByLobby.entrySet()) {
                most = Math.max(most, e.getValue() - start.lateByLobby.getOrDefault(e.getKey(), 0L));
            }
            return new Summary.ServerTicks(ticks - start.ticks, late - start.late, skipped - start.skipped,
                    lobbies, most, null);
        }
    }
}
