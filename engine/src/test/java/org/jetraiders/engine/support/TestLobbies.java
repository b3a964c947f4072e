package org.jetraiders.engine.support;

import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;

/** Lobby set-up shared by the pipeline tests. */
public final class TestLobbies {
    private TestLobbies() {
    }

    /** A lobby driven by {@link Lobby#tickNow()} only, with a roomy output ring. */
    public static LobbyConfig.Builder manual(String name) {
        return LobbyConfig.builder().name(name).autoTick(false).outputRingSize(256).maxLagSnapshots(200);
    }

    /** Publishes {@code n} ticks and waits until the game loop has stepped them all. */
    public static long tick(Lobby lobby, int n) {
        long target = lobby.tick() + n;
        for (int i = 0; i < n; i++) {
            InputResult r = lobby.tickNow();
            if (r != InputResult.ACCEPTED) {
                throw new AssertionError("tickNow returned " + r);
            }
        }
        Await.until(() -> lobby.tick() >= target, () -> "game loop to reach tick " + target + ", at " + lobby.tick());
        return target;
    }
}
