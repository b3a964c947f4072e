package org.jetraiders.server.protocol.json;

import static org.jetraiders.server.protocol.json.JsonBytes.ascii;
import static org.jetraiders.server.protocol.json.JsonBytes.put;
import static org.jetraiders.server.protocol.json.JsonBytes.putLong;
import static org.jetraiders.server.protocol.json.JsonBytes.putQuotedLong;
import static org.jetraiders.server.protocol.json.JsonBytes.putString;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.SnapshotEncoder;

/**
 * Writes a {@code Scoreboard} message when the scores changed ({@link Snapshot#scoresVersion()}) or
 * when {@code tickRateHz} ticks passed since the last one (so about once a second), else leaves the
 * buffer empty:
 * <pre>{"type":"Scoreboard","data":{"players":[{"id":"7","name":"Ada","kills":1,"deaths":0}],"seconds_left":540}}</pre>
 * Lists every player, alive or dead. {@code seconds_left} is {@link Snapshot#matchSecondsLeft()}.
 *
 * <p>Stateful: one instance per lobby, called by the lobby's encoding stage on one thread in snapshot
 * order. Allocation-free after warm-up.
 */
public final class JsonScoreboardEncoder implements SnapshotEncoder {
    private static final byte[] HEAD = ascii("{\"type\":\"Scoreboard\",\"data\":{\"players\":[");
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] NAME = ascii(",\"name\":");
    private static final byte[] KILLS = ascii(",\"kills\":");
    private static final byte[] DEATHS = ascii(",\"deaths\":");
    private static final byte[] SECONDS_LEFT = ascii("],\"seconds_left\":");
    private static final byte[] TAIL = ascii("}}");

    private final int intervalTicks;
    private boolean seenAny;
    private long lastVersion;
    private long lastWrittenTick;

    /** @param tickRateHz the lobby's tick rate: an unchanged scoreboard is still sent every this many ticks */
    public JsonScoreboardEncoder(int tickRateHz) {
        if (tickRateHz <= 0) {
            throw new IllegalArgumentException("tickRateHz must be > 0: " + tickRateHz);
        }
        this.intervalTicks = tickRateHz;
    }

    @Override
    public void encode(Snapshot snapshot, EncodedBuffer out) {
        out.reset();
        long version = snapshot.scoresVersion();
        long tick = snapshot.tick();
        boolean due = !seenAny
                || version != lastVersion
                || tick - lastWrittenTick >= intervalTicks
                || tick < lastWrittenTick; // a restarted tick counter: don't wait for it to catch up
        lastVersion = version;
        seenAny = true;
        if (!due) {
            return;
        }
        lastWrittenTick = tick;
        put(out, HEAD);
        for (int i = 0, n = snapshot.planeCount(); i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            put(out, ID);
            putQuotedLong(out, snapshot.planeId(i));
            put(out, NAME);
            putString(out, snapshot.planeName(i));
            put(out, KILLS);
            putLong(out, snapshot.planeKills(i));
            put(out, DEATHS);
            putLong(out, snapshot.planeDeaths(i));
            out.put((byte) '}');
        }
        put(out, SECONDS_LEFT);
        putLong(out, snapshot.matchSecondsLeft());
        put(out, TAIL);
    }
}
