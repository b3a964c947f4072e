package org.jetraiders.server.metrics;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the server's transport, shared by every connection. The per-lobby numbers live in the
 * engine ({@code LobbyMetrics}); {@code http.PrometheusWriter} exports both.
 *
 * <p>Thread-safe. {@link #messageIn} and {@link #messageOut} are meant for hot paths: they only add
 * to {@link LongAdder}s. Reason labels should come from a small fixed set of constants (for example
 * {@code "client_closed"}, {@code "too_slow"}, {@code "bad_json"}); see {@link LabelledCounter}.
 */
public final class ServerMetrics {
    private final LongAdder connections = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LabelledCounter disconnects = new LabelledCounter();
    private final LabelledCounter handshakesRejected = new LabelledCounter();
    private final LabelledCounter rejectedInputs = new LabelledCounter();
    private final LabelledCounter agonesFailures = new LabelledCounter();

    /** A WebSocket connection was accepted. */
    public void connectionOpened() {
        connections.increment();
        connectionsOpened.increment();
    }

    /** A connection counted by {@link #connectionOpened()} closed, for this reason. */
    public void connectionClosed(String reason) {
        connections.decrement();
        disconnects.increment(reason);
    }

    /** A WebSocket handshake was refused (bad path, unknown lobby, server full...). */
    public void handshakeRejected(String reason) {
        handshakesRejected.increment(reason);
    }

    /** One inbound message of {@code bytes} bytes. */
    public void messageIn(int bytes) {
        messagesIn.increment();
        bytesIn.add(bytes);
    }

    /** One outbound message of {@code bytes} bytes. */
    public void messageOut(int bytes) {
        messagesOut.increment();
        bytesOut.add(bytes);
    }

    /** A client message was refused before reaching a lobby (malformed, unknown type, rate limit...). */
    public void rejectedInput(String reason) {
        rejectedInputs.increment(reason);
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
        return connections.sum();
    }

    /** Connections opened since start. */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    public long messagesIn() {
        return messagesIn.sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
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
}
