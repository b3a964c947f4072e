package org.jetraiders.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay FILE}: exit 0 and "verified N ticks (M checksums)" with the final scores; a torn tail
 * replays to the last complete record and says so; a divergence names its tick and exits 1; anything
 * unreadable is one line and exit 2. Runs on the engine's golden journal (a scripted 700-tick match).
 */
class ReplayCommandTest {
    static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "..", "engine", "src", "test", "resources",
            "journal", "golden-v2.jrj");

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result replay(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path copy(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void shouldVerifyEveryChecksumAndPrintTheFinalScores() {
        Result r = replay(GOLDEN.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("verified 700 ticks (11 checksums)"), r.out());
        assertTrue(r.out().contains("file ends: lobby stopped"), r.out());
        assertTrue(r.out().contains("final scores:\n  player  kills  deaths  name\n       1      0       1  p0\n"
                + "       4      1       1  p3\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void shouldReplayATornTailUpToTheLastCompleteRecordAndSaySo() throws Exception {
        byte[] golden = Files.readAllBytes(GOLDEN);
        Result r = replay(copy("torn.jrj", Arrays.copyOf(golden, golden.length - 30)).toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*verified \\d+ ticks \\(\\d+ checksums\\).*"), r.out());
        assertTrue(r.out().contains("truncated: the last "), r.out());
        assertTrue(r.out().contains("replayed up to the last complete record"), r.out());
    }

    @Test
    void shouldNameTheFirstDivergingTickAndExitOne() throws Exception {
        // the same journal under other rules: planes fly faster, so the snapshot at the match start (tick 1) differs
        byte[] bytes = Files.readAllBytes(GOLDEN);
        int maxSpeed = indexOf(bytes, new byte[] {0x40, 0x62, (byte) 0xc0, 0, 0, 0, 0, 0}, 40); // 150.0, after maxX
        bytes[maxSpeed + 1] = 0x69; // 200.0
        resealHeader(bytes);
        Result r = replay(copy("other-rules.jrj", bytes).toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("DIVERGED at tick 1: snapshot recorded "), r.out());
        assertTrue(!r.out().contains("verified"), r.out());
    }

    @Test
    void shouldRefuseWhatIsNotAJournalInOneLineWithExitTwo() throws Exception {
        for (Result r : List.of(
                replay(copy("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)).toString()),
                replay(dir.resolve("missing.jrj").toString()),
                replay(copy("empty.jrj", new byte[0]).toString()))) {
            assertEquals(2, r.status());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
        assertTrue(replay(copy("x.txt", "hello".getBytes(StandardCharsets.UTF_8)).toString()).err()
                .endsWith("x.txt: not a Jet Raiders journal (no journal preamble)\n"));
    }

    @Test
    void shouldRefuseAVersionOneJournalInOneLineWithExitTwo() {
        Result r = replay(GOLDEN.resolveSibling("golden-v1.jrj").toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("golden-v1.jrj: journal format version 1; this build reads version 2\n"), r.err());
    }

    @Test
    void shouldRefuseABadCommandLineWithExitTwo() {
        assertEquals(2, replay().status());
        assertEquals(2, replay(GOLDEN.toString(), "--from").status());
        assertEquals(2, replay(GOLDEN.toString(), "--to", "soon").status());
        assertEquals(2, replay(GOLDEN.toString(), "--json", "0").status());
        assertEquals(2, replay(GOLDEN.toString(), "other.jrj").status());
        assertEquals(0, replay("--help").status());
    }

    @Test
    void shouldDumpTheWorldAsJsonLinesForATickRange() {
        Result r = replay(GOLDEN.toString(), "--from", "200", "--to", "500", "--json", "100");
        assertEquals(0, r.status(), r.err());
        List<JsonObject> lines = r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(List.of(200L, 300L, 400L, 500L), lines.stream().map(o -> o.get("tick").getAsLong()).toList());
        JsonObject first = lines.get(0);
        assertTrue(first.getAsJsonArray("planes").size() >= 2, first.toString());
        assertTrue(first.getAsJsonArray("planes").get(0).getAsJsonObject().has("last_input_seq"));
        assertTrue(r.err().contains("verified "), "the report goes to stderr: " + r.err());
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** Recomputes the header record's CRC (the header starts after the 10-byte preamble: 'H', length, payload). */
    private static void resealHeader(byte[] b) {
        int length = (b[11] & 0x7F) | (b[12] & 0x7F) << 7; // two varint bytes (155)
        int end = 13 + length;
        CRC32C crc = new CRC32C();
        crc.update(b, 10, end - 10);
        int c = (int) crc.getValue();
        b[end] = (byte) (c >>> 24);
        b[end + 1] = (byte) (c >>> 16);
        b[end + 2] = (byte) (c >>> 8);
        b[end + 3] = (byte) c;
    }
}
