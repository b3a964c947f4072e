package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.LobbyConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading what a crash or a stranger leaves: a journal cut at any byte replays up to its last complete
 * record and says it was torn; a flipped byte ends it at the damaged record; a file that is not a
 * journal of this format, or whose start is damaged, is refused with one line saying why.
 */
class JournalReaderTest {
    @TempDir
    Path dir;
    private byte[] whole;
    private List<Long> recordEnds;

    @BeforeEach
    void record() throws Exception {
        Path root = dir.resolve("journal");
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("cut").seed(5).build(), root, 1024,
                JournalHarness.config(root).snapshotInterval(java.time.Duration.ofSeconds(1)));
        h.join(1, "ada");
        h.join(2, "bo");
        for (int t = 0; t < 200; t++) {
            h.input(1, 1, (t / 30) % 3 - 1, t % 10 < 3, t + 1);
            h.input(2, 0.5, 0.25, true, t + 1);
            h.tick();
            h.step();
        }
        h.stop();
        h.step();
        h.drainToDisk();
        try (Stream<Path> files = Files.list(root.resolve("cut"))) {
            whole = Files.readAllBytes(files.findFirst().orElseThrow());
        }
        recordEnds = new ArrayList<>();
        Path file = write("whole.jrj", whole);
        try (JournalReader reader = JournalReader.open(file)) {
            while (reader.next()) {
                recordEnds.add(reader.recordOffset());
            }
        }
        recordEnds.add((long) whole.length); // starts of the records after the header, then the end: where records end
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void shouldReplayAJournalCutAtAnyByteUpToItsLastCompleteRecord() throws Exception {
        ReplayReport full = Replay.of(write("full.jrj", whole)).run();
        assertFalse(full.torn());
        assertEquals(200, full.endTick());
        // every byte of the last records, and around a few boundaries inside (each cut is a replay: not all)
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        for (int cut = Math.max(recordEnds.get(1).intValue(), whole.length - 250); cut < whole.length; cut++) {
            cuts.add(cut);
        }
        for (int k = 1; k < recordEnds.size() - 1; k += recordEnds.size() / 5) {
            long boundary = recordEnds.get(k);
            for (long cut = Math.max(recordEnds.get(1), boundary - 25); cut < Math.min(whole.length, boundary + 25); cut++) {
                cuts.add((int) cut);
            }
        }
        int checked = 0;
        for (int cut : cuts) {
            ReplayReport r = Replay.of(write("cut.jrj", Arrays.copyOf(whole, cut))).run();
            boolean atBoundary = recordEnds.contains((long) cut);
            assertEquals(!atBoundary, r.torn(), "cut at " + cut);
            assertNull(r.divergence(), "cut at " + cut);
            assertTrue(r.endTick() <= 200);
            if (r.torn()) {
                assertEquals(cut - r.tornOffset(), r.tornBytes());
                assertTrue(recordEnds.contains(r.tornOffset()), "torn where a complete record ended: " + r.tornOffset());
            }
            checked++;
        }
        assertTrue(checked > 300, checked + " cuts");
    }

    @Test
    void shouldEndAtARecordWhoseBytesWereDamaged() throws Exception {
        long damaged = recordEnds.get(recordEnds.size() / 2);
        byte[] bytes = whole.clone();
        bytes[(int) damaged + 3] ^= 0x10;
        ReplayReport r = Replay.of(write("flipped.jrj", bytes)).run();
        assertTrue(r.torn());
        assertEquals(damaged, r.tornOffset());
        assertEquals("record CRC mismatch", r.tornReason());
        assertNull(r.divergence());
    }

    @Test
    void shouldRefuseWhatIsNotAJournalOfThisFormat() throws Exception {
        assertRefused("not a Jet Raiders journal (no journal preamble)", new byte[0]);
        assertRefused("not a Jet Raiders journal (no journal preamble)", "{\"type\":\"Join\"}\n".getBytes(StandardCharsets.UTF_8));
        byte[] future = whole.clone();
        future[JournalDescriptor.MAGIC.length + 1] = 3;
        assertRefused("journal format version 3; this build reads version 2", future);
        byte[] headerHit = whole.clone();
        headerHit[JournalDescriptor.PREAMBLE_BYTES + 4] ^= 1;
        assertRefused("journal header unreadable (record CRC mismatch)", headerHit);
        assertRefused("journal has no world snapshot after its header (record cut short)",
                Arrays.copyOf(whole, recordEnds.get(0).intValue() + 10));
    }

    /** Version 1 (before client keys and DISCONNECT) is refused, not misread: the v1 golden journal is kept for this. */
    @Test
    void shouldRefuseAVersionOneJournal() throws Exception {
        Path v1 = GoldenJournalTest.GOLDEN.resolveSibling("golden-v1.jrj");
        assertRefused("journal format version 1; this build reads version 2", Files.readAllBytes(v1));
    }

    private void assertRefused(String message, byte[] bytes) throws Exception {
        Path p = write("bad.jrj", bytes);
        JournalFormatException e = assertThrows(JournalFormatException.class, () -> Replay.of(p).run());
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldStartAtTheLatestSnapshotBeforeTheFirstTickAsked() throws Exception {
        Path file = write("whole.jrj", whole);
        List<Long> seen = new ArrayList<>();
        ReplayReport r = Replay.of(file).from(130).to(150).listener(s -> seen.add(s.tick())).run();
        assertEquals(121, r.startTick(), "snapshots every 60 ticks from the match start at tick 1: the one at 121");
        assertEquals(150, r.endTick());
        assertEquals(29, r.ticks());
        assertEquals(130, seen.get(0));
        assertEquals(150, seen.get(seen.size() - 1));
        assertNull(r.divergence());
    }
}
