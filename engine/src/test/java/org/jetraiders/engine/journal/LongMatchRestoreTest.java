package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Tuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring a 10-minute, 16-player match (what crash recovery does at start-up) re-simulates at most
 * one snapshot interval, whatever the match's length, and gives the very world the lobby had. That
 * bound is what keeps a restore fast: the measured time (printed, and reported in docs/JOURNAL.md,
 * "Restoring after a crash") is for people; no wall-clock assertion here.
 */
class LongMatchRestoreTest {
    private static final int PLAYERS = 16;
    private static final int TICKS = 10 * 60 * 60; // 10 minutes at 60 Hz

    @TempDir
    Path dir;

    @Test
    void shouldRestoreATenMinuteSixteenPlayerMatchFromItsLastSnapshotExactly() throws Exception {
        Tuning tuning = Tuning.defaults().toBuilder().countdownSeconds(1).matchSeconds(600).build();
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("long").seed(2026).tuning(tuning).build(),
                dir, 4096, JournalHarness.config(dir)); // a snapshot every 5 s, as the server's default
        for (int p = 1; p <= PLAYERS; p++) {
            h.join(p, "pilot-" + p, 1000L + p);
        }
        long[] seq = new long[PLAYERS + 1];
        for (int t = 0; t < TICKS; t++) {
            for (int p = 1; p <= PLAYERS; p++) { // bots: thrust, turn and fire change every few seconds
                long phase = (t + p * 37L) / 150;
                h.input(p, phase % 3 == 0 ? 0.5 : 1, (phase & 3) - 1.5, (t + p) % 40 < 4, ++seq[p]);
            }
            if (t % 3000 == 1000) {
                h.disconnect(1 + (t / 3000) % PLAYERS); // a dropped connection now and then
            }
            h.tick();
            h.step();
        }
        h.drainToDisk(); // no STOP, no END: the server died here
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("long"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size());
            file = all.get(0);
        }

        long started = System.nanoTime();
        RestorePoint point = Replay.restore(file);
        long nanos = System.nanoTime() - started;
        System.out.printf("restored a %d-tick, %d-player match (%d KiB journal) in %.1f ms, re-simulating %d ticks%n",
                TICKS, PLAYERS, Files.size(file) >> 10, nanos / 1e6, point.report().ticks());

        ReplayReport r = point.report();
        assertNull(r.divergence());
        assertFalse(r.torn());
        assertEquals(0, r.endReason(), "the file did not end");
        assertEquals(TICKS, point.tick());
        assertTrue(r.ticks() <= 5 * 60, "at most one snapshot interval re-simulated: " + r.ticks());
        assertEquals(PLAYERS, point.players().size());
        assertEquals(1001L, point.players().get(0).clientKey());
        assertArrayEquals(WorldCapture.image(h.world), WorldCapture.image(point.takeWorld()), "the very world");
    }
}
