package org.jetraiders.server.http;

import java.util.Objects;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.metrics.TickWindow;

/**
 * What the HTTP side shows of one lobby, read at one moment.
 *
 * @param name lobby name
 * @param playerCount players in the lobby
 * @param maxPlayers capacity
 * @param status latest status
 * @param matchSecondsLeft seconds left in the running match, or -1 when no match is running
 * @param tick latest tick stepped
 * @param metrics the lobby's live counters
 * @param recentTicks how it ticked lately, for {@code /health}
 */
public record LobbyView(String name, int playerCount, int maxPlayers, LobbyStatus status, int matchSecondsLeft,
        long tick, LobbyMetrics metrics, TickWindow recentTicks) {
    public LobbyView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(recentTicks, "recentTicks");
    }

    /** A lobby with no recorded history: {@code /health} judges it on its whole life ({@link TickWindow#LIFETIME}). */
    public LobbyView(String name, int playerCount, int maxPlayers, LobbyStatus status, int matchSecondsLeft,
            long tick, LobbyMetrics metrics) {
        this(name, playerCount, maxPlayers, status, matchSecondsLeft, tick, metrics, TickWindow.LIFETIME);
    }
}
