package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.TestLobbies;
import org.jetraiders.engine.support.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Consumers come and go while the lobby runs, without leaking gating sequences or threads. */
@Timeout(30)
class ConsumerAttachDetachTest {

    @Test
    void shouldDeliverOnlySnapshotsPublishedAfterAttach() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("att1").build());
        lobby.start();
        try {
            lobby.join("a");
            TestLobbies.tick(lobby, 10); // tick 10 is published before lobby.tick() says 10
            RecordingSink late = new RecordingSink();
            ClientSubscription sub = lobby.attach(late);
            assertTrue(sub.isAttached());
            assertNull(sub.detachReason());
            TestLobbies.tick(lobby, 3);
            late.awaitTick(13);
            assertEquals(List.of(11L, 12L, 13L), late.ticks());
            // counted once onSnapshot has returned, which may be just after the sink recorded it
            Await.until(() -> sub.snapshotsDelivered() == 3, () -> "3 delivered, got " + sub.snapshotsDelivered());
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    @Test
    void shouldDetachOnRequestOnceAndStopDelivering() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("att2").build());
        lobby.start();
        RecordingSink leaves = new RecordingSink();
        try {
            RecordingSink stays = new RecordingSink();
            lobby.attach(stays);
            ClientSubscription sub = lobby.attach(leaves);
            assertEquals(2, lobby.metrics().consumers());
            TestLobbies.tick(lobby, 2);
            leaves.awaitTick(2);

            sub.detach();
            assertTrue(sub.awaitDetached(Await.LONG));
            assertFalse(sub.isAttached());
            assertEquals(DetachReason.REQUESTED, sub.detachReason());
            assertEquals(1, lobby.metrics().consumers());
            assertEquals(1, lobby.metrics().detached(DetachReason.REQUESTED));

            sub.detach(); // again: no second notice
            long t = TestLobbies.tick(lobby, 3);
            stays.awaitTick(t);
            assertEquals("[Status(LOBBY), S1, S2, Detached(REQUESTED)]", leaves.entries().toString());
        } finally {
            lobby.stop(Await.LONG);
        }
        assertEquals(List.of(DetachReason.REQUESTED), leaves.detaches(), "stop does not tell it again");
        assertEquals(1, lobby.metrics().detached(DetachReason.LOBBY_STOPPED));
    }

    @Test
    void shouldNotLeakGatingSequencesOrThreadsOverManyAttachDetachCycles() throws Exception {
        int ring = 64;
        Lobby lobby = Lobby.create(TestLobbies.manual("att3").outputRingSize(ring).maxLagSnapshots(60).build());
        lobby.start();
        try {
            RecordingSink pacer = new RecordingSink(); // stays attached: we tick only as fast as it reads
            lobby.attach(pacer);
            TestLobbies.tick(lobby, 1);
            pacer.awaitTick(1);
            List<String> threadsBefore = Threads.liveNamed("jr-att3");

            for (int i = 0; i < 200; i++) {
                RecordingSink sink = new RecordingSink();
                ClientSubscription sub = lobby.attach(sink);
                if (i % 2 == 0) {
                    long t = TestLobbies.tick(lobby, 1);
                    sink.awaitTick(t); // half of them really consume before leaving
                }
                sub.detach();
                assertTrue(sub.awaitDetached(Await.LONG), "cycle " + i);
                assertEquals(List.of(DetachReason.REQUESTED), sink.detaches(), "cycle " + i);
            }
            assertEquals(1, lobby.metrics().consumers());
            assertEquals(200, lobby.metrics().detached(DetachReason.REQUESTED));

            // a leaked sequence would stop at its last value and fill the ring within `ring` snapshots
            long published = lobby.metrics().snapshotsPublished();
            for (int round = 0; round < 8; round++) {
                long t = TestLobbies.tick(lobby, ring / 2);
                pacer.awaitTick(t);
            }
            assertEquals(published + 4L * ring, lobby.metrics().snapshotsPublished());
            assertEquals(0, lobby.metrics().snapshotsDroppedRingFull());
            assertEquals(List.of(), pacer.lagNotices());
            assertEquals(threadsBefore, Threads.liveNamed("jr-att3"), "no thread per consumer, none leaked");
        } finally {
            lobby.stop(Await.LONG);
        }
        Threads.awaitNoneNamed("jr-att3");
    }

    @Test
    void shouldDeliverContiguousTicksToConsumersAttachedAndDetachedWhileTheGameLoopSteps() throws Exception {
        // Ticks are published without waiting, so the game loop steps and publishes them while each
        // attach and detach runs; the pacer is awaited every round, so nobody falls far enough behind
        // to skip or to fill the ring, however slow the machine.
        Lobby lobby = Lobby.create(TestLobbies.manual("att4").outputRingSize(64).maxLagSnapshots(60).build());
        lobby.start();
        try {
            RecordingSink pacer = new RecordingSink();
            lobby.attach(pacer);
            long ticks = 0;
            for (int i = 0; i < 50; i++) {
                assertEquals(InputResult.ACCEPTED, lobby.tickNow()); // may be stepped before or after the attach
                RecordingSink sink = new RecordingSink();
                ClientSubscription sub = lobby.attach(sink);
                assertEquals(InputResult.ACCEPTED, lobby.tickNow()); // published after the attach: delivered
                assertEquals(InputResult.ACCEPTED, lobby.tickNow());
                sink.awaitSnapshots(1);
                assertEquals(InputResult.ACCEPTED, lobby.tickNow()); // races the detach
                sub.detach();
                assertTrue(sub.awaitDetached(Await.LONG));
                ticks += 4;

                List<Long> got = sink.ticks();
                for (int j = 1; j < got.size(); j++) {
                    assertEquals(got.get(j - 1) + 1, got.get(j), "contiguous: " + sink);
                }
                long first = got.get(0);
                assertTrue(first == ticks - 3 || first == ticks - 2, "starts with the first tick after its attach: " + sink);
                assertTrue(got.get(got.size() - 1) <= ticks, sink.toString());
                assertEquals(List.of(), sink.lagNotices());
                assertEquals(List.of(DetachReason.REQUESTED), sink.detaches());
                pacer.awaitTick(ticks);
            }
            assertEquals(50, lobby.metrics().detached(DetachReason.REQUESTED));
            // still flowing
            for (int i = 0; i < 4; i++) {
                long t = TestLobbies.tick(lobby, 25);
                pacer.awaitTick(t);
            }
            assertEquals(LongStream.rangeClosed(1, ticks + 100).boxed().toList(), pacer.ticks(), "the pacer got every tick");
            assertEquals(List.of(), pacer.lagNotices());
            assertEquals(0, lobby.metrics().snapshotsDroppedRingFull());
            assertEquals(1, lobby.metrics().consumers());
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    @Test
    void shouldRefuseToAttachToALobbyThatIsNotRunning() {
        Lobby lobby = Lobby.create(TestLobbies.manual("att5").build());
        assertThrows(IllegalStateException.class, () -> lobby.attach(new RecordingSink()));
        lobby.start();
        assertTrue(lobby.stop(Await.LONG));
        assertThrows(IllegalStateException.class, () -> lobby.attach(new RecordingSink()));
    }
}
