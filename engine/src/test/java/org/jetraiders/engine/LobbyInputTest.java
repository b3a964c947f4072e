package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.SnapshotCopy;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs through the multi-producer input ring: concurrency, order, validation, joins and leaves. */
@Timeout(30)
class LobbyInputTest {
    private static final int TICK_RATE = 60;
    private static final double TURN_STEP = Tuning.defaults().turnRate() * (1.0 / TICK_RATE);

    /** Turn input of player index p's input number seq: distinct per player, sign alternating with seq. */
    private static double turnOf(int p, long seq) {
        double magnitude = 0.25 + 0.1 * p;
        return (seq % 2 == 0 ? 1 : -1) * (p % 2 == 0 ? 1 : -1) * magnitude;
    }

    @Test
    void shouldApplyInputsFromEightThreadsAtOnceInEachClientsOrder() throws Exception {
        int players = 8;
        int perPlayer = 2000;
        Lobby lobby = Lobby.create(TestLobbies.manual("inp1").maxPlayers(players)
                .inputRingSize(32768) // holds every input even if the game loop ran none: no RING_FULL
                .build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            int[] ids = new int[players];
            for (int p = 0; p < players; p++) {
                ids[p] = lobby.join("p" + p);
                assertTrue(ids[p] > 0);
            }
            TestLobbies.tick(lobby, 1);

            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < players; p++) {
                int player = p;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        for (long seq = 1; seq <= perPlayer; seq++) {
                            InputResult r = lobby.submitInput(ids[player], 0.0, turnOf(player, seq), false, seq);
                            if (r != InputResult.ACCEPTED) {
                                throw new AssertionError("input " + seq + " of player " + player + ": " + r);
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "test-input-" + p);
                threads.add(t);
                t.start();
            }
            go.countDown();
            // ticks interleave with the inputs (the test thread is a ninth producer)
            int ticksPublished = 1;
            for (int i = 0; i < 50 && threads.stream().anyMatch(Thread::isAlive); i++) {
                assertEquals(InputResult.ACCEPTED, lobby.tickNow());
                ticksPublished++;
            }
            for (Thread t : threads) {
                t.join(Await.LONG.toMillis());
                assertTrue(!t.isAlive(), t.getName() + " finished");
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            long interleaved = ticksPublished;
            Await.until(() -> lobby.tick() == interleaved, "the interleaved ticks to be stepped");
            // every input is published now, so the game loop applies all of them before these ticks
            long before = TestLobbies.tick(lobby, 1);
            long after = TestLobbies.tick(lobby, 1);
            sink.awaitTick(after);

            assertEquals(0, lobby.metrics().inputsStale(), "each client's order kept");
            assertEquals(0, lobby.metrics().inputsDroppedRingFull());
            assertEquals(0, lobby.metrics().inputsUnknownPlayer());
            SnapshotCopy a = find(sink, before);
            SnapshotCopy b = find(sink, after);
            for (int p = 0; p < players; p++) {
                int ia = a.indexOfPlane(ids[p]);
                int ib = b.indexOfPlane(ids[p]);
                assertEquals(perPlayer, a.planeLastInputSeq(ia), "last input seq of player " + p);
                assertEquals(perPlayer, b.planeLastInputSeq(ib), "last input seq of player " + p);
                // the plane turns by exactly what the LAST input asked for
                double turned = b.planeRot(ib) - a.planeRot(ia);
                assertEquals(turnOf(p, perPlayer) * TURN_STEP, turned, 1e-9, "turn of player " + p);
            }
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    private static SnapshotCopy find(RecordingSink sink, long tick) {
        return sink.snapshots().stream().filter(s -> s.tick == tick).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot of tick " + tick + " in " + sink));
    }

    @Test
    void shouldRejectNonFiniteInputsAndCountThem() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("inp2").build());
        lobby.start();
        try {
            int id = lobby.join("a");
            assertEquals(InputResult.REJECTED_NOT_FINITE, lobby.submitInput(id, Double.NaN, 0, false, 1));
            assertEquals(InputResult.REJECTED_NOT_FINITE, lobby.submitInput(id, 0, Double.POSITIVE_INFINITY, false, 2));
            assertEquals(InputResult.REJECTED_NOT_FINITE, lobby.submitInput(id, Double.NEGATIVE_INFINITY, Double.NaN, true, 3));
            assertEquals(3, lobby.metrics().inputsRejectedNotFinite());
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            long t = TestLobbies.tick(lobby, 1);
            sink.awaitTick(t);
            assertEquals(0, sink.last().planeLastInputSeq(0), "nothing rejected reached the world");
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    @Test
    void shouldClampOutOfRangeInputsToFullRate() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("inp3").tickRateHz(TICK_RATE).build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            int id = lobby.join("a");
            long t0 = TestLobbies.tick(lobby, 1);
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 0, 1000, false, 1));
            long t1 = TestLobbies.tick(lobby, 1);
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 0, -1e300, false, 2));
            long t2 = TestLobbies.tick(lobby, 1);
            sink.awaitTick(t2);
            double r0 = find(sink, t0).planeRot(0);
            double r1 = find(sink, t1).planeRot(0);
            double r2 = find(sink, t2).planeRot(0);
            assertEquals(TURN_STEP, r1 - r0, 1e-12, "turn 1000 acts as full right turn");
            assertEquals(-TURN_STEP, r2 - r1, 1e-12, "turn -1e300 acts as full left turn");
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    @Test
    void shouldCountInputsForUnknownPlayersAndStaleSequenceNumbers() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("inp4").build());
        lobby.start();
        try {
            int id = lobby.join("a");
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(9999, 1, 0, false, 1)); // nobody has id 9999
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 1, 0, false, 5));
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 1, 0, false, 3)); // older than 5
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 1, 0, false, 5)); // repeat
            TestLobbies.tick(lobby, 1);
            assertEquals(1, lobby.metrics().inputsUnknownPlayer());
            assertEquals(2, lobby.metrics().inputsStale());
            assertTrue(lobby.leave(id));
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 1, 0, false, 6)); // after leaving
            TestLobbies.tick(lobby, 1);
            assertEquals(2, lobby.metrics().inputsUnknownPlayer());
        } finally {
            lobby.stop(Await.LONG);
        }
        assertEquals(InputResult.LOBBY_STOPPED, lobby.submitInput(1, 0, 0, false, 7));
        assertEquals(InputResult.LOBBY_STOPPED, lobby.tickNow());
        assertEquals(Lobby.JOIN_NOT_RUNNING, lobby.join("late"));
    }

    @Test
    void shouldRefuseJoinsBeyondMaxPlayersUntilSomeoneLeaves() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("inp5").maxPlayers(2).build());
        assertEquals(Lobby.JOIN_NOT_RUNNING, lobby.join("early"));
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            int a = lobby.join("a");
            int b = lobby.join("b");
            assertTrue(a > 0 && b > 0 && a != b);
            assertEquals(Lobby.JOIN_FULL, lobby.join("c"));
            assertEquals(2, lobby.playerCount());
            assertTrue(lobby.leave(a));
            Await.until(() -> lobby.playerCount() == 1, "the leave to free a slot");
            int c = lobby.join("c");
            assertTrue(c > 0 && c != a && c != b, "joined after the leave: " + c);
            assertEquals(Lobby.JOIN_FULL, lobby.join("d"));
            long t = TestLobbies.tick(lobby, 1);
            sink.awaitTick(t);
            SnapshotCopy s = sink.last();
            assertEquals(2, s.planeCount);
            assertEquals(-1, s.indexOfPlane(a));
            assertTrue(s.indexOfPlane(b) >= 0 && s.indexOfPlane(c) >= 0);
            assertEquals(List.of("b", "c"), List.copyOf(s.names()).stream().sorted().toList());
        } finally {
            lobby.stop(Await.LONG);
        }
    }
}
