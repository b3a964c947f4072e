package org.jetraiders.server.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jetraiders.engine.LobbyMetrics;

/**
 * Decides whether every lobby ticks on time. A lobby is on time when its latest tick finished no
 * longer than {@code maxTickAge} ago and, since the previous evaluation, fewer than
 * {@code maxLateRatio} of its ticks were late. The first evaluation of a lobby compares against zero,
 * i.e. uses the ratio since the lobby started. A lobby that has not ticked yet is not on time.
 *
 * <p>Pure apart from the previous counters it keeps per lobby name (forgotten when a lobby goes
 * away). Thread-safe: evaluations are serialised.
 */
public final class HealthCheck {
    public static final Duration DEFAULT_MAX_TICK_AGE = Duration.ofSeconds(1);
    public static final double DEFAULT_MAX_LATE_RATIO = 0.10;

    private final LongSupplier nanoTime;
    private final long maxTickAgeNanos;
    private final double maxLateRatio;
    private final Map<String, long[]> previous = new HashMap<>();

    /** Uses {@link #DEFAULT_MAX_TICK_AGE} and {@link #DEFAULT_MAX_LATE_RATIO}. */
    public HealthCheck(LongSupplier nanoTime) {
        this(nanoTime, DEFAULT_MAX_TICK_AGE, DEFAULT_MAX_LATE_RATIO);
    }

    /**
     * @param nanoTime the same clock as {@link LobbyMetrics#lastTickNanos()}: {@code System::nanoTime}
     * @param maxTickAge a lobby whose latest tick is older than this is not on time
     * @param maxLateRatio a lobby with this share of late ticks or more is not on time; in (0, 1]
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

    /** Samples every lobby and remembers its counters for the next evaluation. */
    public synchronized Report evaluate(List<LobbyView> lobbies) {
        long now = nanoTime.getAsLong();
        List<LobbyHealth> results = new ArrayList<>(lobbies.size());
        Set<String> seen = new HashSet<>();
        boolean healthy = true;
        for (LobbyView lobby : lobbies) {
            LobbyHealth health = evaluate(lobby, now);
            seen.add(lobby.name());
            healthy &= health.onTime();
            results.add(health);
        }
        previous.keySet().retainAll(seen);
        return new Report(healthy, List.copyOf(results));
    }

    private LobbyHealth evaluate(LobbyView lobby, long now) {
        LobbyMetrics metrics = lobby.metrics();
        long ticks = metrics.ticks();
        long late = metrics.lateTicks();
        long lastTick = metrics.lastTickNanos();

        long[] before = previous.computeIfAbsent(lobby.name(), k -> new long[2]);
        long tickDelta = ticks - before[0];
        long lateDelta = late - before[1];
        before[0] = ticks;
        before[1] = late;
        double lateRatio = tickDelta > 0 ? Math.max(0, lateDelta) / (double) tickDelta : 0.0;

        long age = lastTick == 0 ? -1 : Math.max(0, now - lastTick);
        boolean ticking = age >= 0 && age <= maxTickAgeNanos;
        boolean onTime = ticking && lateRatio < maxLateRatio;
        return new LobbyHealth(lobby.name(), onTime, age, lateRatio, ticks);
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
     * @param lateRatio late ticks / ticks since the previous evaluation, 0 if it did not tick since
     * @param ticks ticks so far
     */
    public record LobbyHealth(String name, boolean onTime, long lastTickAgeNanos, double lateRatio, long ticks) {
    }
}
