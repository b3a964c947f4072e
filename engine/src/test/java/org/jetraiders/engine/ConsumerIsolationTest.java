package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.BlockingSink;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client whose sink blocks forever must not hold up the game loop or anyone else: the watchdog cuts
 * it off after {@code sinkBlockTimeout} and moves its thread-mates to a fresh thread, and they still
 * receive every snapshot.
 */
@Timeout(30)
class ConsumerIsolationTest {
    private static final Duration BLOCK_TIMEOUT = Duration.ofMillis(200);

    /** Ring and lag limit big enough that healthy consumers never skip while they wait for the cut-off. */
    private static LobbyConfig.Builder config(String name) {
        return LobbyConfig.builder().name(name).outputRingSize(128).maxLagSnapshots(96)
                .sinkBlockTimeout(BLOCK_TIMEOUT).maxLagTime(Duration.ofSeconds(10));
    }

    @Test
    void shouldKeepTickingAndDeliverEverySnapshotWhileASinkOnTheOnlyClientThreadBlocksForever() throws Exception {
        Lobby lobby = Lobby.create(config("iso1").build()); // private pool: one client thread for everyone
        lobby.start();
        try {
            proveIsolation(lobby, 2, 2);
        } finally {
            lobby.stop();
        }
        Threads.awaitNoneNamed("jr-iso1");
    }

    @Test
    void shouldKeepTickingAndDeliverEverySnapshotWhileOneSinkBlocksForeverOnAPoolOfSeveralThreads() throws Exception {
        ClientThreadPool pool = ClientThreadPool.create("jr-isopool", 3, BLOCK_TIMEOUT);
        Lobby lobby = Lobby.create(config("iso3").clientThreads(pool).build());
        lobby.start();
        try {
            // least-loaded placement: 3 healthy fill the threads, the blocker lands on thread 0
            // beside one of them, then 3 more spread over all threads (one more beside the blocker)
            proveIsolation(lobby, 3, 3);
        } finally {
            lobby.stop();
            pool.close();
        }
        Threads.awaitNoneNamed("jr-iso3");
        Threads.awaitNoneNamed("jr-isopool");
    }

    private static void proveIsolation(Lobby lobby, int healthyBefore, int healthyAfter) throws Exception {
        assertTrue(lobby.join("pilot") > 0);
        List<RecordingSink> healthy = new ArrayList<>();
        List<ClientSubscription> healthySubs = new ArrayList<>();
        for (int i = 0; i < healthyBefore; i++) {
            RecordingSink s = new RecordingSink();
            healthy.add(s);
            healthySubs.add(lobby.attach(s));
        }
        BlockingSink blocker = BlockingSink.onSnapshot(5);
        ClientSubscription blocked = lobby.attach(blocker);
        for (int i = 0; i < healthyAfter; i++) {
            RecordingSink s = new RecordingSink();
            healthy.add(s);
            healthySubs.add(lobby.attach(s));
        }
        try {
            blocker.awaitBlocked();
            long tickAtBlock = lobby.tick();

            // the game loop does not wait for the blocked sink
            Await.until(() -> lobby.tick() >= tickAtBlock + 30, () -> "ticks to continue past " + tickAtBlock
                    + " while a sink blocks; at " + lobby.tick());
            assertTrue(blocker.isBlocked(), "still blocked while the lobby ticks on");

            // the blocked consumer is cut off, without waiting for its sink to return
            assertTrue(blocked.awaitDetached(Await.LONG), "blocked consumer cut off");
            assertEquals(DetachReason.SINK_BLOCKED, blocked.detachReason());
            assertFalse(blocked.isAttached());
            assertEquals(1, lobby.metrics().detached(DetachReason.SINK_BLOCKED));
            assertEquals(healthy.size(), lobby.metrics().consumers());

            // everyone else receives every snapshot, with no gap and no lag notice
            long target = tickAtBlock + 45;
            for (RecordingSink s : healthy) {
                s.awaitTick(target);
            }
            for (int i = 0; i < healthy.size(); i++) {
                assertContiguous(healthy.get(i));
                assertEquals(List.of(), healthy.get(i).lagNotices(), "no lag notices for healthy sink " + i);
                assertEquals(0, healthySubs.get(i).snapshotsSkipped(), "nothing skipped by healthy sink " + i);
                assertTrue(healthySubs.get(i).isAttached());
            }
            assertEquals(0, lobby.metrics().snapshotsDroppedRingFull());

            // the pool recovered: a newcomer is served too
            RecordingSink late = new RecordingSink();
            lobby.attach(late);
            late.awaitSnapshots(20);
            assertContiguous(late);
            assertEquals(List.of(), blocker.detaches(), "onDetached waits until the blocked call returns");
        } finally {
            blocker.release();
        }
        // once its call returns, the cut-off sink hears why, once, and the abandoned thread ends
        blocker.awaitDetached();
        assertEquals(List.of(DetachReason.SINK_BLOCKED), blocker.detaches());
        String abandoned = blocker.blockedThread();
        Await.until(() -> !Threads.isAlive(abandoned), "abandoned client thread " + abandoned + " to end");
    }

    @Test
    void shouldNotCallACutOffSinkAgainExceptToSayItWasDetached() throws Exception {
        // the sink hangs in onStatus (a status message write), not in onSnapshot
        Lobby lobby = Lobby.create(config("iso4").tickRateHz(200).build());
        lobby.start();
        BlockingSink blocker = BlockingSink.onStatus(LobbyStatus.Phase.MATCH_STARTING);
        try {
            ClientSubscription sub = lobby.attach(blocker);
            blocker.awaitSnapshots(1);
            assertTrue(lobby.join("pilot") > 0); // next tick starts the countdown
            blocker.awaitBlocked();
            assertTrue(sub.awaitDetached(Await.LONG));
            assertEquals(DetachReason.SINK_BLOCKED, sub.detachReason());
            Await.until(() -> lobby.tick() > 0 && lobby.metrics().snapshotsPublished() > 160,
                    "the ring to wrap past the slot the blocked sink was reading");
        } finally {
            blocker.release();
        }
        blocker.awaitDetached();
        List<RecordingSink.Entry> entries = blocker.entries();
        int blockedAt = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).kind() == RecordingSink.Kind.STATUS
                    && entries.get(i).status().phase() == LobbyStatus.Phase.MATCH_STARTING) {
                blockedAt = i;
                break;
            }
        }
        assertTrue(blockedAt >= 0);
        assertEquals("[Detached(SINK_BLOCKED)]", entries.subList(blockedAt + 1, entries.size()).toString(),
                "after the blocked call returned, only onDetached may follow; got " + entries);
        lobby.stop();
        Threads.awaitNoneNamed("jr-iso4");
    }

    private static void assertContiguous(RecordingSink sink) {
        List<Long> ticks = sink.ticks();
        for (int i = 1; i < ticks.size(); i++) {
            if (ticks.get(i) != ticks.get(i - 1) + 1) {
                throw new AssertionError("gap between ticks " + ticks.get(i - 1) + " and " + ticks.get(i)
                        + " in " + sink);
            }
        }
    }
}
