package org.jetraiders.engine.journal;

import java.nio.file.Path;

/**
 * Told what the journal threads do, to feed an embedder's metrics (the server exports them to
 * Prometheus); the engine knows no metrics library. Called on the journal threads: be quick, never
 * block, never throw.
 */
public interface JournalObserver {
    /** A lobby's journal read a ring slot after a publisher had reused it: it fell behind the game. */
    String LAPPED = "lapped";
    /** A lobby's encoded records did not fit its buffer: the disk is behind. */
    String BUFFER_FULL = "buffer_full";
    /** A write, open or fsync of a lobby's file failed. */
    String IO_ERROR = "io_error";
    /** A record larger than half the lobby's buffer (a world image of enormous names, say). */
    String RECORD_TOO_LARGE = "record_too_large";
    /** The game loop's tick stamps did not follow on (its step failed). */
    String OUT_OF_STEP = "out_of_step";

    /** Observes nothing. */
    JournalObserver NONE = new JournalObserver() {
    };

    /** Bytes written to a journal file (I/O thread). */
    default void bytesWritten(long bytes) {
    }

    /**
     * A lobby's journal broke for {@code reason} (one of the constants above); the lobby plays on and
     * the journal goes on in a new file from the next world image (journal thread).
     */
    default void journalBroken(String lobby, String reason) {
    }

    /** One fsync of a journal file took this long (I/O thread). */
    default void fsynced(long nanos) {
    }

    /** The size budget deleted this file (I/O thread). */
    default void fileDeleted(Path file, long bytes) {
    }
}
