package org.jetraiders.server.transport;

/**
 * Why a socket on the game port never became a WebSocket connection: the {@code reason} labels of
 * {@code jetraiders_handshakes_rejected_total}, a fixed set whatever clients send.
 */
enum HandshakeRefusal {
    /** The handshake asked for a path other than {@code /ws}: HTTP 404. */
    UNKNOWN_PATH("unknown_path"),
    /** Accepted while {@code --max-connections} sockets were already held: closed at once. */
    CONNECTION_LIMIT("connection_limit"),
    /** Accepted while its address already held {@code --max-connections-per-address}: closed at once. */
    PER_ADDRESS_LIMIT("per_address_limit"),
    /** The handshake did not finish within {@code --handshake-timeout-seconds}: closed. */
    HANDSHAKE_TIMEOUT("handshake_timeout");

    final String label;

    HandshakeRefusal(String label) {
        this.label = label;
    }
}
