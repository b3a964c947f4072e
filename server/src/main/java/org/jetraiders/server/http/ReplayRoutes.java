package org.jetraiders.server.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.jetraiders.engine.journal.JournalFormatException;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * {@code GET /replays} (the recorded matches, newest first, paged) and {@code GET /replays/frames}
 * (a chunk of one, re-simulated; {@link ReplayFrames}). Both read journal files and may re-simulate
 * seconds of a match, so both run only while holding one of {@link ReplayLimits#concurrency()} permits:
 * past that they answer 503 {@code replay_busy} at once (counted in {@code jetraiders_http_refused_total}
 * with reason {@code replay_busy}) rather than queue behind each other on the HTTP workers.
 */
final class ReplayRoutes {
    private final ReplayCatalog catalog;
    private final ReplayLimits limits;
    private final ServerMetrics metrics;
    private final Semaphore permits;

    ReplayRoutes(Path journalDirectory, ReplayLimits limits, ServerMetrics metrics) {
        this.catalog = new ReplayCatalog(journalDirectory);
        this.limits = limits;
        this.metrics = metrics;
        this.permits = new Semaphore(limits.concurrency());
    }

    /** The permits; a test holds them to see the cap refuse. */
    Semaphore permits() {
        return permits;
    }

    void list(Exchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        int limit = (int) number(q, "limit", limits.maxListed(), 1, limits.maxListed());
        int offset = (int) number(q, "offset", 0, 0, ReplayCatalog.MAX_FILES_SCANNED);
        acquire();
        try {
            ReplayCatalog.Page page = catalog.list(offset, limit);
            JsonObject body = new JsonObject();
            JsonArray replays = new JsonArray();
            page.replays().forEach(s -> replays.add(json(s)));
            body.add("replays", replays);
            body.addProperty("total", page.total());
            body.addProperty("offset", offset);
            if (offset + page.replays().size() < page.total()) {
                body.addProperty("next_offset", offset + page.replays().size());
            }
            Responses.json(exchange, 200, body);
        } finally {
            permits.release();
        }
    }

    void frames(Exchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String id = q.get("id");
        if (id == null || id.isEmpty()) {
            throw new HttpError(400, "bad_request", "id is required (one from GET /replays)");
        }
        long from = number(q, "from", 0, 0, Long.MAX_VALUE / 4);
        int count = (int) number(q, "count", limits.maxFrames(), 1, limits.maxFrames());
        int step = (int) number(q, "step", 1, 1, ReplayLimits.MAX_STEP);
        acquire();
        try {
            ReplayCatalog.Match match = catalog.find(id);
            if (match == null) {
                throw new HttpError(404, "unknown_replay", "no recorded match has the id " + id);
            }
            ReplaySummary summary = match.summary();
            Path file = match.path();
            if (!summary.playable()) {
                throw new HttpError(422, "replay_unreadable", "match " + id + " cannot be replayed: " + summary.detail());
            }
            byte[] body;
            try {
                body = ReplayFrames.chunk(file, Responses.GSON.toJson(json(summary)), Math.max(from, summary.firstTick() + 1), count, step,
                        summary.tickRateHz());
            } catch (JournalFormatException e) {
                throw new HttpError(422, "replay_unreadable", "match " + id + " cannot be replayed: " + e.getMessage());
            }
            Responses.bytes(exchange, 200, Responses.JSON, body);
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        if (!permits.tryAcquire()) {
            metrics.httpRefused(Refusals.REPLAY_BUSY);
            throw new HttpError(503, "replay_busy", "the server is replaying " + limits.concurrency()
                    + " requests already (--replay-concurrency); try again in a moment");
        }
    }

    static JsonObject json(ReplaySummary s) {
        JsonObject j = new JsonObject();
        j.addProperty("id", s.id());
        j.addProperty("lobby", s.lobby());
        j.addProperty("started_at", s.startedAtMillis() > 0 ? Instant.ofEpochMilli(s.startedAtMillis()).toString() : null);
        j.addProperty("match", s.match());
        j.addProperty("tick_rate", s.tickRateHz());
        j.addProperty("first_tick", s.firstTick());
        j.addProperty("last_tick", s.lastTick());
        long ticks = Math.max(0, s.lastTick() - s.firstTick());
        j.addProperty("ticks", ticks);
        j.addProperty("seconds", s.tickRateHz() > 0 ? Math.round(ticks * 10.0 / s.tickRateHz()) / 10.0 : 0);
        j.addProperty("bytes", s.bytes());
        j.addProperty("state", s.state());
        j.addProperty("detail", s.detail());
        JsonArray players = new JsonArray();
        s.players().forEach(players::add);
        j.add("players", players);
        return j;
    }

    private static Map<String, String> query(Exchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&", 16)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                q.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "bad_request", "malformed query");
            }
        }
        return q;
    }

    private static long number(Map<String, String> q, String name, long absent, long min, long max) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return absent;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new HttpError(400, "bad_request", name + " must be in [" + min + ", " + max + "], was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new HttpError(400, "bad_request", name + " must be a whole number");
        }
    }
}
