package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.BlockingSink;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link PipelineThreadHook} runs on every thread the pools start, on that thread and with its role:
 * what the server relies on to raise the game loop's scheduling priority.
 */
@Timeout(60)
class PipelineThreadHookTest {
    /** Thread name to the role its hook was called with, recorded on the thread itself. */
    private final Map<String, PipelineThreadRole> calls = new ConcurrentHashMap<>();
    private final PipelineThreadHook recording = role -> calls.put(Thread.currentThread().getName(), role);

    @Test
    void shouldRunTheHookOnEveryPoolThreadWithItsRole() {
        try (GameLoopPool loops = GameLoopPool.create("jr-pth-loop", 2, recording);
             ClientThreadPool clients = ClientThreadPool.create("jr-pth-clients", 2, TestLobbies.NEVER, recording)) {
            Await.until(() -> calls.size() == 5, () -> "hooks run on 5 threads, got " + calls);
            assertEquals(new TreeMap<>(Map.of(
                    "jr-pth-loop-0", PipelineThreadRole.GAME_LOOP,
                    "jr-pth-loop-1", PipelineThreadRole.GAME_LOOP,
                    "jr-pth-clients-0", PipelineThreadRole.CLIENT,
                    "jr-pth-clients-1", PipelineThreadRole.CLIENT,
                    "jr-pth-clients-encoder-0", PipelineThreadRole.ENCODER)), new TreeMap<>(calls));
        }
    }

    @Test
    void shouldRunTheHookOnTheClientThreadThatReplacesOneWhoseSinkBlocked() throws Exception {
        BlockingSink blocker = BlockingSink.onSnapshot(2);
        try (GameLoopPool loops = GameLoopPool.create("jr-pthb-loop", 1, recording);
             ClientThreadPool clients = ClientThreadPool.create("jr-pthb-clients", 1, Duration.ofMillis(200),
                     recording)) {
            Await.until(() -> calls.size() == 3, () -> "hooks run on 3 threads, got " + calls);
            Lobby lobby = Lobby.create(LobbyConfig.builder().name("pthb").maxLagTime(TestLobbies.NEVER)
                    .gameLoops(loops).clientThreads(clients).build());
            lobby.start();
            try {
                lobby.join("pilot");
                lobby.attach(blocker);
                blocker.awaitBlocked();
                Await.until(() -> calls.size() == 4, () -> "a fourth thread ran the hook, got " + calls);
                String successor = calls.keySet().stream()
                        .filter(name -> name.startsWith("jr-pthb-clients-0.")).findFirst().orElseThrow();
                assertEquals(PipelineThreadRole.CLIENT, calls.get(successor), successor);
            } finally {
                blocker.release();
                lobby.stop();
            }
        }
    }

    @Test
    void shouldKeepSteppingAndSendingWhenTheHookThrows() throws Exception {
        PipelineThreadHook failing = role -> {
            calls.put(Thread.currentThread().getName(), role);
            throw new IllegalStateException("no priority for you");
        };
        try (GameLoopPool loops = GameLoopPool.create("jr-pthf-loop", 1, failing);
             ClientThreadPool clients = ClientThreadPool.create("jr-pthf-clients", 1, TestLobbies.NEVER, failing)) {
            Lobby lobby = Lobby.create(LobbyConfig.builder().name("pthf").maxLagTime(TestLobbies.NEVER)
                    .gameLoops(loops).clientThreads(clients).build());
            lobby.start();
            try {
                lobby.join("pilot");
                RecordingSink sink = new RecordingSink();
                lobby.attach(sink);
                sink.awaitSnapshots(3);
                assertTrue(calls.containsValue(PipelineThreadRole.GAME_LOOP), calls::toString);
            } finally {
                lobby.stop();
            }
        }
    }
}
