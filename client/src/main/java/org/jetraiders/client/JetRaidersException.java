package org.jetraiders.client;

/**
 * Something a client asked for did not happen: the base of this library's checked exceptions, each
 * of which says why in its message. Thrown alone for a timeout; the subclasses carry the details.
 */
public class JetRaidersException extends Exception {
    private static final long serialVersionUID = 1L;

    public JetRaidersException(String message) {
        super(message);
    }

    public JetRaidersException(String message, Throwable cause) {
        super(message, cause);
    }
}
