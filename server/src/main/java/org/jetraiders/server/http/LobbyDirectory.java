package org.jetraiders.server.http;

import java.util.List;

/**
 * The lobbies the HTTP side reports on. Implementations must be thread-safe: HTTP worker threads call
 * this concurrently with the game.
 */
@FunctionalInterface
public interface LobbyDirectory {
    /** A fresh view of every lobby, in a stable order (by name, or creation order). */
    List<LobbyView> lobbies();
}
