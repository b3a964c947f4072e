package org.jetraiders.engine.journal;

import java.nio.file.Path;
import java.util.List;
import org.jetraiders.engine.PlayerScore;

/**
 * What a {@link Replay} found.
 *
 * @param file             the journal
 * @param header           its header
 * @param startTick        the tick of the snapshot the replay started from
 * @param endTick          the world's tick when the replay ended
 * @param ticks            ticks re-simulated
 * @param checksums        recorded checksums that matched
 * @param snapshots        recorded snapshots after the start that matched, byte for byte
 * @param divergence       the first mismatch, or null
 * @param tornOffset       where the torn tail starts, or -1 if the file ends with a complete record
 * @param tornBytes        bytes after the last complete record
 * @param tornReason       why the tail counts as torn, or null
 * @param endReason        the END record's reason ({@code JournalDescriptor.END_*}), or 0 when the file has none
 * @param stopped          whether the journal records the lobby's stop
 * @param failedEvents     events whose application threw (the live game loop logs and skips those too)
 * @param scores           everyone in the world at the end, by slot
 */
public record ReplayReport(Path file, JournalHeader header, long startTick, long endTick, long ticks, long checksums,
                           long snapshots, Divergence divergence, long tornOffset, long tornBytes, String tornReason,
                           int endReason, boolean stopped, long failedEvents, List<PlayerScore> scores) {
    /**
     * The first point where the replayed world differs from the recorded one.
     *
     * @param tick     the tick whose recorded checksum or snapshot did not match (the world diverged
     *                 after the previous check)
     * @param what     "checksum" or "snapshot"
     * @param recorded the recorded checksum (for a snapshot: the CRC-32C of its image)
     * @param replayed the replayed world's
     */
    public record Divergence(long tick, String what, int recorded, int replayed) {
    }

    public boolean verified() {
        return divergence == null;
    }

    public boolean torn() {
        return tornOffset >= 0;
    }
}
