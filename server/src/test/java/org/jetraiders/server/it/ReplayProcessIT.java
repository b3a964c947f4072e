package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jetraiders.server.ServerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java ... ServerMain replay FILE} as users run it: its exit status and its output streams. */
@Timeout(60)
class ReplayProcessIT {
    private static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "..", "engine", "src", "test",
            "resources", "journal", "golden-v2.jrj");

    @TempDir
    Path dir;

    private record Exit(int status, String out, String err) {
    }

    private Exit run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(), "replay"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(50, TimeUnit.SECONDS), "replay finished");
        return new Exit(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void shouldExitZeroWhenEveryChecksumMatches() throws Exception {
        Exit e = run(GOLDEN.toString());
        assertEquals(0, e.status(), e.err());
        assertTrue(e.out().contains("verified 700 ticks (11 checksums)"), e.out());
    }

    @Test
    void shouldExitTwoWithOneLineForAForeignFile() throws Exception {
        Path foreign = Files.writeString(dir.resolve("foreign.jrj"), "GIF89a not a journal");
        Exit e = run(foreign.toString());
        assertEquals(2, e.status());
        assertEquals("error: " + foreign + ": not a Jet Raiders journal (no journal preamble)\n", e.err());
        assertEquals("", e.out());
    }
}
