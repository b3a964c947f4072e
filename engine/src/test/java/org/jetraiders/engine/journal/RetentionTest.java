package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size budget deletes the oldest journal files first, never one being written, and nothing else. */
class RetentionTest {
    @TempDir
    Path root;

    private Path file(String lobby, String name, int bytes, long modifiedMillis) throws Exception {
        Path dir = Files.createDirectories(root.resolve(lobby));
        Path f = dir.resolve(name);
        Files.write(f, new byte[bytes]);
        Files.setLastModifiedTime(f, FileTime.fromMillis(modifiedMillis));
        return f;
    }

    @Test
    void shouldDeleteTheOldestFilesUntilTheRestFitTheBudget() throws Exception {
        Path oldest = file("a", "1-1.jrj", 400, 1_000);
        Path old = file("b", "1-1.jrj", 400, 2_000);
        Path open = file("a", "3-2.jrj", 400, 500); // oldest of all, but still being written
        Path newer = file("a", "2-2.jrj", 400, 3_000);
        Path notAJournal = file("a", "notes.txt", 5_000, 10);
        List<Path> deleted = new ArrayList<>();
        long left = Retention.enforce(root, 900, Set.of(open), new JournalObserver() {
            @Override
            public void fileDeleted(Path file, long bytes) {
                deleted.add(file);
            }
        });
        assertEquals(List.of(oldest, old), deleted);
        assertEquals(800, left);
        assertTrue(Files.exists(open));
        assertTrue(Files.exists(newer));
        assertTrue(Files.exists(notAJournal), "only journal files count and go");
        assertFalse(Files.exists(root.resolve("b")), "a lobby directory left empty goes too");
    }

    @Test
    void shouldKeepEverythingUnderTheBudget() throws Exception {
        Path f = file("a", "1-1.jrj", 400, 1_000);
        assertEquals(400, Retention.enforce(root, 400, Set.of(), JournalObserver.NONE));
        assertTrue(Files.exists(f));
    }
}
