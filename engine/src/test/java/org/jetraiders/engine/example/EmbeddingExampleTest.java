package org.jetraiders.engine.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void exampleRunsAndReportsAdaFlying() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("tick 60: Ada at"), out);
        assertTrue(out.contains("scores [PlayerScore[playerId=1, name=Ada"), out);
    }
}
