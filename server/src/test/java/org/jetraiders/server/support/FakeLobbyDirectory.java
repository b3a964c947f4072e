package org.jetraiders.server.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jetraiders.server.http.LobbyDirectory;
import org.jetraiders.server.http.LobbyView;

/** A {@link LobbyDirectory} whose views the test sets. */
public final class FakeLobbyDirectory implements LobbyDirectory {
    private final List<LobbyView> views = new CopyOnWriteArrayList<>();

    public FakeLobbyDirectory set(LobbyView... lobbies) {
        views.clear();
        views.addAll(List.of(lobbies));
        return this;
    }

    @Override
    public List<LobbyView> lobbies() {
        return List.copyOf(views);
    }
}
