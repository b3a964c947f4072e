package org.jetraiders.engine.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.pipeline.PassThread;

/**
 * {@code jr-journal-io}: the one thread that touches journal files. Each pass it drains every lobby's
 * queue into its file, forces each file with new bytes once its fsync interval has passed, and keeps
 * the files under the size budget (after a file closes, and once a minute). Only this thread ever
 * blocks on the disk, so a slow or failing disk holds up nothing but journals: their queues fill and
 * they break, while the game plays on.
 */
final class JournalIoThread extends PassThread {
    private static final System.Logger LOG = System.getLogger(JournalIoThread.class.getName());
    private static final long RETENTION_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final JournalConfig config;
    private final long fsyncNanos;
    private final Queue<LobbyFile> incoming = new ConcurrentLinkedQueue<>();
    // I/O thread only
    private final List<LobbyFile> files = new ArrayList<>();
    private long nextRetentionNanos;
    private boolean retentionDue = true;
    private long failures;

    JournalIoThread(JournalConfig config) {
        super(config.threadName() + "-io");
        this.config = config;
        this.fsyncNanos = config.fsyncInterval().toNanos();
    }

    void add(LobbyFile file) {
        incoming.add(file);
        wake();
    }

    /** Lobbies with a file or queue still to finish. */
    int lobbies() {
        return files.size() + incoming.size();
    }

    @Override
    public void run() {
        while (isRunning()) {
            beginPass();
            long deadline = pass(System.nanoTime());
            parkUnlessWoken(deadline - System.nanoTime());
        }
        pass(System.nanoTime()); // what was queued before the stop
    }

    private long pass(long now) {
        LobbyFile f;
        while ((f = incoming.poll()) != null) {
            files.add(f);
        }
        long earliest = now + IDLE_PARK_NANOS;
        for (int i = 0; i < files.size(); i++) {
            LobbyFile file = files.get(i);
            try {
                if (file.drain(now)) {
                    files.remove(i--);
                    retentionDue = true;
                    continue;
                }
                file.forceIfDue(now, fsyncNanos);
            } catch (RuntimeException e) {
                if (failures++ % 1000 == 0) {
                    LOG.log(System.Logger.Level.ERROR, "journal I/O failed (" + failures + " so far)", e);
                }
            }
            earliest = Math.min(earliest, file.nextForceDeadline(fsyncNanos));
        }
        if (config.retentionBytes() > 0 && (retentionDue || now - nextRetentionNanos >= 0)) {
            Set<Path> open = new HashSet<>();
            for (LobbyFile file : files) {
                Path p = file.openPath();
                if (p != null) {
                    open.add(p);
                }
            }
            Retention.enforce(config.directory(), config.retentionBytes(), open, config.observer());
            retentionDue = false;
            nextRetentionNanos = now + RETENTION_PERIOD_NANOS;
        }
        return earliest;
    }
}
