package org.jetraiders.server.lobby;

import java.util.List;
import org.jetraiders.engine.SnapshotEncoder;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonKillFeedEncoder;
import org.jetraiders.server.protocol.json.JsonScoreboardEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;

/** Indexes of the encoders every lobby runs (the order given to {@code LobbyConfig.encoders}). */
public final class WireEncodings {
    public static final int JSON_WORLD_UPDATE = 0;
    public static final int JSON_SCOREBOARD = 1;
    public static final int JSON_KILL_FEED = 2;
    /** Writes no bytes: quantizes each snapshot once for the binary clients (see BinaryQuantizeStage). */
    public static final int BINARY_QUANTIZE = 3;

    private WireEncodings() {
    }

    /**
     * A lobby's encoders in this order, for {@code LobbyConfig.encoders}: the server's lobbies and the
     * warm-up's are built from the same list. The world-update encoder and the quantize stage are the
     * caller's, who also hands them to the lobby's connections.
     */
    public static List<SnapshotEncoder> encoders(JsonWorldUpdateEncoder jsonWorld, BinaryQuantizeStage binary,
                                                 int tickRateHz) {
        return List.of(jsonWorld, new JsonScoreboardEncoder(tickRateHz), new JsonKillFeedEncoder(), binary);
    }
}
