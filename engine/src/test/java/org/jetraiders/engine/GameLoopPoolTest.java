package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.TestLobbies;
import org.jetraiders.engine.support.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lobbies share game-loop and client threads: the thread count does not grow with lobbies. */
@Timeout(120)
class GameLoopPoolTest {

    private static List<String> poolThreads() {
        List<String> names = new ArrayList<>(Threads.liveNamed("jr-glp-"));
        names.sort(null);
        return names;
    }

    @Test
    void shouldRunSixtyFourLobbiesOnTheSameThreadsAsOne() throws Exception {
        try (GameLoopPool loops = GameLoopPool.create("jr-glp-loop", 1);
             // no sink blocks here: a stalled machine must not make the watchdog add a thread
             ClientThreadPool clients = ClientThreadPool.create("jr-glp-clients", 2, TestLobbies.NEVER)) {
            List<String> before = poolThreads();
            List<Lobby> lobbies = new ArrayList<>();
            List<RecordingSink> sinks = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    Lobby lobby = Lobby.create(LobbyConfig.builder().name("glp" + i).maxLagTime(TestLobbies.NEVER)
                            .gameLoops(loops).clientThreads(clients).build());
                    lobby.start();
                    lobby.join("p" + i);
                    RecordingSink sink = new RecordingSink();
                    lobby.attach(sink);
                    lobbies.add(lobby);
                    sinks.add(sink);
                }
                for (RecordingSink sink : sinks) {
                    sink.awaitSnapshots(10);
                }
                assertEquals(before, poolThreads(), "64 running lobbies add no thread to the pools'");
                List<String> lobbyThreads = Threads.liveNamed("jr-glp").stream()
                        .filter(n -> !n.startsWith("jr-glp-")).toList();
                assertEquals(List.of(), lobbyThreads, "no lobby starts a thread of its own");
                for (Lobby lobby : lobbies) {
                    assertTrue(lobby.tick() >= 10, lobby.name() + " ticked");
                }
            } finally {
                for (Lobby lobby : lobbies) {
                    assertTrue(lobby.stop(Await.LONG), "clean stop of " + lobby.name());
                }
            }
            for (RecordingSink sink : sinks) {
                assertEquals(List.of(DetachReason.LOBBY_STOPPED), sink.detaches());
            }
        }
        Threads.awaitNoneNamed("jr-glp");
    }
}
