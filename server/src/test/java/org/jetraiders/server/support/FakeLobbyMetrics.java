package org.jetraiders.server.support;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleToLongFunction;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.LobbyMetrics;

/** Settable {@link LobbyMetrics} for tests; fields are public and volatile. */
public final class FakeLobbyMetrics implements LobbyMetrics {
    public volatile long ticks;
    public volatile long lateTicks;
    public volatile long skippedTicks;
    public volatile long lastTickNanos;
    public volatile DoubleToLongFunction tickDurationNanos = q -> 0;
    public volatile long inputsRejectedNotFinite;
    public volatile long inputsDroppedRingFull;
    public volatile long inputsUnknownPlayer;
    public volatile long inputsStale;
    public volatile long snapshotsPublished;
    public volatile long snapshotsDroppedRingFull;
    public volatile long snapshotsSkipped;
    public volatile int consumers;
    public final Map<DetachReason, Long> detached = new EnumMap<>(DetachReason.class);

    @Override
    public long ticks() {
        return ticks;
    }

    @Override
    public long lateTicks() {
        return lateTicks;
    }

    @Override
    public long skippedTicks() {
        return skippedTicks;
    }

    @Override
    public long lastTickNanos() {
        return lastTickNanos;
    }

    @Override
    public long tickDurationNanos(double quantile) {
        return tickDurationNanos.applyAsLong(quantile);
    }

    @Override
    public long inputsRejectedNotFinite() {
        return inputsRejectedNotFinite;
    }

    @Override
    public long inputsDroppedRingFull() {
        return inputsDroppedRingFull;
    }

    @Override
    public long inputsUnknownPlayer() {
        return inputsUnknownPlayer;
    }

    @Override
    public long inputsStale() {
        return inputsStale;
    }

    @Override
    public long snapshotsPublished() {
        return snapshotsPublished;
    }

    @Override
    public long snapshotsDroppedRingFull() {
        return snapshotsDroppedRingFull;
    }

    @Override
    public long snapshotsSkipped() {
        return snapshotsSkipped;
    }

    @Override
    public int consumers() {
        return consumers;
    }

    @Override
    public long detached(DetachReason reason) {
        return detached.getOrDefault(reason, 0L);
    }
}
