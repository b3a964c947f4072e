package org.jetraiders.client;

/**
 * The connection closed while waiting for an answer, e.g. a {@code Join} with an invalid session
 * token (1008 "invalid token"). {@link #closeInfo()} has the WebSocket close code and reason.
 */
public final class ConnectionClosedException extends JetRaidersException {
    private static final long serialVersionUID = 1L;

    private final CloseInfo closeInfo;

    public ConnectionClosedException(String waitingFor, CloseInfo closeInfo) {
        super("connection closed while waiting for " + waitingFor + ": " + closeInfo);
        this.closeInfo = closeInfo;
    }

    public CloseInfo closeInfo() {
        return closeInfo;
    }
}
