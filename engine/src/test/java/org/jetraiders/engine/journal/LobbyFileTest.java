package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.LobbyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the I/O thread's side of a journal turns the queue's records into writes. */
class LobbyFileTest {
    private static final int TICKS = 90;

    @TempDir
    Path root;

    private static final class Writes implements JournalObserver {
        final List<Long> sizes = new ArrayList<>();

        @Override
        public void bytesWritten(long bytes) {
            sizes.add(bytes);
        }
    }

    /** A lobby of two players for {@link #TICKS} ticks, the journal polled after every tick: one record each. */
    private static JournalHarness play(Path dir) {
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("lobby").seed(3).build(), dir, 1024,
                JournalHarness.config(dir));
        h.join(1, "ada");
        h.join(2, "bob");
        for (int t = 0; t < TICKS; t++) {
            h.input(1, 1.0, 0.2, t % 3 == 0, t + 1);
            h.input(2, 0.5, -0.3, false, t + 1);
            h.tick();
            h.runGameLoop();
            h.pollJournal();
        }
        return h;
    }

    private static byte[] onlyJournalFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(JournalDescriptor.EXTENSION)).toList();
            assertEquals(1, found.size(), found::toString);
            return Files.readAllBytes(found.get(0));
        }
    }

    @Test
    void shouldWriteEveryRecordQueuedSinceTheLastDrainWithOneWrite() throws IOException {
        JournalHarness h = play(root);
        Writes writes = new Writes();
        LobbyFile file = new LobbyFile(h.journal, root, writes, ByteBuffer.allocateDirect(64 * 1024));

        file.drain(System.nanoTime());

        assertEquals(1, writes.sizes.size(), "one write for " + TICKS + " ticks' records: " + writes.sizes);
        assertEquals(onlyJournalFile(root).length, writes.sizes.get(0), "all of the file, in that write");
        assertEquals(writes.sizes.get(0), h.journal.status().bytesWritten());
    }

    @Test
    void shouldWriteTheSameBytesWhenRecordsAreLargerThanTheStagingBuffer(@TempDir Path other) throws IOException {
        JournalHarness large = play(root);
        new LobbyFile(large.journal, root, JournalObserver.NONE, ByteBuffer.allocateDirect(64 * 1024))
                .drain(System.nanoTime());
        JournalHarness small = play(other);
        Writes writes = new Writes();
        new LobbyFile(small.journal, other, writes, ByteBuffer.allocateDirect(32)).drain(System.nanoTime());

        assertArrayEquals(onlyJournalFile(root), onlyJournalFile(other));
        assertTrue(writes.sizes.size() > 1, "a 32-byte staging buffer needs many writes: " + writes.sizes);
        assertTrue(writes.sizes.stream().anyMatch(n -> n > 32), "the world image went straight from the queue");
    }

    @Test
    void shouldFreeTheQueuesMemoryOnlyOnceTheJournalHasFinishedAndItsLastFileIsClosed() throws IOException {
        JournalHarness h = play(root);
        LobbyFile file = new LobbyFile(h.journal, root, JournalObserver.NONE, ByteBuffer.allocateDirect(64 * 1024));
        assertFalse(file.drain(System.nanoTime()), "the lobby still runs");
        assertFalse(h.journal.queue().isFreed(), "a running lobby's journal keeps its queue");

        h.stop();
        h.runGameLoop();
        assertTrue(h.pollJournal(), "the journal has queued its last record");
        assertFalse(h.journal.queue().isFreed(), "its last records are still to be written");
        assertTrue(file.drain(System.nanoTime()), "the last file is closed");

        assertTrue(h.journal.queue().isFreed());
        assertFalse(h.journal.queue().poll(), "nothing reads freed memory");
        int lastType = -1;
        try (Stream<Path> files = Files.walk(root);
             JournalReader reader = JournalReader.open(files.filter(p -> p.toString().endsWith(JournalDescriptor.EXTENSION))
                     .findFirst().orElseThrow())) {
            while (reader.next()) {
                lastType = reader.type();
            }
        }
        assertEquals(JournalDescriptor.RECORD_END, lastType, "the file ends with its END record, written from the queue");
    }
}
