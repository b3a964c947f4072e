package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.pipeline.InputEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay stops at the first recorded checksum its world does not match, and names that tick. */
class ReplayDivergenceTest {
    @TempDir
    Path root;

    @Test
    void shouldStopAtTheFirstChecksumThatDoesNotMatch() throws Exception {
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("off").seed(8).build(), root, 1024,
                JournalHarness.config(root));
        h.join(1, "ada");
        for (int t = 1; t <= 200; t++) {
            h.input(1, 1, 0.3, true, t);
            h.tick();
            h.runGameLoop();
            if (t == 120) { // the live world's checksum at 120 was something else: the recording is off from here
                InputEvent tick = h.ring.get(h.ring.getCursor());
                tick.stamp(120, true, tick.checksum() ^ 1);
            }
            h.pollJournal();
            h.drainToDisk();
        }
        h.stop();
        h.step();
        h.drainToDisk();
        Path file;
        try (Stream<Path> files = Files.list(root.resolve("off"))) {
            file = files.findFirst().orElseThrow();
        }
        ReplayReport r = Replay.of(file).run();
        ReplayReport.Divergence d = r.divergence();
        assertEquals(new ReplayReport.Divergence(120, "checksum", d.replayed() ^ 1, d.replayed()), d);
        assertEquals(1, r.checksums(), "tick 60's matched");
        assertEquals(120, r.endTick(), "the replay stops there");
        assertFalse(r.verified());
    }
}
