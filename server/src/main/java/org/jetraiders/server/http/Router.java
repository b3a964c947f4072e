package org.jetraiders.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on the exact path (the JDK server matches contexts by prefix, which would let
 * {@code /healthz} reach {@code /health}); unknown paths go to the fallback. Answers CORS preflight
 * ({@code OPTIONS}) with 204 and wrong methods with 405 and an {@code Allow} header; turns
 * {@link HttpError} into its JSON error and anything else into a logged 500.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** A route body; may throw {@link HttpError}. */
    @FunctionalInterface
    interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    private record Entry(String method, Route route) {
    }

    private final Map<String, Entry> routes = new HashMap<>();
    private final Route fallback;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    /** @param fallback GET handler for every path without a route (static files) */
    Router(Route fallback) {
        this.fallback = fallback;
    }

    Router add(String method, String path, Route route) {
        routes.put(path, new Entry(method, route));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            if (draining) {
                exchange.getResponseHeaders().set("Connection", "close");
                throw new HttpError(503, "stopping", "the server is stopping");
            }
            dispatch(exchange);
        } catch (HttpError e) {
            respondError(exchange, e.status, e.code, e.getMessage());
        } catch (IOException e) {
            LOG.debug("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respondError(exchange, 500, "internal_error", "internal server error");
        } finally {
            exchange.close();
            if (inFlight.decrementAndGet() == 0 && draining) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    /**
     * Refuses new requests with 503 and waits for the ones in flight to finish.
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

    private void dispatch(HttpExchange exchange) throws IOException {
        Entry entry = routes.get(exchange.getRequestURI().getRawPath());
        String method = entry == null ? "GET" : entry.method();
        Route route = entry == null ? fallback : entry.route();
        String requested = exchange.getRequestMethod();
        String allow = method + ", OPTIONS";
        if ("OPTIONS".equals(requested)) {
            exchange.getResponseHeaders().set("Allow", allow);
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", allow);
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            exchange.getResponseHeaders().set("Access-Control-Max-Age", "86400");
            Responses.empty(exchange, 204);
        } else if (!method.equals(requested)) {
            exchange.getResponseHeaders().set("Allow", allow);
            throw new HttpError(405, "method_not_allowed", "use " + method);
        } else {
            route.handle(exchange);
        }
    }

    private static void respondError(HttpExchange exchange, int status, String code, String message) {
        if (exchange.getResponseCode() != -1) {
            return; // headers already sent; closing the exchange is all we can do
        }
        try {
            Responses.error(exchange, status, code, message);
        } catch (IOException e) {
            LOG.debug("could not send HTTP {}: {}", status, e.toString());
        }
    }
}
