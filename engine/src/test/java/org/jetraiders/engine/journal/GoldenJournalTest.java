package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.support.MatchScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden journal ({@code src/test/resources/journal/golden-v2.jrj}): a scripted match recorded once
 * and committed. Replaying it must match every checksum and snapshot it holds, so any change to the
 * rules or to determinism fails here; recording the script again must give the very same bytes, so
 * any change to the format fails here too; and docs/JOURNAL.md's annotated dump must be its first bytes.
 *
 * <p>To re-record on purpose (the rules changed, or the format got a new version), run
 * {@code mvn -pl engine test -Dtest=GoldenJournalTest -Djr.golden.rerecord=true}, update the expected
 * numbers below and the dump in docs/JOURNAL.md, and say why in the commit message.
 */
class GoldenJournalTest {
    static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "journal",
            "golden-v" + JournalDescriptor.FORMAT_VERSION + ".jrj");
    static final int TICKS = 700;

    @TempDir
    Path dir;

    /** The scripted match: 4 players, a 10 s match that ends at tick 661 and its pause, stopped at tick 700. */
    static byte[] record(Path root) throws Exception {
        Tuning tuning = Tuning.builder().bounds(-150, 150, -100, 100).countdownSeconds(1).matchSeconds(10)
                .matchEndPauseSeconds(2).build();
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("golden").seed(20_261_201).tuning(tuning)
                .build(), root, 4096, JournalHarness.config(root).serverVersion("golden")
                .snapshotInterval(java.time.Duration.ofSeconds(3)));
        int[] ids = new int[8];
        int lastId = 0;
        for (MatchScript.Op op : MatchScript.generate(2026, 4, TICKS)) {
            switch (op.kind()) {
                case 'J' -> {
                    ids[op.player()] = ++lastId;
                    h.join(lastId, op.name(), op.key());
                }
                case 'L' -> h.leave(ids[op.player()]);
                case 'D' -> h.disconnect(ids[op.player()]);
                case 'I' -> h.input(op.player() == MatchScript.NOBODY ? 999_999 : ids[op.player()], op.thrust(),
                        op.turn(), op.shoot(), op.seq());
                case 'T' -> {
                    h.tick();
                    h.step(); // a batch per tick, as the live journal thread reads them
                }
                default -> throw new IllegalArgumentException(op.toString());
            }
        }
        h.stop();
        h.step();
        h.drainToDisk();
        try (Stream<Path> files = Files.list(root.resolve("golden"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size());
            return Files.readAllBytes(all.get(0));
        }
    }

    @Test
    void shouldReplayTheGoldenJournalMatchingEveryChecksum() throws Exception {
        if (Boolean.getBoolean("jr.golden.rerecord")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, record(dir.resolve("journal")));
        }
        ReplayReport r = Replay.of(GOLDEN).run();
        assertNull(r.divergence(), "the rules or their determinism changed: " + r.divergence());
        assertFalse(r.torn());
        assertEquals(TICKS, r.endTick());
        assertEquals(TICKS, r.ticks());
        assertEquals(11, r.checksums(), "ticks 60, 120, ... 660");
        assertEquals(4, r.snapshots(), "at the match start (tick 1), then every 3 s: 181, 361, 541");
        assertEquals(JournalDescriptor.END_STOPPED, r.endReason());
        assertTrue(r.stopped());
        // players 2 ("Zoë ✈") and 3 left at ticks 200 and 450
        assertEquals(List.of(new PlayerScore(1, "p0", 0, 1), new PlayerScore(4, "p3", 1, 1)), r.scores());
    }

    @Test
    void shouldRecordTheScriptByteForByteAsTheGoldenJournal() throws Exception {
        byte[] now = record(dir.resolve("journal"));
        byte[] golden = Files.readAllBytes(GOLDEN);
        assertEquals(golden.length, now.length, "the format changed: bump its version or re-record on purpose");
        assertArrayEquals(golden, now, "the format changed: bump its version or re-record on purpose");
    }

    @Test
    void shouldMatchTheAnnotatedDumpInTheFormatDocument() throws Exception {
        Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "JOURNAL.md");
        String text = Files.readString(doc);
        String begin = "<!-- golden-dump -->";
        int from = text.indexOf(begin);
        assertTrue(from >= 0, "docs/JOURNAL.md lacks " + begin);
        int open = text.indexOf("```", from);
        int close = text.indexOf("```", open + 3);
        byte[] dumped = parseHex(text.substring(text.indexOf('\n', open) + 1, close));
        byte[] golden = Files.readAllBytes(GOLDEN);
        assertTrue(dumped.length > 100, "the dump shows the preamble, the header and more");
        assertArrayEquals(Arrays.copyOf(golden, dumped.length), dumped, "docs/JOURNAL.md's dump is not the golden file's start");
    }

    /** Hex pairs; '#' starts a comment to the end of the line. */
    static byte[] parseHex(String block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        block.lines().map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .forEach(pair -> out.write(Integer.parseInt(pair, 16)));
        return out.toByteArray();
    }
}
