package org.jetraiders.server.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Jetty's connection limit, counted: at the cap the connector stops accepting (new connections wait
 * in the kernel's accept queue) and the open connections' idle timeout drops to
 * {@link #IDLE_TIMEOUT_AT_CAP_MS} (or the configured one if shorter), so stalled ones make room quickly;
 * accepting resumes below the cap.
 * Jetty calls {@link #limit()} under its own lock, on whichever thread opened the last connection.
 */
final class ConnectionCap extends NetworkConnectionLimit {
    /** Idle timeout of every open connection while the cap is reached. */
    static final long IDLE_TIMEOUT_AT_CAP_MS = 1000;

    private final ServerMetrics metrics;

    ConnectionCap(int maxConnections, long idleTimeoutMs, Connector connector, ServerMetrics metrics) {
        super(maxConnections, connector);
        this.metrics = metrics;
        setEndPointIdleTimeout(Math.min(IDLE_TIMEOUT_AT_CAP_MS, idleTimeoutMs));
    }

    @Override
    protected void limit() {
        metrics.httpRefused(Refusals.CONNECTION_LIMIT);
        super.limit();
    }
}
