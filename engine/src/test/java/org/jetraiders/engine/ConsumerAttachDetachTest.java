package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
            lobby.stop();
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
            lobby.stop();
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
            lobby.stop();
        }
        Threads.awaitNoneNamed("jr-att3");
    }

    @Test
    void shouldAttachAndDetachWhileTicking() throws Exception {
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("att4").tickRateHz(200).outputRingSize(64)
                .maxLagSnapshots(60).build());
        lobby.start();
        try {
            RecordingSink pacer = new RecordingSink();
            lobby.attach(pacer);
            for (int i = 0; i < 50; i++) {
                RecordingSink sink = new RecordingSink();
                ClientSubscription sub = lobby.attach(sink);
                sink.awaitSnapshots(1);
                sub.detach();
                assertTrue(sub.awaitDetached(Await.LONG));
                List<Long> ticks = sink.ticks();
                for (int j = 1; j < ticks.size(); j++) {
                    assertEquals(ticks.get(j - 1) + 1, ticks.get(j), "contiguous: " + sink);
                }
            }
            long t = lobby.tick();
            pacer.awaitTick(t + 100); // still flowing, half a second later
            assertEquals(0, lobby.metrics().snapshotsDroppedRingFull());
            assertEquals(1, lobby.metrics().consumers());
        } finally {
            lobby.stop();
        }
    }

    @Test
    void shouldRefuseToAttachToALobbyThatIsNotRunning() {
        Lobby lobby = Lobby.create(TestLobbies.manual("att5").build());
        assertThrows(IllegalStateException.class, () -> lobby.attach(new RecordingSink()));
        lobby.start();
        lobby.stop();
        assertThrows(IllegalStateException.class, () -> lobby.attach(new RecordingSink()));
    }
}
