package org.jetraiders.server.http;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Builds the Jetty server behind {@link HttpSide}: one HTTP/1.1 connector with every limit of
 * {@link HttpLimits} applied, sized small because the game, not HTTP, owns this machine's memory and
 * cores: one selector thread that also accepts, a few workers, heap buffers from a small pool.
 */
final class JettyServerFactory {
    /** Threads Jetty keeps even when idle: the selector and one worker. */
    private static final int MIN_THREADS = 2;
    private static final int THREAD_IDLE_TIMEOUT_MS = 60_000;
    /** Bytes the buffer pool keeps for reuse; requests and responses here are a few KiB. */
    private static final long POOLED_BYTES = 1 << 20;
    private static final int LARGEST_POOLED_BUFFER = 64 * 1024;
    /** Response bytes Jetty gathers before writing; our responses are written whole anyway. */
    private static final int OUTPUT_BUFFER_BYTES = 8 * 1024;

    private JettyServerFactory() {
    }

    @SuppressWarnings("removal") // setDelayDispatchUntilContent: see below
    static Server create(String host, int port, HttpLimits limits, Handler handler, RequestDeadlines deadlines,
                         Scheduler scheduler, ServerMetrics metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads() + 1, MIN_THREADS, THREAD_IDLE_TIMEOUT_MS);
        threads.setName("jr-http");
        threads.setDaemon(true);
        threads.setReservedThreads(0); // no threads parked in reserve for the fast path; the game needs the cores
        ArrayByteBufferPool buffers = new ArrayByteBufferPool(0, -1, LARGEST_POOLED_BUFFER, -1, POOLED_BYTES, POOLED_BYTES);
        Server server = new Server(threads, scheduler, buffers);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setOutputBufferSize(OUTPUT_BUFFER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setUseInputDirectByteBuffers(false); // heap buffers: no direct memory outside the heap limit
        http.setUseOutputDirectByteBuffers(false);
        // hand a POST to the router as soon as its headers are in, so a body that never comes gets a 408
        // (12.1 deprecates this switch in favour of EagerContentHandler, which delays only if added)
        http.setDelayDispatchUntilContent(false);
        // the router matches raw paths exactly and StaticFiles vets every decoded segment, so ambiguous
        // paths (%2e%2e, %2f) reach them and get their JSON 400 instead of Jetty's
        http.setUriCompliance(UriCompliance.from(UriCompliance.AMBIGUOUS_VIOLATIONS));

        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        ServerConnector connector = new ServerConnector(server, 0, 1, http1); // 0 acceptors: the selector accepts
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addEventListener(deadlines);
        server.addConnector(connector);
        ConnectionCap cap = new ConnectionCap(limits.maxConnections(), limits.idleTimeout().toMillis(), connector, metrics);
        connector.addEventListener(cap);
        server.addBean(cap);

        server.setHandler(handler);
        server.setErrorHandler(new JsonErrorHandler(metrics));
        server.setStopTimeout(0); // HttpSide drains in-flight requests itself before stopping
        return server;
    }
}
