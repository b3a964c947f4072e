package org.jetraiders.client;

/**
 * How a connection ended.
 *
 * @param code     the WebSocket close code: 1000 normal, 1001 the server is stopping, 1003 a binary frame
 *                 on a JSON connection, 1007 repeated malformed binary frames, 1008 a policy (join
 *                 required, invalid token, lobby full, too slow, input flood, ...), 1009 a frame too
 *                 large; 1006 when the connection dropped without a close frame (docs/PROTOCOL.md)
 * @param reason   the close reason (the server sends its error code's message, e.g. "invalid token")
 * @param byServer whether the server (or the network) ended it, rather than this client
 */
public record CloseInfo(int code, String reason, boolean byServer) {
    @Override
    public String toString() {
        return code + (reason == null || reason.isEmpty() ? "" : " \"" + reason + "\"")
                + (byServer ? " (by the server)" : " (by this client)");
    }
}
