package org.jetraiders.engine.journal;

import java.nio.ByteBuffer;
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
 * {@code jr-journal-io}: the one thread that touches journal files. Each pass (once per fsync interval
 * and at least once a second, or when the journal thread finds a queue a quarter full or a journal
 * finished) it drains every lobby's queue into its file with one write and forces every file with new
 * bytes, on one beat for all files: a server of 64 lobbies wakes about once a second, rather than once
 * per file and deadline, and writes each file once a second (a 16-player lobby queues ~2 KB a second,
 * its queue holds 256 KiB); and it keeps the files under the size budget (after a file closes, and
 * once a minute).
 * Only this thread ever blocks on the disk, so a slow or failing disk holds up nothing but journals:
 * their queues fill and they break, while the game plays on.
 */
final class JournalIoThread extends PassThread {
    private static final System.Logger LOG = System.getLogger(JournalIoThread.class.getName());
    private static final long RETENTION_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int STAGING_BYTES = 64 * 1024;

    private final JournalConfig config;
    private final long fsyncNanos;
    private final Queue<LobbyFile> incoming = new ConcurrentLinkedQueue<>();
    /** Where a drain gathers a lobby's records into one write; direct, so the write copies nothing more. */
    private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_BYTES);
    // I/O thread only
    private final List<LobbyFile> files = new ArrayList<>();
    private long nextRetentionNanos;
    private long nextForceNanos;
    private boolean retentionDue = true;
    private long failures;

    JournalIoThread(JournalConfig config) {
        super(config.threadName() + "-io");
        this.config = config;
        this.fsyncNanos = config.fsyncInterval().toNanos();
    }

    /** The staging buffer every file of this thread drains through (I/O thread only). */
    ByteBuffer staging() {
        return staging;
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
        nextForceNanos = System.nanoTime() + fsyncNanos;
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
        boolean forceDue = now - nextForceNanos >= 0;
        if (forceDue) {
            nextForceNanos = now + fsyncNanos;
        }
        for (int i = 0; i < files.size(); i++) {
            LobbyFile file = files.get(i);
            try {
                if (file.drain(now)) {
                    files.remove(i--);
                    retentionDue = true;
                    continue;
                }
                if (forceDue) {
                    file.forceIfDirty();
                }
            } catch (RuntimeException e) {
                if (failures++ % 1000 == 0) {
                    LOG.log(System.Logger.Level.ERROR, "journal I/O failed (" + failures + " so far)", e);
                }
            }
        }
        long earliest = Math.min(now + IDLE_PARK_NANOS, nextForceNanos);
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
