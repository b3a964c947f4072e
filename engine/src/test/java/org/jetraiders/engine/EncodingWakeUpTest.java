package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;

/**
 * The encoding thread wakes the client threads for every lobby it encodes: a client thread that went
 * idle between two lobbies' encodings in one pass must not sleep through the second. (It did: the
 * thread was woken once per pass and then slept for its idle park, up to 10 ms of latency per tick.)
 * The client pool here never polls unless woken (an idle park of an hour), so a missed wake-up shows
 * as a snapshot that never arrives rather than as a late one.
 */
class EncodingWakeUpTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static Thread threadNamed(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
    }

    @Test
    void shouldDeliverTheSecondLobbyEncodedInOnePassToAClientThreadThatWentIdleAfterTheFirst() throws Exception {
        try (GameLoopPool loops = GameLoopPool.create("jr-ewu-loop", 1);
             ClientThreadPool clients = ClientThreadPool.create("jr-ewu-clients", 1, Duration.ofMinutes(1),
                     Duration.ofHours(1))) {
            Lobby[] b = new Lobby[1];
            RecordingSink sinkA = new RecordingSink();
            // A's encoder holds the encoding thread until B's tick is stepped, so both lobbies are
            // encoded in the same pass, A first (A's stage was hosted first)
            Lobby a = Lobby.create(TestLobbies.manual("ewua").gameLoops(loops).clientThreads(clients)
                    .encoders(List.of((s, out) -> waitFor(() -> b[0] != null && b[0].tick() >= s.tick())))
                    .build());
            // B's encoder waits until the client thread has delivered A and parked: idle, between the two
            b[0] = Lobby.create(TestLobbies.manual("ewub").gameLoops(loops).clientThreads(clients)
                    .encoders(List.of((s, out) -> waitFor(() -> {
                        Thread client = threadNamed("jr-ewu-clients-0");
                        return !sinkA.snapshots().isEmpty() && client != null
                                && client.getState() == Thread.State.TIMED_WAITING;
                    })))
                    .build());
            a.start();
            b[0].start();
            try {
                RecordingSink sinkB = new RecordingSink();
                a.attach(sinkA);
                b[0].attach(sinkB);
                a.tickNow();
                b[0].tickNow();
                sinkA.awaitTick(1);
                sinkB.awaitTick(1); // fails (times out) if the client thread is not woken for B
                assertTrue(sinkB.snapshots().size() >= 1);
            } finally {
                a.stop(Await.LONG);
                b[0].stop(Await.LONG);
            }
        }
    }
}
