package org.jetraiders.server.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jetraiders.engine.PipelineThreadRole;

/**
 * The server's own metrics, on the Prometheus client library: transport counters shared by every
 * connection, and the game loops' tick-time histogram. The per-lobby numbers live in the engine
 * ({@code LobbyMetrics}); {@code http.PrometheusWriter} exports both.
 *
 * <p>Thread-safe. {@link #messageIn} and {@link #messageOut} are meant for hot paths: they add to the
 * calling thread's own counts ({@link TrafficCounts}) and allocate nothing. Reason labels should come
 * from a small fixed set of constants (for example {@code "client_closed"}, {@code "too_slow"},
 * {@code "bad_json"}); see {@link LabelledCounter}. A new counter is one field ({@code counter("jetraiders_x_total", "...")})
 * and one method; it is exported from then on.
 */
public final class ServerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge connections = register(Gauge.builder()
            .name("jetraiders_connections").help("Open WebSocket connections.").withoutExemplars().build());
    private final LongAdder connectionsOpened = new LongAdder();
    private final TrafficCounts traffic = new TrafficCounts();
    private final LabelledCounter disconnects = reasons("jetraiders_disconnects_total",
            "Connections closed, by reason.");
    private final LabelledCounter handshakesRejected = reasons("jetraiders_handshakes_rejected_total",
            "WebSocket handshakes refused, by reason.");
    // not registered: the writer merges the engine's rejections (per lobby) into the same family
    private final LabelledCounter rejectedInputs = new LabelledCounter("jetraiders_rejected_inputs_total",
            "Client inputs rejected, by reason.", "reason");
    private final LabelledCounter httpRefused = reasons("jetraiders_http_refused_total",
            "HTTP requests or connections the HTTP side refused or cut off, by reason.");
    private final LabelledCounter agonesFailures = new LabelledCounter("jetraiders_agones_errors_total",
            "Calls to the Agones SDK sidecar that failed, by call.", "call");
    private final Counter resumes = counter("jetraiders_resumes_total",
            "Players who came back within the reconnect grace (or took their seat over from an older connection).");
    private final Counter graceExpiries = counter("jetraiders_reconnect_grace_expired_total",
            "Dropped players whose plane left because they did not come back within the reconnect grace.");
    private final Counter lobbiesRestored = counter("jetraiders_lobbies_restored_total",
            "Lobbies restored from their journal at start-up, after the server died while they ran (--recover).");
    private final Counter playersRestored = counter("jetraiders_players_restored_total",
            "Players of restored lobbies held for the reconnect grace at start-up.");
    private final LabelledCounter restoreFailures = reasons("jetraiders_lobby_restore_failures_total",
            "Journals of crashed lobbies that could not be restored at start-up (the lobby starts afresh), by reason.");
    private final Gauge spectators = register(Gauge.builder()
            .name("jetraiders_spectators").help("Spectators watching a lobby now.").withoutExemplars().build());
    private final Gauge pipelineThreadNice = register(Gauge.builder()
            .name("jetraiders_pipeline_thread_nice").labelNames("role")
            .help("Linux nice value the game-loop and encoding threads run at (--game-loop-nice; -20 is the "
                    + "highest priority, 0 the default). Absent where the server could not read it.")
            .withoutExemplars().build());
    private final Gauge pipelineThreadRtPriority = register(Gauge.builder()
            .name("jetraiders_pipeline_thread_rt_priority").labelNames("role")
            .help("Linux real-time (SCHED_FIFO) priority the game-loop and encoding threads run at "
                    + "(--game-loop-rt-priority; 0: the default policy, where their nice value counts). Absent when "
                    + "none was asked.")
            .withoutExemplars().build());
    private final TickDurations tickDurations = new TickDurations();
    private final JournalMetrics journal = new JournalMetrics(registry);

    public ServerMetrics() {
        registry.register(tickDurations);
        trafficCounter("jetraiders_messages_in_total", "WebSocket messages received.", TrafficCounts.MESSAGES_IN);
        trafficCounter("jetraiders_messages_out_total", "WebSocket messages sent.", TrafficCounts.MESSAGES_OUT);
        trafficCounter("jetraiders_bytes_in_total", "WebSocket payload bytes received.", TrafficCounts.BYTES_IN);
        trafficCounter("jetraiders_bytes_out_total", "WebSocket payload bytes sent.", TrafficCounts.BYTES_OUT);
        agonesFailures.registerWith(registry);
    }

    /** A WebSocket connection was accepted. */
    public void connectionOpened() {
        connections.inc();
        connectionsOpened.increment();
    }

    /** A connection counted by {@link #connectionOpened()} closed, for this reason. */
    public void connectionClosed(String reason) {
        connections.dec();
        disconnects.increment(reason);
    }

    /** A WebSocket handshake was refused (bad path, unknown lobby, server full...). */
    public void handshakeRejected(String reason) {
        handshakesRejected.increment(reason);
    }

    /** One inbound message of {@code bytes} bytes. */
    public void messageIn(int bytes) {
        traffic.add(TrafficCounts.MESSAGES_IN, bytes);
    }

    /** One outbound message of {@code bytes} bytes. */
    public void messageOut(int bytes) {
        traffic.add(TrafficCounts.MESSAGES_OUT, bytes);
    }

    /** A player took its plane back ({@code Join} with its session or resume token). */
    public void playerResumed() {
        resumes.inc();
    }

    /** A dropped player's reconnect grace ran out; its plane left. */
    public void reconnectGraceExpired() {
        graceExpiries.inc();
    }

    /** A crashed lobby was restored from its journal, with this many players held for the grace. */
    public void lobbyRestored(int heldPlayers) {
        lobbiesRestored.inc();
        playersRestored.inc(heldPlayers);
    }

    /** A crashed lobby's journal could not be restored ({@code reason}: corrupt, version, diverged, io_error...). */
    public void lobbyRestoreFailed(String reason) {
        restoreFailures.increment(reason);
    }

    public long lobbiesRestored() {
        return lobbiesRestored.getLongValue();
    }

    public long playersRestored() {
        return playersRestored.getLongValue();
    }

    /** Sorted copy: reason → journals not restored. */
    public Map<String, Long> restoreFailuresByReason() {
        return restoreFailures.snapshot();
    }

    /** A spectator started ({@code +1}) or stopped ({@code -1}) watching. */
    public void spectatorsChanged(int delta) {
        spectators.inc(delta);
    }

    public long resumes() {
        return resumes.getLongValue();
    }

    public long reconnectGraceExpiries() {
        return graceExpiries.getLongValue();
    }

    public long spectators() {
        return (long) spectators.get();
    }

    /** A client message was refused before reaching a lobby (malformed, unknown type, rate limit...). */
    public void rejectedInput(String reason) {
        rejectedInputs.increment(reason);
    }

    /** The game loops' tick-time histogram, fed by each lobby's {@link TickRecorder}. */
    public TickDurations tickDurations() {
        return tickDurations;
    }

    /** The journals' bytes, breaks, fsync times and deletions; the journal threads report into it. */
    public JournalMetrics journal() {
        return journal;
    }

    /** The HTTP side refused or cut off a request or connection (request_timeout, body_too_large...). */
    public void httpRefused(String reason) {
        httpRefused.increment(reason);
    }

    /** A call to the Agones SDK sidecar failed ({@code call}: ready, health, list, counter, watch, shutdown). */
    public void agonesCallFailed(String call) {
        agonesFailures.increment(call);
    }

    /** Sorted copy: Agones sidecar call → failures. */
    public Map<String, Long> agonesCallFailuresByCall() {
        return agonesFailures.snapshot();
    }

    /** Connections open right now. */
    public long connections() {
        return (long) connections.get();
    }

    /** Connections opened since start. */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    public long messagesIn() {
        return traffic.sum(TrafficCounts.MESSAGES_IN);
    }

    public long messagesOut() {
        return traffic.sum(TrafficCounts.MESSAGES_OUT);
    }

    public long bytesIn() {
        return traffic.sum(TrafficCounts.BYTES_IN);
    }

    public long bytesOut() {
        return traffic.sum(TrafficCounts.BYTES_OUT);
    }

    public long disconnects(String reason) {
        return disconnects.get(reason);
    }

    public long handshakesRejected(String reason) {
        return handshakesRejected.get(reason);
    }

    public long rejectedInputs(String reason) {
        return rejectedInputs.get(reason);
    }

    public long httpRefusals(String reason) {
        return httpRefused.get(reason);
    }

    /** Sorted copy: reason → HTTP requests or connections refused or cut off. */
    public Map<String, Long> httpRefusedByReason() {
        return httpRefused.snapshot();
    }

    /** Sorted copy: reason → disconnects. */
    public Map<String, Long> disconnectsByReason() {
        return disconnects.snapshot();
    }

    /** Sorted copy: reason → refused handshakes. */
    public Map<String, Long> handshakesRejectedByReason() {
        return handshakesRejected.snapshot();
    }

    /** Sorted copy: reason → refused client messages. */
    public Map<String, Long> rejectedInputsByReason() {
        return rejectedInputs.snapshot();
    }

    /** The nice value a kind of pipeline thread runs at; reported once, as its first thread starts. */
    public void pipelineThreadNice(PipelineThreadRole role, int nice) {
        pipelineThreadNice.labelValues(roleLabel(role)).set(nice);
    }

    /** The SCHED_FIFO priority a kind of pipeline thread runs at (0: none); reported once, as its first thread starts. */
    public void pipelineThreadRtPriority(PipelineThreadRole role, int priority) {
        pipelineThreadRtPriority.labelValues(roleLabel(role)).set(priority);
    }

    private static String roleLabel(PipelineThreadRole role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every family registered here, read now; scrape time only (allocates). */
    public MetricSnapshots collect() {
        return registry.scrape();
    }

    /** The transport's input rejections; the writer adds the engine's to this family. */
    public CounterSnapshot collectRejectedInputs() {
        return rejectedInputs.collect();
    }

    /** A counter of the traffic's, read from its per-thread counts when scraped. */
    private void trafficCounter(String name, String help, int slot) {
        register(CounterWithCallback.builder().name(name).help(help)
                .callback(callback -> callback.call(traffic.sum(slot))).build());
    }

    private Counter counter(String name, String help) {
        return register(Counter.builder().name(name).help(help).withoutExemplars().build());
    }

    private LabelledCounter reasons(String name, String help) {
        LabelledCounter counter = new LabelledCounter(name, help, "reason");
        counter.registerWith(registry);
        return counter;
    }

    private <M extends io.prometheus.metrics.model.registry.Collector> M register(M metric) {
        registry.register(metric);
        return metric;
    }
}
