package org.jetraiders.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.journal.JournalDescriptor;
import org.jetraiders.engine.journal.JournalReader;

/** Journal files as a crashed server leaves them, for the recovery tests. */
public final class CrashedJournals {
    private CrashedJournals() {
    }

    /** The one file a lobby recorded into its journal directory (fails the test if there are more). */
    public static Path onlyFile(Path lobbyDirectory) throws Exception {
        try (Stream<Path> files = Files.list(lobbyDirectory)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** The file as a crash leaves it: without its last EVENTS record (the one with STOP) and what follows. */
    public static Path crash(Path file) throws Exception {
        List<Long> events = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(file)) {
            while (reader.next()) {
                if (reader.type() == JournalDescriptor.RECORD_EVENTS) {
                    events.add(reader.recordOffset());
                }
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, events.get(events.size() - 1).intValue()));
        return file;
    }
}
