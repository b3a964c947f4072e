package org.jetraiders.engine.pipeline;

import java.util.List;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.PlayerScore;

/** Latest-value lobby state written by the game loop and read lock-free by any thread (the design's watch). */
public final class StatusCell {
    public volatile LobbyStatus status = LobbyStatus.LOBBY;
    volatile ScoreTable scoreTable;
    public volatile long tick;
    public volatile int matchSecondsLeft = -1;

    /** The latest scoreboard (empty before the game loop exists). */
    public List<PlayerScore> scores() {
        ScoreTable table = scoreTable;
        return table == null ? List.of() : table.read();
    }
}
