package org.jetraiders.server.http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Writes server and lobby metrics in the Prometheus text exposition format 0.0.4. Every family has
 * HELP and TYPE lines, even when it has no samples yet. Stateless and thread-safe.
 *
 * <p>{@code jetraiders_rejected_inputs_total{reason}} merges the transport's reasons
 * ({@link ServerMetrics#rejectedInput}) with the engine's, summed over lobbies, under the labels
 * {@value #ENGINE_NOT_FINITE}, {@value #ENGINE_UNKNOWN_PLAYER} and {@value #ENGINE_STALE}; the
 * transport should not count those itself.
 */
public final class PrometheusWriter {
    /** The exposition format's content type. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Label of inputs the engine rejected as NaN or infinite. */
    public static final String ENGINE_NOT_FINITE = "not_finite";
    /** Label of inputs the engine dropped for a player not in the lobby. */
    public static final String ENGINE_UNKNOWN_PLAYER = "unknown_player";
    /** Label of inputs the engine dropped as out of order. */
    public static final String ENGINE_STALE = "stale";

    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};
    private static final String[] QUANTILE_LABELS = {"0.5", "0.9", "0.99", "0.999"};
    private static final double NANOS_PER_SECOND = 1e9;

    private PrometheusWriter() {
    }

    /** Appends every metric family to {@code out}. */
    public static void write(StringBuilder out, ServerMetrics metrics, List<LobbyView> lobbies) {
        header(out, "jetraiders_lobbies", "gauge", "Lobbies on this server.");
        sample(out, "jetraiders_lobbies", null, null, lobbies.size());

        header(out, "jetraiders_players", "gauge", "Players in a lobby.");
        for (LobbyView lobby : lobbies) {
            sample(out, "jetraiders_players", "lobby", lobby.name(), lobby.playerCount());
        }

        header(out, "jetraiders_connections", "gauge", "Open WebSocket connections.");
        sample(out, "jetraiders_connections", null, null, metrics.connections());

        writeTickDurations(out, lobbies);
        perLobby(out, lobbies, "jetraiders_ticks_total", "counter", "Ticks stepped.", LobbyMetrics::ticks);
        perLobby(out, lobbies, "jetraiders_late_ticks_total", "counter",
                "Ticks fired more than half a period late.", LobbyMetrics::lateTicks);
        perLobby(out, lobbies, "jetraiders_skipped_ticks_total", "counter",
                "Tick deadlines skipped after falling behind.", LobbyMetrics::skippedTicks);

        counter(out, "jetraiders_messages_in_total", "WebSocket messages received.", metrics.messagesIn());
        counter(out, "jetraiders_messages_out_total", "WebSocket messages sent.", metrics.messagesOut());
        counter(out, "jetraiders_bytes_in_total", "WebSocket payload bytes received.", metrics.bytesIn());
        counter(out, "jetraiders_bytes_out_total", "WebSocket payload bytes sent.", metrics.bytesOut());

        perLobby(out, lobbies, "jetraiders_snapshots_skipped_total", "counter",
                "Snapshots skipped for clients that could not keep up.", LobbyMetrics::snapshotsSkipped);
        perLobby(out, lobbies, "jetraiders_snapshots_dropped_total", "counter",
                "Snapshots not published because the output ring was full.", LobbyMetrics::snapshotsDroppedRingFull);

        byReason(out, "jetraiders_disconnects_total", "Connections closed, by reason.",
                metrics.disconnectsByReason());
        Map<String, Long> rejected = new TreeMap<>(metrics.rejectedInputsByReason());
        addEngineRejections(rejected, lobbies);
        byReason(out, "jetraiders_rejected_inputs_total", "Client inputs rejected, by reason.", rejected);
        byReason(out, "jetraiders_handshakes_rejected_total", "WebSocket handshakes refused, by reason.",
                metrics.handshakesRejectedByReason());

        perLobby(out, lobbies, "jetraiders_inputs_dropped_total", "counter",
                "Inputs dropped because the input ring was full.", LobbyMetrics::inputsDroppedRingFull);

        header(out, "jetraiders_consumers", "gauge", "Client consumers attached to a lobby.");
        for (LobbyView lobby : lobbies) {
            sample(out, "jetraiders_consumers", "lobby", lobby.name(), lobby.metrics().consumers());
        }
    }

    /** Escapes a label value: backslash, double quote and line feed. */
    static String escapeLabel(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void writeTickDurations(StringBuilder out, List<LobbyView> lobbies) {
        String name = "jetraiders_tick_duration_seconds";
        header(out, name, "summary", "Game-loop step and publish time per tick (approximate, within 12.5%).");
        for (LobbyView lobby : lobbies) {
            String lobbyLabel = escapeLabel(lobby.name());
            for (int i = 0; i < QUANTILES.length; i++) {
                double seconds = lobby.metrics().tickDurationNanos(QUANTILES[i]) / NANOS_PER_SECOND;
                out.append(name).append("{lobby=\"").append(lobbyLabel).append("\",quantile=\"")
                        .append(QUANTILE_LABELS[i]).append("\"} ").append(seconds).append('\n');
            }
            sample(out, name + "_count", "lobby", lobby.name(), lobby.metrics().ticks());
        }
    }

    private static void addEngineRejections(Map<String, Long> rejected, List<LobbyView> lobbies) {
        long notFinite = 0;
        long unknownPlayer = 0;
        long stale = 0;
        for (LobbyView lobby : lobbies) {
            notFinite += lobby.metrics().inputsRejectedNotFinite();
            unknownPlayer += lobby.metrics().inputsUnknownPlayer();
            stale += lobby.metrics().inputsStale();
        }
        rejected.merge(ENGINE_NOT_FINITE, notFinite, Long::sum);
        rejected.merge(ENGINE_UNKNOWN_PLAYER, unknownPlayer, Long::sum);
        rejected.merge(ENGINE_STALE, stale, Long::sum);
    }

    private static void perLobby(StringBuilder out, List<LobbyView> lobbies, String name, String type, String help,
            ToLongFunction<LobbyMetrics> value) {
        header(out, name, type, help);
        for (LobbyView lobby : lobbies) {
            sample(out, name, "lobby", lobby.name(), value.applyAsLong(lobby.metrics()));
        }
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, "counter", help);
        sample(out, name, null, null, value);
    }

    private static void byReason(StringBuilder out, String name, String help, Map<String, Long> counts) {
        header(out, name, "counter", help);
        counts.forEach((reason, count) -> sample(out, name, "reason", reason, count));
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String labelValue, long value) {
        out.append(name);
        if (label != null) {
            out.append('{').append(label).append("=\"").append(escapeLabel(labelValue)).append("\"}");
        }
        out.append(' ').append(value).append('\n');
    }
}
