package org.jetraiders.engine.pipeline;

import java.util.List;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.PlayerScore;

/** Latest-value lobby state written by the game loop and read lock-free by any thread (the design's watch). */
public final class StatusCell {
    public volatile LobbyStatus status = LobbyStatus.LOBBY;
    public volatile List<PlayerScore> scores = List.of();
    public volatile long tick;
    public volatile int matchSecondsLeft = -1;
}
