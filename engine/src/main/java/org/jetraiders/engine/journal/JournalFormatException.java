package org.jetraiders.engine.journal;

import java.io.IOException;

/** The file is not a journal this build can read: foreign, of another format version, or corrupt. */
public final class JournalFormatException extends IOException {
    public JournalFormatException(String message) {
        super(message);
    }
}
