package org.jetraiders.server.lobby;

/** Indexes of the encoders every lobby runs (the order given to {@code LobbyConfig.encoders}). */
public final class WireEncodings {
    public static final int JSON_WORLD_UPDATE = 0;
    public static final int JSON_SCOREBOARD = 1;
    public static final int JSON_KILL_FEED = 2;
    /** Writes no bytes: quantizes each snapshot once for the binary clients (see BinaryQuantizeStage). */
    public static final int BINARY_QUANTIZE = 3;

    private WireEncodings() {
    }
}
