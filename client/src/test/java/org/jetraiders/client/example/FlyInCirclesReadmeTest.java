package org.jetraiders.client.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's client example is this class's body, verbatim; the server's FlyInCirclesExampleIT runs it. */
class FlyInCirclesReadmeTest {
    private static final Path SOURCE = Path.of("src/main/java/org/jetraiders/client/example/FlyInCircles.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void readmeShowsExactlyTheExampleThatTheServersTestRuns() throws Exception {
        String source = Files.readString(SOURCE);
        String start = "// README-EXAMPLE-START";
        String example = source.substring(source.indexOf(start) + start.length(), source.indexOf("// README-EXAMPLE-END"))
                .stripTrailing();
        // the README shows it without the method's indentation
        String unindented = example.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow().strip();
        String readme = Files.readString(README);
        assertTrue(readme.contains(unindented), "README.md must contain the body of FlyInCircles.java:\n" + unindented);
    }
}
