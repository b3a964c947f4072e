package org.jetraiders.server.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.metrics.ServerMetrics;

/** {@code GET /health}, {@code /metrics}, {@code /lobbies} and {@code /config.json}. */
final class InfoRoutes {
    private final LobbyDirectory directory;
    private final ServerMetrics metrics;
    private final HealthCheck healthCheck;
    private final JsonObject config;

    InfoRoutes(LobbyDirectory directory, ServerMetrics metrics, HealthCheck healthCheck, int wsPort, String wsPath,
            int tickRateHz) {
        this.directory = directory;
        this.metrics = metrics;
        this.healthCheck = healthCheck;
        this.config = new JsonObject();
        config.addProperty("ws_port", wsPort);
        config.addProperty("ws_path", wsPath);
        config.addProperty("tick_rate", tickRateHz); // the browser's prediction steps at it
    }

    void health(Exchange exchange) throws IOException {
        HealthCheck.Report report = healthCheck.evaluate(directory.lobbies());
        JsonObject body = new JsonObject();
        body.addProperty("status", report.healthy() ? "ok" : "degraded");
        JsonArray lobbies = new JsonArray();
        for (HealthCheck.LobbyHealth lobby : report.lobbies()) {
            JsonObject json = new JsonObject();
            json.addProperty("name", lobby.name());
            json.addProperty("on_time", lobby.onTime());
            json.addProperty("last_tick_age_ms", lobby.lastTickAgeNanos() < 0
                    ? -1 : TimeUnit.NANOSECONDS.toMillis(lobby.lastTickAgeNanos()));
            json.addProperty("late_ratio", lobby.lateRatio());
            json.addProperty("ticks", lobby.ticks());
            lobbies.add(json);
        }
        body.add("lobbies", lobbies);
        Responses.json(exchange, report.healthy() ? 200 : 503, body);
    }

    void metrics(Exchange exchange) throws IOException {
        StringBuilder out = new StringBuilder(4096);
        PrometheusWriter.write(out, metrics, directory.lobbies());
        exchange.setResponseHeader("Cache-Control", "no-store");
        Responses.bytes(exchange, 200, PrometheusWriter.CONTENT_TYPE, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    void lobbies(Exchange exchange) throws IOException {
        JsonObject body = new JsonObject();
        body.add("lobbies", lobbiesJson(directory.lobbies()));
        Responses.json(exchange, 200, body);
    }

    void config(Exchange exchange) throws IOException {
        Responses.json(exchange, 200, config);
    }

    static JsonArray lobbiesJson(List<LobbyView> views) {
        JsonArray lobbies = new JsonArray();
        for (LobbyView view : views) {
            JsonObject json = new JsonObject();
            json.addProperty("name", view.name());
            json.addProperty("players", view.playerCount());
            json.addProperty("max_players", view.maxPlayers());
            LobbyStatus status = view.status();
            json.addProperty("status", StatusNames.of(status.phase()));
            if (status.phase() == LobbyStatus.Phase.MATCH_STARTING) {
                json.addProperty("in_seconds", status.secondsLeft());
            }
            if (view.matchSecondsLeft() >= 0) {
                json.addProperty("seconds_left", view.matchSecondsLeft());
            }
            json.addProperty("tick", view.tick());
            lobbies.add(json);
        }
        return lobbies;
    }
}
