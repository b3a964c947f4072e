package org.jetraiders.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the HTTP side allows one client, in time, number and size. Validated on construction.
 *
 * @param threads worker threads that run routes (Jetty adds one selector thread)
 * @param requestTimeout longest time to receive a whole request, headers and body, counted from the
 *     connection opening or its previous response; slower ones get 408 or are closed
 * @param idleTimeout longest silence on a connection while it is read or written
 * @param maxConnections connections open at once; past it the server stops accepting until one closes
 * @param maxHeaderBytes largest request line plus headers; larger ones get 431 (414 for the URI)
 * @param maxBodyBytes largest request body; larger ones get 413
 */
record HttpLimits(int threads, Duration requestTimeout, Duration idleTimeout, int maxConnections,
                  int maxHeaderBytes, int maxBodyBytes) {
    static final HttpLimits DEFAULTS = new HttpLimits(2, Duration.ofSeconds(10), Duration.ofSeconds(30), 512,
            8 * 1024, 4 * 1024);

    HttpLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        requireRange("threads", threads, 1, 64);
        requireRange("maxConnections", maxConnections, 1, 1_000_000);
        requireRange("maxHeaderBytes", maxHeaderBytes, 1024, 1 << 20);
        requireRange("maxBodyBytes", maxBodyBytes, 64, 1 << 24);
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be > 0: " + requestTimeout);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be > 0: " + idleTimeout);
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
    }
}
