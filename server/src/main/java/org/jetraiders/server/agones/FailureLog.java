package org.jetraiders.server.agones;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every failed sidecar call in the metrics and logs them without flooding: the first failure
 * of a kind at once, then at most one line per {@link #QUIET_PERIOD} with how many were not logged,
 * and one line when that kind of call works again.
 */
final class FailureLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.jetraiders.server.agones");
    /** One warning per kind of call per minute is enough to see a sidecar that stays down. */
    static final Duration QUIET_PERIOD = Duration.ofSeconds(60);

    private final ServerMetrics metrics;
    private final LongSupplier nanoTime;
    private final Map<String, Streak> streaks = new HashMap<>();

    FailureLog(ServerMetrics metrics, LongSupplier nanoTime) {
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /** A call of kind {@code call} failed. */
    synchronized void failed(String call, Throwable error) {
        metrics.agonesCallFailed(call);
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        long now = nanoTime.getAsLong();
        Streak streak = streaks.get(call);
        if (streak == null) {
            streaks.put(call, new Streak(now));
            LOG.warn("Agones sidecar: {} failed ({}); the game goes on, retrying", call, describe(cause));
            return;
        }
        streak.failures++;
        if (now - streak.lastLoggedNanos >= QUIET_PERIOD.toNanos()) {
            LOG.warn("Agones sidecar: {} still failing ({} failures in a row, latest: {})", call, streak.failures,
                    describe(cause));
            streak.lastLoggedNanos = now;
        }
    }

    /** A call of kind {@code call} worked; logs the recovery if it had been failing. */
    synchronized void succeeded(String call) {
        Streak streak = streaks.remove(call);
        if (streak != null) {
            LOG.info("Agones sidecar: {} works again after {} failures", call, streak.failures);
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + message;
    }

    private static final class Streak {
        long failures = 1;
        long lastLoggedNanos;

        Streak(long now) {
            lastLoggedNanos = now;
        }
    }
}
