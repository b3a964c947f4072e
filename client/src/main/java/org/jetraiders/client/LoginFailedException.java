package org.jetraiders.client;

/**
 * A guest login over HTTP failed: the server was unreachable, answered with a status other than 200
 * ({@link #status()}), or with a body that is not the JSON object the protocol promises.
 */
public final class LoginFailedException extends JetRaidersException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public LoginFailedException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the failed call, or -1 when there was no answer. */
    public int status() {
        return status;
    }
}
