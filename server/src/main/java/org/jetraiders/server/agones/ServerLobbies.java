package org.jetraiders.server.agones;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.lobby.ManagedLobby;

/** The {@link LobbyHost} of a running server: its {@link LobbyManager} and its health rule. */
public final class ServerLobbies implements LobbyHost {
    private final LobbyManager lobbies;
    private final BooleanSupplier servingOnTime;

    /**
     * @param servingOnTime the rule that decides {@code GET /health}'s 200 (true) or 503 (false)
     */
    public ServerLobbies(LobbyManager lobbies, BooleanSupplier servingOnTime) {
        this.lobbies = lobbies;
        this.servingOnTime = servingOnTime;
    }

    @Override
    public Set<String> openLobbies() {
        Set<String> names = new HashSet<>();
        for (ManagedLobby lobby : lobbies.all()) {
            names.add(lobby.name());
        }
        return names;
    }

    @Override
    public boolean isOpen(String name) {
        return lobbies.find(name) != null;
    }

    @Override
    public boolean open(String name) {
        return lobbies.open(name) != null;
    }

    /** Connections that joined a lobby: bots do not enter through the lobby manager. */
    @Override
    public int players() {
        int players = 0;
        for (ManagedLobby lobby : lobbies.all()) {
            players += lobby.occupants();
        }
        return players;
    }

    @Override
    public boolean servingOnTime() {
        return servingOnTime.getAsBoolean();
    }
}
