package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import org.jetraiders.engine.LobbyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journaling allocates nothing in steady state: not on the game loop (the capture after each step, with
 * its checksum every second and its world image every few seconds), not on the journal thread (reading
 * the ring, encoding, sealing records, copying images into the queue). Measured with the JVM's
 * per-thread allocation counter over windows of ten seconds of game time.
 */
class JournalAllocationTest {
    private static final int PLAYERS = 16;
    private static final int TICKS_PER_WINDOW = 600;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path root;

    @Test
    void shouldRecordWithoutAllocatingOnTheGameLoopOrTheJournalThread() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        JournalHarness h = new JournalHarness(LobbyConfig.builder().name("alloc").seed(4).build(), root, 4096,
                JournalHarness.config(root));
        for (int i = 1; i <= PLAYERS; i++) {
            h.join(i, "pilot-" + i);
        }
        long[] gameLoop = new long[6];
        long[] journal = new long[6];
        long seq = 0;
        for (int w = -10; w < gameLoop.length; w++) { // warm-up windows for the JIT
            long loopBytes = 0;
            long journalBytes = 0;
            for (int t = 0; t < TICKS_PER_WINDOW; t++) {
                seq++;
                for (int i = 1; i <= PLAYERS; i++) {
                    h.input(i, 1, (seq / 45 + i) % 3 - 1, (seq + i) % 30 < 3, seq);
                }
                h.tick();
                long before = THREADS.getCurrentThreadAllocatedBytes();
                h.runGameLoop();
                long between = THREADS.getCurrentThreadAllocatedBytes();
                h.pollJournal();
                long after = THREADS.getCurrentThreadAllocatedBytes();
                loopBytes += between - before;
                journalBytes += after - between;
                h.drainToDisk();
            }
            if (w >= 0) {
                gameLoop[w] = loopBytes;
                journal[w] = journalBytes;
            }
        }
        assertTrue(h.breaks.isEmpty(), h.breaks.toString());
        // the JIT may allocate while it settles; an allocation per tick or per image shows in every window
        assertTrue(Arrays.stream(gameLoop).anyMatch(b -> b == 0), "game loop, bytes per window: " + Arrays.toString(gameLoop));
        assertTrue(Arrays.stream(journal).anyMatch(b -> b == 0), "journal thread, bytes per window: " + Arrays.toString(journal));
    }
}
