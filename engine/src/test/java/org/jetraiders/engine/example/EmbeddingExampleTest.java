package org.jetraiders.engine.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/org/jetraiders/engine/example/EmbeddingExample.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void readmeShowsExactlyTheExampleThatThisTestRuns() throws Exception {
        String source = Files.readString(SOURCE);
        String example = source.substring(source.indexOf("// README-EXAMPLE-START") + "// README-EXAMPLE-START".length(),
                source.indexOf("// README-EXAMPLE-END")).strip();
        String readme = Files.readString(README);
        assertTrue(readme.contains(example), "README.md must contain the body of EmbeddingExample.java verbatim");
    }

    @Test
    void exampleReportsAdaFromTheFirstSnapshotAfterOneSecondAndThenTheScores() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]); // throws if no snapshot of tick 60 or later came
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        // printed once, by the sink, before it released the main thread's wait
        Matcher ada = Pattern.compile("(?m)^tick (\\d+): Ada at \\(").matcher(out);
        assertTrue(ada.find(), out);
        assertTrue(Long.parseLong(ada.group(1)) >= 60, out);
        assertFalse(ada.find(), "printed once: " + out);
        assertTrue(out.contains("scores [PlayerScore[playerId=1, name=Ada"), out);
    }
}
