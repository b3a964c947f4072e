package org.jetraiders.server.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on the exact raw path (so {@code /healthz} never reaches {@code /health}); unknown paths
 * go to the fallback. Answers CORS preflight ({@code OPTIONS}) with 204 and wrong methods with 405 and
 * an {@code Allow} header; turns {@link HttpError} into its JSON error and anything else into a
 * logged 500. POST routes get their body read first by {@link BodyReader}, so no route ever waits
 * on a client.
 *
 * <p>Jetty calls {@link #handle} on its worker threads once a request's headers are in; a route runs
 * on that thread, or on the worker that delivers the last of its body.
 */
final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** A route body; may throw {@link HttpError}. */
    @FunctionalInterface
    interface Route {
        void handle(Exchange exchange) throws IOException;
    }

    private record Entry(String method, Route route) {
        boolean readsBody() {
            return "POST".equals(method);
        }
    }

    private final Map<String, Entry> routes = new HashMap<>();
    private final Route fallback;
    private final RequestDeadlines deadlines;
    private final Scheduler scheduler;
    private final HttpLimits limits;
    private final ServerMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    /** @param fallback GET handler for every path without a route (static files) */
    Router(Route fallback, RequestDeadlines deadlines, Scheduler scheduler, HttpLimits limits, ServerMetrics metrics) {
        this.fallback = fallback;
        this.deadlines = deadlines;
        this.scheduler = scheduler;
        this.limits = limits;
        this.metrics = metrics;
    }

    Router add(String method, String path, Route route) {
        routes.put(path, new Entry(method, route));
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        deadlines.headersRead(connection);
        Completion completion = new Completion(callback, connection);
        URI uri = parseTarget(request.getHttpURI().getPathQuery());
        Exchange exchange = new Exchange(request, response, completion, uri);
        if (uri == null) {
            respondError(exchange, new HttpError(400, "bad_path", "invalid path"));
        } else if (draining) {
            completion.countInFlight();
            refuseWhileStopping(exchange);
        } else {
            dispatch(request, exchange, completion);
        }
        return true;
    }

    /**
     * Refuses new requests with 503 and waits for the ones being answered to finish (requests still
     * waiting for their body are not waited for: stopping the server closes them).
     *
     * @return true if none was left in flight within the timeout
     */
    boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    private void dispatch(Request request, Exchange exchange, Completion completion) {
        Entry entry = routes.get(exchange.getRequestURI().getRawPath());
        String method = entry == null ? "GET" : entry.method();
        Route route = entry == null ? fallback : entry.route();
        String requested = exchange.getRequestMethod();
        String allow = method + ", OPTIONS";
        if ("OPTIONS".equals(requested)) {
            exchange.setResponseHeader("Allow", allow);
            exchange.setResponseHeader("Access-Control-Allow-Methods", allow);
            exchange.setResponseHeader("Access-Control-Allow-Headers", "Content-Type");
            exchange.setResponseHeader("Access-Control-Max-Age", "86400");
            Responses.empty(exchange, 204);
        } else if (!method.equals(requested)) {
            exchange.setResponseHeader("Allow", allow);
            respondError(exchange, new HttpError(405, "method_not_allowed", "use " + method));
        } else if (entry != null && entry.readsBody()) {
            BodyReader.read(request, limits.maxBodyBytes(), limits.requestTimeout().toNanos(), scheduler, metrics,
                    body -> {
                        exchange.requestBody(body);
                        run(exchange, completion, route);
                    },
                    error -> respondError(exchange, error)); // the body was not taken: the connection closes
        } else {
            run(exchange, completion, route);
        }
    }

    /** Runs {@code route}, or answers 503 if the server started stopping while the body came in. */
    private void run(Exchange exchange, Completion completion, Route route) {
        completion.countInFlight();
        if (draining) {
            refuseWhileStopping(exchange);
            return;
        }
        try {
            route.handle(exchange);
            if (!exchange.isResponded()) {
                throw new IllegalStateException("route answered nothing");
            }
        } catch (HttpError e) {
            respondError(exchange, e);
        } catch (IOException e) {
            LOG.debug("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            if (!exchange.isResponded()) {
                exchange.abandon(e);
            }
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respondError(exchange, new HttpError(500, "internal_error", "internal server error"));
        }
    }

    private static void refuseWhileStopping(Exchange exchange) {
        exchange.setResponseHeader("Connection", "close");
        respondError(exchange, new HttpError(503, "stopping", "the server is stopping"));
    }

    private static void respondError(Exchange exchange, HttpError error) {
        if (exchange.isResponded()) {
            return; // the response is on its way; the connection closes if it fails
        }
        Responses.error(exchange, error.status, error.code, error.getMessage());
    }

    /** The request target as the JDK would parse it (not decoded), or null if it is not a valid URI. */
    private static URI parseTarget(String pathQuery) {
        try {
            return new URI(pathQuery);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Completes a request: re-arms the connection's deadline for its next request and, if the request
     * reached a route, counts it out of {@link #inFlight}; both before Jetty moves on to the next
     * request on the connection. Runs on whichever thread finishes the write.
     */
    private final class Completion implements Callback {
        private final Callback callback;
        private final Connection connection;
        private volatile boolean counted;

        Completion(Callback callback, Connection connection) {
            this.callback = callback;
            this.connection = connection;
        }

        void countInFlight() {
            counted = true;
            inFlight.incrementAndGet();
        }

        @Override
        public void succeeded() {
            finish();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            finish();
            callback.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }

        private void finish() {
            deadlines.responseDone(connection);
            if (counted && inFlight.decrementAndGet() == 0 && draining) {
                synchronized (Router.this) {
                    Router.this.notifyAll();
                }
            }
        }
    }
}
