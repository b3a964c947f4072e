package org.jetraiders.engine.journal;

import java.nio.file.Path;

/**
 * One lobby's journal as other threads see it: which file it writes, how far it has recorded, how often
 * it broke. Written by the journal threads, read lock-free by anyone.
 */
public final class JournalStatus {
    /** For lobbies that record nothing. */
    public static final JournalStatus NONE = new JournalStatus();

    volatile Path file;
    volatile long recordedTick = -1;
    volatile long readTick = -1;
    volatile boolean broken;
    volatile long breaks;
    volatile long bytesWritten;
    volatile boolean closed;

    JournalStatus() {
    }

    /** The file being written (set once the I/O thread opened it), or null. */
    public Path file() {
        return file;
    }

    /** The last tick in a complete record handed to the I/O thread; -1 before the first file began. */
    public long recordedTick() {
        return recordedTick;
    }

    /**
     * The last tick the journal thread has read from the lobby's ring, recorded or still pending: a
     * read that finds only ticks seals no record (ticks alone are not worth one), so they are recorded
     * with the next event, at the latest the next checksum. -1 before the first.
     */
    public long readTick() {
        return readTick;
    }

    /** True while the journal is broken: it waits for the next world image to begin a new file. */
    public boolean isBroken() {
        return broken;
    }

    /** Times this lobby's journal broke. */
    public long breaks() {
        return breaks;
    }

    /** Bytes written to this lobby's files. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** True once the lobby's last file is closed (the lobby stopped, or the journaler closed). */
    public boolean isClosed() {
        return closed;
    }
}
