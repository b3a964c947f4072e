package org.jetraiders.server.http;

import java.util.List;

/**
 * What {@code GET /replays} says about one journal file. Computed once per file version (size and
 * modification time) by {@link ReplayCatalog}.
 *
 * @param id             stable, URL-safe: {@code <lobby>~<file name without .jrj>}
 * @param lobby          the lobby's name (from the header; the directory name if the file is unreadable)
 * @param startedAtMillis when the file was started, UTC ms since the epoch (0 if unreadable)
 * @param match          the match number the file starts in (0 if unreadable)
 * @param tickRateHz     ticks per second (0 if unreadable)
 * @param firstTick      the tick of the file's first world snapshot: frames start after it
 * @param lastTick       the last tick the file replays to
 * @param bytes          the file's size
 * @param state          {@code complete} (an END record), {@code open} (no END record: still being written, or
 *                       the server stopped without one), {@code truncated} (a torn tail, as a crash leaves it),
 *                       {@code diverged} (a checksum did not match) or {@code broken} (not replayable)
 * @param detail         a human-readable word on the state (the END reason, the torn tail, the error)
 * @param players        the names of the players in the world at the end
 */
record ReplaySummary(String id, String lobby, long startedAtMillis, long match, int tickRateHz, long firstTick,
                     long lastTick, long bytes, String state, String detail, List<String> players) {
    static final String COMPLETE = "complete";
    static final String OPEN = "open";
    static final String TRUNCATED = "truncated";
    static final String DIVERGED = "diverged";
    static final String BROKEN = "broken";

    boolean playable() {
        return !BROKEN.equals(state) && lastTick > firstTick;
    }
}
