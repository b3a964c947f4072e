package org.jetraiders.engine.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jetraiders.engine.pipeline.PassThread;

/**
 * {@code jr-journal}: the one thread that reads every journaled lobby's input ring behind its game
 * loop and encodes it, on its own beat ({@link JournalConfig#readInterval()}, 50 ms: three ticks' events
 * per lobby in one pass). A game-loop pass wakes it early only for a lobby whose unread events reach a quarter of its
 * ring ({@link LobbyRecording#signal()}); it used to be woken after every pass, 60-120 times a second.
 * It never touches a file: records go into each lobby's queue for {@link JournalIoThread}.
 */
final class JournalThread extends PassThread {
    private static final System.Logger LOG = System.getLogger(JournalThread.class.getName());
    private final long beatNanos;

    private final JournalIoThread io;
    private final Queue<LobbyJournal> incoming = new ConcurrentLinkedQueue<>();
    // journal thread only
    private final List<LobbyJournal> journals = new ArrayList<>();
    private long failures;

    JournalThread(String name, JournalIoThread io, long beatNanos) {
        super(name);
        this.io = io;
        this.beatNanos = beatNanos;
    }

    void add(LobbyJournal journal) {
        incoming.add(journal);
        wake();
    }

    @Override
    public void run() {
        while (isRunning()) {
            beginPass();
            pass();
            parkUnlessWoken(beatNanos);
        }
        pass();
    }

    private void pass() {
        LobbyJournal j;
        while ((j = incoming.poll()) != null) {
            journals.add(j);
        }
        boolean queued = false;
        for (int i = 0; i < journals.size(); i++) {
            LobbyJournal journal = journals.get(i);
            try {
                boolean done = journal.poll();
                // The writer is woken for a finished journal or a queue a quarter full; otherwise it
                // takes what has queued up on its own beat (at most a second, right before each
                // fsync), so a 16-player lobby's ~2 KB a second costs one write a second, not 60.
                queued |= done || journal.queue().backlog() >= journal.queue().capacity() / 4;
                if (done) {
                    journals.remove(i--);
                }
            } catch (RuntimeException e) {
                if (failures++ % 1000 == 0) {
                    LOG.log(System.Logger.Level.ERROR, "a journal failed on " + threadName() + " (" + failures
                            + " so far); it stays scheduled", e);
                }
            }
        }
        if (queued) {
            io.wake();
        }
    }
}
