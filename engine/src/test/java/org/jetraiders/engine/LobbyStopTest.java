package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.TestLobbies;
import org.jetraiders.engine.support.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A graceful stop ends every thread the lobby started and tells every consumer. Stops are given
 * {@link Await#LONG} rather than the 3 s default, which a slow machine could miss, and threads are
 * awaited rather than expected gone the instant {@code stop} returns: the pools join their threads
 * for a bounded time only.
 */
@Timeout(60)
class LobbyStopTest {

    @Test
    void shouldLeaveNoThreadsOfTheLobbyAfterStop() throws Exception {
        // ticking, private pools; no sink blocks here, so the block watchdog must not fire on a stall
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("stop1").sinkBlockTimeout(TestLobbies.NEVER)
                .maxLagTime(TestLobbies.NEVER).build());
        lobby.start();
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        ClientSubscription subA = lobby.attach(a);
        ClientSubscription subB = lobby.attach(b);
        lobby.join("pilot");
        a.awaitSnapshots(5);
        assertFalse(Threads.liveNamed("jr-stop1-").isEmpty());

        assertTrue(lobby.stop(Await.LONG), "a clean stop");
        assertFalse(lobby.isRunning());
        assertEquals(DetachReason.LOBBY_STOPPED, subA.detachReason());
        assertEquals(DetachReason.LOBBY_STOPPED, subB.detachReason());
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), a.detaches(), "told before stop returned");
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), b.detaches());
        assertEquals(0, lobby.metrics().consumers());
        Threads.awaitNoneNamed("jr-stop1-");

        assertTrue(lobby.stop(), "idempotent");
        lobby.close();
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), a.detaches(), "told once");
        assertEquals(2, lobby.metrics().detached(DetachReason.LOBBY_STOPPED));
    }

    @Test
    void shouldLeaveNoThreadsWithASharedPoolClosedAfterItsLobbies() throws Exception {
        ClientThreadPool pool = ClientThreadPool.create("jr-stoppool", 2, TestLobbies.NEVER);
        Lobby one = Lobby.create(LobbyConfig.builder().name("stop2a").clientThreads(pool).build());
        Lobby two = Lobby.create(LobbyConfig.builder().name("stop2b").clientThreads(pool).autoTick(false).build());
        one.start();
        two.start();
        RecordingSink s1 = new RecordingSink();
        RecordingSink s2 = new RecordingSink();
        one.attach(s1);
        two.attach(s2);
        s1.awaitSnapshots(3);

        assertTrue(one.stop(Await.LONG), "a clean stop");
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), s1.detaches(), "told before stop returned");
        Threads.awaitNoneNamed("jr-stop2a-");
        assertTrue(two.isRunning(), "the other lobby on the pool is untouched");
        assertEquals(List.of("jr-stoppool-0", "jr-stoppool-1", "jr-stoppool-encoder-0"),
                Threads.liveNamed("jr-stoppool-").stream().filter(n -> !n.endsWith("watchdog")).sorted().toList(),
                "the pool's two client threads and its encoding thread serve the other lobby");
        long t = TestLobbies.tickAndAwait(two, s2);
        assertEquals(1, t, "and it still delivers");

        assertTrue(two.stop(Await.LONG), "a clean stop");
        assertEquals(List.of(DetachReason.LOBBY_STOPPED), s2.detaches());
        pool.close();
        Threads.awaitNoneNamed("jr-stoppool");
        Threads.awaitNoneNamed("jr-stop2b-");
        pool.close(); // idempotent
    }

    @Test
    void shouldStopALobbyThatNeverStarted() {
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("stop3").build());
        assertTrue(lobby.stop(Await.LONG));
        Threads.awaitNoneNamed("jr-stop3-"); // its private pools' threads, started when it was built
    }
}
