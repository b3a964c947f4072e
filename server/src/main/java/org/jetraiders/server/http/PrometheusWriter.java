package org.jetraiders.server.http;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * The {@code /metrics} body: the server's registry ({@link ServerMetrics}: transport counters, the
 * tick-time histogram) and the per-lobby families ({@link LobbyFamilies}), written by the Prometheus
 * client library's text format writer (exposition format 0.0.4). Families without samples are left
 * out, as the library does. Stateless and thread-safe.
 */
public final class PrometheusWriter {
    /** The exposition format's content type. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    /** Label of inputs the engine rejected as NaN or infinite. */
    public static final String ENGINE_NOT_FINITE = "not_finite";
    /** Label of inputs the engine dropped for a player not in the lobby. */
    public static final String ENGINE_UNKNOWN_PLAYER = "unknown_player";
    /** Label of inputs the engine dropped as out of order. */
    public static final String ENGINE_STALE = "stale";

    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    private PrometheusWriter() {
    }

    /** Appends every metric family to {@code out}. */
    public static void write(StringBuilder out, ServerMetrics metrics, List<LobbyView> lobbies) {
        out.append(new String(body(metrics, lobbies), StandardCharsets.UTF_8));
    }

    /** Every metric family, as the UTF-8 bytes of a {@link #CONTENT_TYPE} response body. */
    public static byte[] body(ServerMetrics metrics, List<LobbyView> lobbies) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            TEXT.write(bytes, snapshots(metrics, lobbies));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by a ByteArrayOutputStream
        }
        return bytes.toByteArray();
    }

    static MetricSnapshots snapshots(ServerMetrics metrics, List<LobbyView> lobbies) {
        List<MetricSnapshot> families = new ArrayList<>();
        metrics.collect().forEach(families::add);
        families.add(LobbyFamilies.withEngineRejections(metrics.collectRejectedInputs(), lobbies));
        families.addAll(LobbyFamilies.of(lobbies));
        return new MetricSnapshots(families); // sorted by name
    }
}
