package org.jetraiders.engine.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.pipeline.PassSignal;
import org.jetraiders.engine.pipeline.PassThread;

/**
 * {@code jr-journal}: the one thread that reads every journaled lobby's input ring behind its game
 * loop and encodes it. The game-loop shards wake it once per pass that stepped a lobby (a pass that
 * stepped many lobbies wakes it once); it also looks every 20 ms, for lobbies ticked by hand and for
 * stops. It never touches a file: records go into each lobby's queue for {@link JournalIoThread}.
 */
final class JournalThread extends PassThread implements PassSignal {
    private static final System.Logger LOG = System.getLogger(JournalThread.class.getName());
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final JournalIoThread io;
    private final Queue<LobbyJournal> incoming = new ConcurrentLinkedQueue<>();
    private volatile long lastSignalledPass = -1;
    // journal thread only
    private final List<LobbyJournal> journals = new ArrayList<>();
    private long failures;

    JournalThread(String name, JournalIoThread io) {
        super(name);
        this.io = io;
    }

    void add(LobbyJournal journal) {
        incoming.add(journal);
        wake();
    }

    @Override
    public void signal(long passId) {
        if (lastSignalledPass != passId) {
            lastSignalledPass = passId;
            wake();
        }
    }

    @Override
    public void run() {
        while (isRunning()) {
            beginPass();
            pass();
            parkUnlessWoken(IDLE_PARK_NANOS);
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
                // takes what has queued up on its own beat (at most 250 ms, and always before each
                // fsync), so a 16-player lobby's ~2 KB a second costs a few writes a second, not 60.
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
