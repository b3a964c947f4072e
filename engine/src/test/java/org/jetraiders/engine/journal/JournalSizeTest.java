package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jetraiders.engine.LobbyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a journal costs on disk under the load generator's bots (16 to a lobby, an input every tick at
 * 60 Hz: full thrust, turning left, straight or right for 0.75 s at a time, shooting 3 frames in 30;
 * LoadClient.sendInput), recorded as the live journal records them (a batch, so a record, per tick,
 * with the default checksums and snapshots): it must stay at or under 1 MB per player-hour.
 */
class JournalSizeTest {
    private static final int PLAYERS = 16;
    private static final int TICKS = 60 * 60 * 2; // two minutes

    @TempDir
    Path root;

    @Test
    void shouldTakeAtMostOneMegabytePerPlayerHourUnderTheLoadGeneratorsBots() throws Exception {
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("bots").seed(9).build(), root, 4096,
                JournalHarness.config(root));
        for (int i = 0; i < PLAYERS; i++) {
            h.join(i + 1, "load-" + i);
        }
        for (long s = 1; s <= TICKS; s++) {
            for (int i = 0; i < PLAYERS; i++) {
                long phase = (s + i * 7L) / 45;
                int turn = (int) (phase & 3L) == 1 ? 1 : (int) (phase & 3L) == 3 ? -1 : 0;
                h.input(i + 1, 1, turn, (s + i) % 30 < 3, s);
            }
            h.tick();
            h.step();
        }
        h.stop();
        h.step();
        h.drainToDisk();
        long bytes;
        Path file;
        try (Stream<Path> files = Files.list(root.resolve("bots"))) {
            file = files.findFirst().orElseThrow();
            bytes = Files.size(file);
        }
        ReplayReport r = Replay.of(file).run();
        assertNull(r.divergence());
        assertEquals(TICKS, r.endTick());
        assertTrue(r.snapshots() >= TICKS / 300 - 1, r.snapshots() + " snapshots");
        double perPlayerHour = bytes * (3600.0 * 60 / TICKS) / PLAYERS;
        long[] byType = new long[128];
        long[] count = new long[128];
        try (JournalReader reader = JournalReader.open(file)) {
            while (reader.next()) {
                byType[reader.type()] += RecordFrames.frameSize(reader.payload().remaining());
                count[reader.type()]++;
            }
        }
        System.out.printf("journal of %d bots for %d s: %,d bytes = %,.0f bytes per player-hour "
                        + "(%d EVENTS records %,d bytes, %d SNAPSHOT records %,d bytes)%n",
                PLAYERS, TICKS / 60, bytes, perPlayerHour, count['E'], byType['E'], count['S'], byType['S']);
        assertTrue(perPlayerHour <= 1_000_000, String.format("%,.0f bytes per player-hour", perPlayerHour));
    }
}
