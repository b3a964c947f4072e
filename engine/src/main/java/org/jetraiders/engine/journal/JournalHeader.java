package org.jetraiders.engine.journal;

import org.jetraiders.engine.Tuning;

/**
 * The HEADER record: everything a replay needs besides the records, and what a person needs to find
 * the match. Written once at the start of every file.
 *
 * @param formatVersion   {@link JournalDescriptor#FORMAT_VERSION} of the writer
 * @param serverVersion   the writing server's version (informative)
 * @param startedAtMillis when the file was started, ms since the epoch (UTC); also in its name
 * @param lobbyName       the lobby's name
 * @param matchNumber     the match the file starts in (in its name; the first file of a lobby is 1)
 * @param tickRateHz      ticks per second
 * @param seed            the lobby's seed (the generator's state itself is in each snapshot)
 * @param maxPlayers      the lobby's player limit (the world's plane slots)
 * @param checksumTicks   a CHECKSUM op follows every tick that is a multiple of this
 * @param snapshotTicks   a SNAPSHOT record follows at least this often (more often at a match start)
 * @param tuning          the rules' numbers
 */
public record JournalHeader(int formatVersion, String serverVersion, long startedAtMillis, String lobbyName,
                            long matchNumber, int tickRateHz, long seed, int maxPlayers, int checksumTicks,
                            int snapshotTicks, Tuning tuning) {
    /** Tuning values in the header: the order below, doubles as raw bits, whole numbers as zigzag varints. */
    static final int TUNING_VALUES = 20;

    void write(ByteWriter out) {
        out.putVarLong(formatVersion);
        out.putString(serverVersion);
        out.putVarLong(startedAtMillis);
        out.putString(lobbyName);
        out.putVarLong(matchNumber);
        out.putVarLong(tickRateHz);
        out.putRawLong(seed);
        out.putVarLong(maxPlayers);
        out.putVarLong(checksumTicks);
        out.putVarLong(snapshotTicks);
        out.putVarLong(TUNING_VALUES);
        Tuning t = tuning;
        out.putDouble(t.minX());
        out.putDouble(t.maxX());
        out.putDouble(t.minY());
        out.putDouble(t.maxY());
        out.putDouble(t.turnRate());
        out.putDouble(t.throttleRate());
        out.putDouble(t.maxSpeed());
        out.putDouble(t.planeRadius());
        out.putInt(t.maxHp());
        out.putDouble(t.shotCooldownSeconds());
        out.putDouble(t.noseOffset());
        out.putDouble(t.projectileSpeed());
        out.putDouble(t.projectileLifetimeSeconds());
        out.putDouble(t.projectileRadius());
        out.putInt(t.damage());
        out.putDouble(t.respawnSeconds());
        out.putInt(t.countdownSeconds());
        out.putInt(t.matchSeconds());
        out.putInt(t.matchEndPauseSeconds());
        out.putInt(t.minPlayersToStart());
    }

    /**
     * @throws ByteReader.MalformedException when the payload is not a header this build can use
     */
    static JournalHeader read(ByteReader in) {
        int version = in.getVarInt(Integer.MAX_VALUE);
        if (version != JournalDescriptor.FORMAT_VERSION) {
            throw new ByteReader.MalformedException("header of format version " + version);
        }
        String serverVersion = in.getString();
        long started = in.getVarLong();
        String lobby = in.getString();
        long match = in.getVarLong();
        int tickRate = in.getVarInt(1000);
        long seed = in.getRawLong();
        int maxPlayers = in.getVarInt(1 << 20);
        int checksumTicks = in.getVarInt(Integer.MAX_VALUE);
        int snapshotTicks = in.getVarInt(Integer.MAX_VALUE);
        int values = in.getVarInt(Integer.MAX_VALUE);
        if (values != TUNING_VALUES || tickRate < 1 || maxPlayers < 1 || checksumTicks < 1 || snapshotTicks < 1
                || lobby == null) {
            throw new ByteReader.MalformedException("header with " + values + " tuning values, tick rate " + tickRate
                    + ", " + maxPlayers + " players, intervals " + checksumTicks + "/" + snapshotTicks);
        }
        Tuning tuning;
        try {
            tuning = Tuning.builder()
                    .bounds(in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble())
                    .turnRate(in.getDouble())
                    .throttleRate(in.getDouble())
                    .maxSpeed(in.getDouble())
                    .planeRadius(in.getDouble())
                    .maxHp(in.getInt())
                    .shotCooldownSeconds(in.getDouble())
                    .noseOffset(in.getDouble())
                    .projectileSpeed(in.getDouble())
                    .projectileLifetimeSeconds(in.getDouble())
                    .projectileRadius(in.getDouble())
                    .damage(in.getInt())
                    .respawnSeconds(in.getDouble())
                    .countdownSeconds(in.getInt())
                    .matchSeconds(in.getInt())
                    .matchEndPauseSeconds(in.getInt())
                    .minPlayersToStart(in.getInt())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ByteReader.MalformedException("header tuning: " + e.getMessage());
        }
        return new JournalHeader(version, serverVersion, started, lobby, match, tickRate, seed, maxPlayers,
                checksumTicks, snapshotTicks, tuning);
    }
}
