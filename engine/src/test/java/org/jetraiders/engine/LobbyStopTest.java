package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A graceful stop ends every thread the lobby started and tells every consumer. */
@Timeout(30)
class LobbyStopTest {

    @Test
    void shouldLeaveNoThreadsOfTheLobbyAfterStop() throws Exception {
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("stop1").build()); // ticking, private pool
        lobby.start();
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        ClientSubscription subA = lobby.attach(a);
        ClientSubscription subB = lobby.attach(b);
        lobby.join("pilot");
        a.awaitSnapshots(5);
        assertFalse(Threads.liveNamed("jr-stop1-").isEmpty());

        assertTrue(lobby.stop());
        assertEquals(List.of(), Threads.liveNamed("jr-stop1-"), "no thread survives a successful stop");
        assertFalse(lobby.isRunning());
        assertEquals(DetachReason.LOBBY_STOPPED, subA.detachReason());
        assertEquals(DetachReason.LOBBY_STOPPED, subB.detachReason());
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), a.detaches());
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), b.detaches());
        assertEquals(0, lobby.metrics().consumers());

        assertTrue(lobby.stop(), "idempotent");
        lobby.close();
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), a.detaches(), "told once");
        assertEquals(2, lobby.metrics().detached(DetachReason.LOBBY_STOPPED));
    }

    @Test
    void shouldLeaveNoThreadsWithASharedPoolClosedAfterItsLobbies() throws Exception {
        ClientThreadPool pool = ClientThreadPool.create("jr-stoppool", 2, Duration.ofSeconds(1));
        Lobby one = Lobby.create(LobbyConfig.builder().name("stop2a").clientThreads(pool).build());
        Lobby two = Lobby.create(LobbyConfig.builder().name("stop2b").clientThreads(pool).autoTick(false).build());
        one.start();
        two.start();
        RecordingSink s1 = new RecordingSink();
        RecordingSink s2 = new RecordingSink();
        one.attach(s1);
        two.attach(s2);
        s1.awaitSnapshots(3);

        assertTrue(one.stop());
        assertEquals(List.of(), Threads.liveNamed("jr-stop2a-"));
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), s1.detaches(), "told before stop returned");
        assertTrue(two.isRunning(), "the other lobby on the pool is untouched");
        assertEquals(List.of("jr-stoppool-0", "jr-stoppool-1", "jr-stoppool-encoder-0"),
                Threads.liveNamed("jr-stoppool-").stream().filter(n -> !n.endsWith("watchdog")).sorted().toList(),
                "the pool's two client threads and its encoding thread serve the other lobby");

        assertTrue(two.stop());
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), s2.detaches());
        pool.close();
        assertEquals(List.of(), Threads.liveNamed("jr-stoppool"));
        assertEquals(List.of(), Threads.liveNamed("jr-stop2b-"));
        pool.close(); // idempotent
    }

    @Test
    void shouldStopALobbyThatNeverStarted() {
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("stop3").build());
        assertTrue(lobby.stop());
        assertEquals(List.of(), Threads.liveNamed("jr-stop3-"));
    }
}
