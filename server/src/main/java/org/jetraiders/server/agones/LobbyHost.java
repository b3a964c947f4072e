package org.jetraiders.server.agones;

import java.util.Set;

/**
 * What the Agones code needs from the game server, and nothing more. Implementations must be
 * thread-safe; the Agones thread calls them while the game runs.
 */
public interface LobbyHost {
    /** Names of the lobbies open right now. */
    Set<String> openLobbies();

    boolean isOpen(String name);

    /** Opens a lobby without a player (for an allocation); false if it cannot be opened. */
    boolean open(String name);

    /** Players in a lobby right now (bots not counted). */
    int players();

    /** Whether every lobby ticks on time: the rule of {@code GET /health}. */
    boolean servingOnTime();
}
