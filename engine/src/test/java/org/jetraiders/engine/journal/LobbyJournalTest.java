package org.jetraiders.engine.journal;

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
 * One lobby's journal, driven by hand (see {@link JournalHarness}): it follows the game loop, never
 * holds up a publisher, and when it falls behind or its disk fails it breaks, ends its file, and goes
 * on in a new file from the next world image while the game plays on.
 */
class LobbyJournalTest {
    @TempDir
    Path root;

    private JournalHarness harness(int ringSize) {
        return harness(ringSize, JournalHarness.config(root));
    }

    private JournalHarness harness(int ringSize, JournalConfig.Builder config) {
        return new JournalHarness(LobbyConfig.builder().name("lobby").seed(3).build(), root, ringSize, config);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(root.resolve("lobby"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void shouldNeverHoldUpPublishersWhenItFallsBehindAndBreakInsteadThenResumeInANewFile() throws Exception {
        JournalHarness h = harness(64);
        assertTrue(h.join(1, "ada"));
        for (int t = 0; t < 30; t++) {
            assertTrue(h.input(1, 1, 0.5, true, t + 1));
            assertTrue(h.tick());
            h.step();
        }
        assertEquals(30, h.status.recordedTick());
        // the journal stops reading; the game loop goes on for ten laps of the ring
        for (int t = 30; t < 350; t++) {
            assertTrue(h.input(1, 1, t % 7 / 7.0, true, t + 1), "a publisher is never held up by the journal");
            assertTrue(h.tick());
            h.runGameLoop();
        }
        h.pollJournal();
        assertEquals(List.of(JournalObserver.LAPPED), h.breaks);
        assertTrue(h.status.isBroken());
        // it asked for a world image; the game loop makes one on its next tick and the journal starts over
        for (int t = 350; t < 400; t++) {
            assertTrue(h.input(1, 1, 0, false, t + 1));
            assertTrue(h.tick());
            h.step();
        }
        assertFalse(h.status.isBroken());
        assertEquals(400, h.status.recordedTick());
        assertTrue(h.stop());
        h.step();
        assertTrue(h.drainToDisk());

        List<Path> files = files();
        assertEquals(2, files.size(), files.toString());
        ReplayReport broken = Replay.of(files.get(0)).run();
        assertNull(broken.divergence());
        assertEquals(JournalDescriptor.END_BROKEN, broken.endReason());
        assertEquals(30, broken.endTick(), "the first file ends at the last tick recorded before the break");
        ReplayReport resumed = Replay.of(files.get(1)).run();
        assertNull(resumed.divergence());
        assertEquals(JournalDescriptor.END_STOPPED, resumed.endReason());
        assertTrue(resumed.startTick() > 350 && resumed.startTick() <= 352, "resumed at " + resumed.startTick());
        assertEquals(400, resumed.endTick());
    }

    @Test
    void shouldRecordOnlyWhatTheGameLoopHasApplied() throws Exception {
        JournalHarness h = harness(64);
        h.join(7, "bo");
        h.tick();
        h.pollJournal();
        assertEquals(0, h.status.recordedTick(), "nothing applied yet, nothing recorded");
        h.step();
        assertEquals(1, h.status.recordedTick());
    }

    @Test
    void shouldBreakOnAFailingDiskAndStartANewFileOnceItWorksAgain() throws Exception {
        JournalHarness h = harness(1024);
        Files.createDirectories(root);
        Files.writeString(root.resolve("lobby"), "a file where the lobby's directory should be");
        h.join(1, "ada");
        for (int t = 0; t < 20; t++) {
            h.input(1, 1, 0, true, t + 1);
            h.tick();
            h.step();
        }
        assertEquals(List.of(JournalObserver.IO_ERROR), h.breaks, "the open failed; the journal broke once");
        assertTrue(h.status.isBroken());
        Files.delete(root.resolve("lobby"));
        for (int t = 20; t < 320; t++) { // a failed disk is tried again at the next scheduled snapshot (tick 300)
            h.input(1, 1, 0, true, t + 1);
            h.tick();
            h.step();
        }
        assertFalse(h.status.isBroken());
        assertEquals(1, h.breaks.size());
        h.stop();
        h.step();
        h.drainToDisk();
        ReplayReport r = Replay.of(files().get(0)).run();
        assertNull(r.divergence());
        assertEquals(301, r.startTick(), "the next scheduled snapshot: 5 s after the one at the match start (tick 1)");
        assertEquals(320, r.endTick());
    }

    @Test
    void shouldBreakWhenTheDiskFallsBehindItsBufferAndNeverLoseTheGame() throws Exception {
        JournalHarness h = harness(1 << 16, JournalHarness.config(root).bufferBytes(64 * 1024));
        h.join(1, "ada");
        h.step();
        int t = 0;
        while (h.breaks.isEmpty() && t < 100_000) {
            for (int i = 0; i < 20; i++) {
                assertTrue(h.input(1, Math.sin(t * 20 + i), 0.3, true, 0)); // 8-byte values: no repeats
            }
            h.tick();
            h.runGameLoop();
            h.pollJournal(); // the disk never drains
            t++;
        }
        assertEquals(List.of(JournalObserver.BUFFER_FULL), h.breaks);
        assertEquals(t, h.world.tick(), "the game ticked on");
        for (int i = 0; i < 400; i++) { // the disk catches up; a later image starts a new file
            h.tick();
            h.step();
        }
        assertFalse(h.status.isBroken());
        assertEquals(1, h.breaks.size(), "one episode, one break: " + h.breaks);
    }

    @Test
    void shouldKeepEveryLobbyNameInsideTheJournalDirectory() throws Exception {
        for (String name : new String[] {"..", ".", ".hidden"}) {
            JournalHarness h = new JournalHarness(LobbyConfig.builder().name(name).build(), root, 64,
                    JournalHarness.config(root));
            h.tick();
            h.stop();
            h.step();
            h.drainToDisk();
            assertTrue(h.breaks.isEmpty(), name + ": " + h.breaks);
            assertEquals(root.resolve(JournalRecorder.directoryName(name)), h.status.file().getParent(), name);
        }
        assertEquals("%2E.", JournalRecorder.directoryName(".."));
    }

    @Test
    void shouldStartANewFileForEachMatch() throws Exception {
        Tuning quick = Tuning.builder().countdownSeconds(1).matchSeconds(2).matchEndPauseSeconds(1).build();
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("lobby").seed(3).tuning(quick).build(), root,
                1024, JournalHarness.config(root).wallClock(() -> 0));
        h.join(1, "ada");
        for (int t = 0; t < 500; t++) { // matches start at ticks 1, 241 and 481
            h.input(1, 1, 0.2, false, t + 1);
            h.tick();
            h.step();
        }
        h.stop();
        h.step();
        h.drainToDisk();
        List<Path> files = files();
        assertEquals(List.of("19700101T000000Z-1.jrj", "19700101T000000Z-2.jrj", "19700101T000000Z-3.jrj"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        long start = 0;
        for (Path f : files) {
            ReplayReport r = Replay.of(f).run();
            assertNull(r.divergence());
            assertEquals(start, r.startTick());
            start = r.endTick();
        }
        assertEquals(500, start);
        assertEquals(2, Replay.of(files.get(1)).run().header().matchNumber());
    }
}
