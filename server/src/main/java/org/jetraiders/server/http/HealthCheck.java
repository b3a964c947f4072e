package org.jetraiders.server.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.server.metrics.TickWindow;

/**
 * Decides whether every lobby ticks on time. A lobby is on time when its latest tick finished no
 * longer than {@code maxTickAge} ago and, within its recent window ({@link LobbyView#recentTicks()}:
 * the last 10 to 11 seconds in the server), fewer than {@code maxLateRatio} of its due ticks were late
 * or skipped. A lobby that has not ticked yet is not on time.
 *
 * <p>The verdict depends only on the clock and the lobbies' counters: it keeps no state between
 * calls, so any number of concurrent pollers get the same answer as one. Thread-safe.
 */
public final class HealthCheck {
    public static final Duration DEFAULT_MAX_TICK_AGE = Duration.ofSeconds(1);
    public static final double DEFAULT_MAX_LATE_RATIO = 0.10;

    private final LongSupplier nanoTime;
    private final long maxTickAgeNanos;
    private final double maxLateRatio;

    /** Uses {@link #DEFAULT_MAX_TICK_AGE} and {@link #DEFAULT_MAX_LATE_RATIO}. */
    public HealthCheck(LongSupplier nanoTime) {
        this(nanoTime, DEFAULT_MAX_TICK_AGE, DEFAULT_MAX_LATE_RATIO);
    }

    /**
     * @param nanoTime the same clock as {@link LobbyMetrics#lastTickNanos()}: {@code System::nanoTime}
     * @param maxTickAge a lobby whose latest tick is older than this is not on time
     * @param maxLateRatio a lobby with this share of late or skipped ticks or more is not on time; in (0, 1]
     */
    public HealthCheck(LongSupplier nanoTime, Duration maxTickAge, double maxLateRatio) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (maxTickAge.isNegative() || maxTickAge.isZero()) {
            throw new IllegalArgumentException("maxTickAge must be positive");
        }
        if (!(maxLateRatio > 0 && maxLateRatio <= 1)) {
            throw new IllegalArgumentException("maxLateRatio must be in (0, 1]");
        }
        this.maxTickAgeNanos = maxTickAge.toNanos();
        this.maxLateRatio = maxLateRatio;
    }

    /** Judges every lobby now. */
    public Report evaluate(List<LobbyView> lobbies) {
        long now = nanoTime.getAsLong();
        List<LobbyHealth> results = new ArrayList<>(lobbies.size());
        boolean healthy = true;
        for (LobbyView lobby : lobbies) {
            LobbyHealth health = evaluate(lobby, now);
            healthy &= health.onTime();
            results.add(health);
        }
        return new Report(healthy, List.copyOf(results));
    }

    private LobbyHealth evaluate(LobbyView lobby, long now) {
        LobbyMetrics metrics = lobby.metrics();
        long lastTick = metrics.lastTickNanos();
        TickWindow.Counts recent = lobby.recentTicks().over(now, metrics);
        double lateRatio = recent.lateRatio();

        long age = lastTick == 0 ? -1 : Math.max(0, now - lastTick);
        boolean ticking = age >= 0 && age <= maxTickAgeNanos;
        boolean onTime = ticking && lateRatio < maxLateRatio;
        return new LobbyHealth(lobby.name(), onTime, age, lateRatio, metrics.ticks());
    }

    /**
     * @param healthy true when every lobby is on time (also when there are no lobbies)
     * @param lobbies one result per lobby, in the directory's order
     */
    public record Report(boolean healthy, List<LobbyHealth> lobbies) {
    }

    /**
     * @param name lobby name
     * @param onTime ticking recently and few late ticks
     * @param lastTickAgeNanos how long ago the latest tick finished; -1 if it never ticked
     * @param lateRatio late or skipped ticks / due ticks within the recent window; 0 if none were due
     * @param ticks ticks so far
     */
    public record LobbyHealth(String name, boolean onTime, long lastTickAgeNanos, double lateRatio, long ticks) {
    }
}
