package org.jetraiders.client;

import java.net.URI;

/**
 * The WebSocket could not be opened: the server was unreachable or refused the connection, refused
 * the handshake (a wrong path, or over its connection caps, where it closes the socket right after
 * accepting it), or did not answer in time. The message names the address and the cause.
 */
public final class ConnectFailedException extends JetRaidersException {
    private static final long serialVersionUID = 1L;

    private final URI uri;

    public ConnectFailedException(URI uri, String why, Throwable cause) {
        super("could not connect to " + uri + ": " + why, cause);
        this.uri = uri;
    }

    /** The address tried. */
    public URI uri() {
        return uri;
    }
}
