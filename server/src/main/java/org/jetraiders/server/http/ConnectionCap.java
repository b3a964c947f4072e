package org.jetraiders.server.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Jetty's connection limit, counted and made to clear stalled connections: at the cap the connector
 * stops accepting (new connections wait in the kernel's accept queue) and every open connection's
 * idle timeout drops to {@link #IDLE_TIMEOUT_AT_CAP_MS} (or the configured one if shorter), so stalled
 * ones make room within a second; accepting resumes below the cap.
 *
 * <p>Jetty applies the short timeout only to connections already open when the cap is reached; in a
 * burst the cap is reached while the last connections are still being accepted, so this also shortens
 * the timeout of every connection that opens while the cap holds ({@link #onOpened}).
 *
 * <p>Jetty calls {@link #limit()} and {@link #unlimit()} under its own lock, and {@link #onOpened} on its
 * selector or worker threads.
 */
final class ConnectionCap extends NetworkConnectionLimit implements Connection.Listener {
    /** Idle timeout of every open connection while the cap is reached. */
    static final long IDLE_TIMEOUT_AT_CAP_MS = 1000;

    private final ServerMetrics metrics;
    private volatile boolean atCap;

    ConnectionCap(int maxConnections, long idleTimeoutMs, Connector connector, ServerMetrics metrics) {
        super(maxConnections, connector);
        this.metrics = metrics;
        setEndPointIdleTimeout(Math.min(IDLE_TIMEOUT_AT_CAP_MS, idleTimeoutMs));
    }

    @Override
    protected void limit() {
        metrics.httpRefused(Refusals.CONNECTION_LIMIT);
        atCap = true;
        super.limit();
    }

    @Override
    protected void unlimit() {
        atCap = false;
        super.unlimit();
    }

    @Override
    public void onOpened(Connection connection) {
        if (atCap) {
            connection.getEndPoint().setIdleTimeout(getEndPointIdleTimeout());
        }
    }
}
