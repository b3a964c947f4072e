package org.jetraiders.server.http;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.jetraiders.engine.LobbyMetrics;

/**
 * The per-lobby families, read from the lobbies' live engine counters at scrape time (the engine
 * counts without knowing Prometheus; lobbies that went away simply stop appearing). Stateless.
 *
 * <p>{@code jetraiders_rejected_inputs_total{reason}} merges the transport's reasons with the engine's,
 * summed over lobbies, under {@link PrometheusWriter#ENGINE_NOT_FINITE},
 * {@link PrometheusWriter#ENGINE_UNKNOWN_PLAYER} and {@link PrometheusWriter#ENGINE_STALE}.
 */
final class LobbyFamilies {
    private static final String LOBBY = "lobby";

    private LobbyFamilies() {
    }

    static List<MetricSnapshot> of(List<LobbyView> lobbies) {
        List<MetricSnapshot> families = new ArrayList<>();
        families.add(GaugeSnapshot.builder().name("jetraiders_lobbies").help("Lobbies on this server.")
                .dataPoint(GaugeDataPointSnapshot.builder().value(lobbies.size()).build()).build());
        families.add(gauge(lobbies, "jetraiders_players", "Players in a lobby.", LobbyView::playerCount));
        families.add(gauge(lobbies, "jetraiders_consumers", "Client consumers attached to a lobby.",
                view -> view.metrics().consumers()));
        families.add(counter(lobbies, "jetraiders_ticks_total", "Ticks stepped.", LobbyMetrics::ticks));
        families.add(counter(lobbies, "jetraiders_late_ticks_total",
                "Ticks fired more than half a period late.", LobbyMetrics::lateTicks));
        families.add(counter(lobbies, "jetraiders_skipped_ticks_total",
                "Tick deadlines skipped after falling behind.", LobbyMetrics::skippedTicks));
        families.add(counter(lobbies, "jetraiders_snapshots_skipped_total",
                "Snapshots skipped for clients that could not keep up.", LobbyMetrics::snapshotsSkipped));
        families.add(counter(lobbies, "jetraiders_snapshots_dropped_total",
                "Snapshots not published because the output ring was full.", LobbyMetrics::snapshotsDroppedRingFull));
        families.add(counter(lobbies, "jetraiders_inputs_dropped_total",
                "Inputs dropped because the input ring was full.", LobbyMetrics::inputsDroppedRingFull));
        return families;
    }

    /** The transport's rejections with the engine's added under their own reasons. */
    static CounterSnapshot withEngineRejections(CounterSnapshot transport, List<LobbyView> lobbies) {
        Map<String, Double> byReason = new TreeMap<>();
        for (CounterDataPointSnapshot point : transport.getDataPoints()) {
            byReason.merge(point.getLabels().get("reason"), point.getValue(), Double::sum);
        }
        byReason.merge(PrometheusWriter.ENGINE_NOT_FINITE, sum(lobbies, LobbyMetrics::inputsRejectedNotFinite), Double::sum);
        byReason.merge(PrometheusWriter.ENGINE_UNKNOWN_PLAYER, sum(lobbies, LobbyMetrics::inputsUnknownPlayer), Double::sum);
        byReason.merge(PrometheusWriter.ENGINE_STALE, sum(lobbies, LobbyMetrics::inputsStale), Double::sum);
        CounterSnapshot.Builder family = CounterSnapshot.builder()
                .name(transport.getMetadata().getName()).help(transport.getMetadata().getHelp());
        byReason.forEach((reason, value) -> family.dataPoint(
                CounterDataPointSnapshot.builder().labels(Labels.of("reason", reason)).value(value).build()));
        return family.build();
    }

    private static double sum(List<LobbyView> lobbies, ToLongFunction<LobbyMetrics> value) {
        long total = 0;
        for (LobbyView lobby : lobbies) {
            total += value.applyAsLong(lobby.metrics());
        }
        return total;
    }

    private static GaugeSnapshot gauge(List<LobbyView> lobbies, String name, String help,
            ToLongFunction<LobbyView> value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        for (LobbyView lobby : lobbies) {
            family.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(Labels.of(LOBBY, lobby.name())).value(value.applyAsLong(lobby)).build());
        }
        return family.build();
    }

    private static CounterSnapshot counter(List<LobbyView> lobbies, String name, String help,
            ToLongFunction<LobbyMetrics> value) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(name).help(help);
        for (LobbyView lobby : lobbies) {
            family.dataPoint(CounterDataPointSnapshot.builder()
                    .labels(Labels.of(LOBBY, lobby.name())).value(value.applyAsLong(lobby.metrics())).build());
        }
        return family.build();
    }
}
