package org.jetraiders.server.metrics;

import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.engine.TickObserver;

/**
 * What the server does with every tick of one lobby, on its game-loop thread: the tick's time goes
 * into the global {@link TickDurations} histogram and the lobby's counters into its
 * {@link RecentTicks}. Allocates nothing.
 */
public final class TickRecorder implements TickObserver {
    private final TickDurations durations;
    private final RecentTicks recent;

    public TickRecorder(TickDurations durations, RecentTicks recent) {
        this.durations = durations;
        this.recent = recent;
    }

    @Override
    public void onTick(LobbyMetrics lobby, long durationNanos) {
        durations.observeNanos(durationNanos);
        recent.record(lobby);
    }

    /** The lobby's recent window, for {@code /health}. */
    public RecentTicks recent() {
        return recent;
    }
}
