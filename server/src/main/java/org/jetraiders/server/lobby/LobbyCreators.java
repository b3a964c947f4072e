package org.jetraiders.server.lobby;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * How many open lobbies each remote address has created, against {@code --max-lobbies-per-address}:
 * so that one address cannot take every lobby the server may run. A place is claimed when a
 * connection's Join creates a lobby and freed when that lobby retires; entering an existing lobby
 * claims nothing. Thread-safe; called only when a lobby is created or retired, never per message.
 */
final class LobbyCreators {
    private final int maxPerAddress;
    private final Map<InetAddress, Integer> open = new HashMap<>();

    /** @param maxPerAddress open lobbies one address may have created; 0 for no limit */
    LobbyCreators(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** Claims a place for a lobby {@code creator} is about to create; false (nothing claimed) at the cap. */
    synchronized boolean tryClaim(InetAddress creator) {
        int n = open.getOrDefault(creator, 0);
        if (maxPerAddress > 0 && n >= maxPerAddress) {
            return false;
        }
        open.put(creator, n + 1);
        return true;
    }

    /** Frees the place of a lobby {@code creator} created, once it retired (or was never made). */
    synchronized void release(InetAddress creator) {
        open.computeIfPresent(creator, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Open lobbies {@code creator} created. */
    synchronized int openFrom(InetAddress creator) {
        return open.getOrDefault(creator, 0);
    }

    int maxPerAddress() {
        return maxPerAddress;
    }
}
