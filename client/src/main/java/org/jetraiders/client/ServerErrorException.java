package org.jetraiders.client;

import org.jetraiders.client.message.ServerError;

/**
 * The server answered a request with an {@code Error}, e.g. {@code lobby_full} for a {@code Join};
 * {@link #error()} has its code (docs/PROTOCOL.md, "Errors and limits") and message.
 */
public final class ServerErrorException extends JetRaidersException {
    private static final long serialVersionUID = 1L;

    private final transient ServerError error;

    public ServerErrorException(String request, ServerError error) {
        super(request + " refused: " + error.code() + " (" + error.message() + ")");
        this.error = error;
    }

    public ServerError error() {
        return error;
    }
}
