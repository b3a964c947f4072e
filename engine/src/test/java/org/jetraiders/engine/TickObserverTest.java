package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-tick hook an embedder's metrics hang on. */
@Timeout(30)
class TickObserverTest {
    /** What the observer saw of one tick. */
    private record Seen(long ticks, long lastTickNanos, long durationNanos, String thread) {
    }

    @Test
    void shouldTellTheObserverEveryTickOnTheGameLoopThreadWithTheCountersAlreadyCountingIt() {
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        TickObserver observer = (lobby, nanos) ->
                seen.add(new Seen(lobby.ticks(), lobby.lastTickNanos(), nanos, Thread.currentThread().getName()));
        Lobby lobby = Lobby.create(TestLobbies.manual("observed").tickObserver(observer).build());
        lobby.start();
        try {
            TestLobbies.tick(lobby, 5);

            assertEquals(5, seen.size());
            for (int i = 0; i < seen.size(); i++) {
                Seen tick = seen.get(i);
                assertEquals(i + 1, tick.ticks(), "the counters include the tick being observed");
                assertTrue(tick.lastTickNanos() > 0);
                assertTrue(tick.durationNanos() >= 0);
                assertTrue(tick.thread().startsWith("jr-observed-game-loop"), tick.thread());
            }
        } finally {
            lobby.stop();
        }
    }

    @Test
    void shouldKeepTickingWhenTheObserverThrows() {
        Lobby lobby = Lobby.create(TestLobbies.manual("throwing").tickObserver((l, nanos) -> {
            throw new IllegalStateException("observer bug");
        }).build());
        lobby.start();
        try {
            TestLobbies.tick(lobby, 3);

            assertEquals(3, lobby.metrics().ticks());
        } finally {
            lobby.stop();
        }
    }

    @Test
    void shouldObserveNothingByDefaultAndRefuseANullObserver() {
        assertSame(TickObserver.NONE, LobbyConfig.builder().build().tickObserver());
        TickObserver mine = (l, n) -> { };
        assertSame(mine, LobbyConfig.builder().tickObserver(mine).build().toBuilder().build().tickObserver());
        assertThrows(IllegalArgumentException.class, () -> LobbyConfig.builder().tickObserver(null).build());
    }
}
