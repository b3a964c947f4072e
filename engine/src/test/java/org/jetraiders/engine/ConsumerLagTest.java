package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.BlockingSink;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Skipping stale snapshots, the exact Lagged counts, and the too-slow cut-off. Ticks driven by hand. */
@Timeout(30)
class ConsumerLagTest {

    @Test
    void shouldReportExactlyTheSnapshotsSkippedWhileTheSinkCouldNotAccept() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("lag1").maxLagSnapshots(60).build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            ClientSubscription sub = lobby.attach(sink);
            TestLobbies.tick(lobby, 3);
            sink.awaitTick(3);

            int k = 7;
            sink.setAccepting(false);
            TestLobbies.tick(lobby, k);
            Await.until(() -> sub.snapshotsSkipped() == k, () -> "7 skips, got " + sub.snapshotsSkipped());
            sink.setAccepting(true);
            TestLobbies.tick(lobby, 1);
            sink.awaitTick(3 + k + 1);

            assertEquals("[Status(LOBBY), S1, S2, S3, Lagged(7), S11]", sink.entries().toString());
            assertEquals(k, sub.snapshotsSkipped());
            Await.until(() -> sub.snapshotsDelivered() == 4, () -> "4 delivered, got " + sub.snapshotsDelivered());
            assertEquals(k, lobby.metrics().snapshotsSkipped());

            TestLobbies.tick(lobby, 2);
            sink.awaitTick(13);
            assertEquals(List.of(7L), sink.lagNotices(), "one notice per gap");
            assertTrue(sub.isAttached());
        } finally {
            lobby.stop();
        }
    }

    @Test
    void shouldSkipToTheNewestAndReportTheSkippedCountWhenTooFarBehind() throws Exception {
        // two client threads: the lagging sink on one, a probe on the other that tells us when the
        // encoding stage has released every snapshot (consumers only see what it has passed)
        try (ClientThreadPool pool = ClientThreadPool.create("jr-lag2pool", 2, Duration.ofSeconds(30))) {
            int maxLag = 8;
            Lobby lobby = Lobby.create(TestLobbies.manual("lag2").outputRingSize(64).maxLagSnapshots(maxLag)
                    .clientThreads(pool).build());
            lobby.start();
            BlockingSink slow = BlockingSink.onSnapshot(1);
            try {
                ClientSubscription sub = lobby.attach(slow); // thread 0
                RecordingSink probe = new RecordingSink();
                lobby.attach(probe);                          // thread 1
                TestLobbies.tick(lobby, 1);
                slow.awaitBlocked(); // in its first onSnapshot (tick 1)

                int n = 20; // ticks 2..21 pile up: 20 behind, more than maxLag
                for (int t = 2; t <= 1 + n; t++) { // one at a time, so the probe never falls behind
                    TestLobbies.tick(lobby, 1);
                    probe.awaitTick(t);
                }
                slow.release();
                slow.awaitTick(1 + n);

                // tick 1, then 19 skipped (2..20), then the newest (21)
                assertEquals("[Status(LOBBY), S1, Lagged(19), S21]", slow.entries().toString());
                assertEquals(n - 1, sub.snapshotsSkipped());
                Await.until(() -> sub.snapshotsDelivered() == 2, () -> "2 delivered, got " + sub.snapshotsDelivered());
                assertEquals(n - 1, lobby.metrics().snapshotsSkipped(), "probe " + probe + " slow " + slow);
                assertEquals(List.of(), probe.lagNotices());
                assertEquals(21, probe.snapshots().size());

                // then back to normal: every snapshot, no more notices
                TestLobbies.tick(lobby, 3);
                slow.awaitTick(24);
                assertEquals("[Status(LOBBY), S1, Lagged(19), S21, S22, S23, S24]", slow.entries().toString());
            } finally {
                slow.release();
                lobby.stop();
            }
        }
    }

    @Test
    void shouldReportStatusChangesOfSkippedSnapshotsBeforeTheLagNotice() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("lag3").maxLagSnapshots(60)
                .tickRateHz(1).tuning(Tuning.builder().countdownSeconds(2).build()).build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            TestLobbies.tick(lobby, 1);
            sink.awaitTick(1);
            sink.setAccepting(false);
            assertTrue(lobby.join("pilot") > 0);
            TestLobbies.tick(lobby, 3); // MatchStarting(2), MatchStarting(1), MatchRunning, all skipped
            Await.until(() -> lobby.metrics().snapshotsSkipped() == 3, "three skips");
            sink.setAccepting(true);
            TestLobbies.tick(lobby, 1);
            sink.awaitTick(5);
            assertEquals("[Status(LOBBY), S1, Status(MatchStarting(2)), Status(MatchStarting(1)),"
                    + " Status(MATCH_RUNNING), Lagged(3), S5]", sink.entries().toString());
        } finally {
            lobby.stop();
        }
    }

    @Test
    void shouldDetachAConsumerThatCannotAcceptForLongerThanMaxLagTime() throws Exception {
        Duration maxLagTime = Duration.ofMillis(300);
        Lobby lobby = Lobby.create(LobbyConfig.builder().name("lag4").maxLagTime(maxLagTime).build()); // ticking
        lobby.start();
        RecordingSink never = new RecordingSink();
        never.setAccepting(false);
        try {
            RecordingSink fine = new RecordingSink();
            long attachedAt = System.nanoTime();
            ClientSubscription sub = lobby.attach(never);
            ClientSubscription fineSub = lobby.attach(fine);

            assertTrue(sub.awaitDetached(Await.LONG), "detached as too slow");
            long detachedAfter = System.nanoTime() - attachedAt;
            assertEquals(DetachReason.TOO_SLOW, sub.detachReason());
            assertFalse(sub.isAttached());
            // a lower bound only: it must not give up before maxLagTime (an upper bound would be flaky)
            assertTrue(detachedAfter >= maxLagTime.toNanos(), "detached after " + detachedAfter / 1_000_000 + " ms");
            never.awaitDetached();
            assertEquals(List.of(DetachReason.TOO_SLOW), never.detaches());
            assertEquals(0, sub.snapshotsDelivered());
            assertTrue(sub.snapshotsSkipped() > 0);
            assertEquals(1, lobby.metrics().detached(DetachReason.TOO_SLOW));
            assertEquals(1, lobby.metrics().consumers());

            // the healthy neighbour is untouched
            long now = lobby.tick();
            fine.awaitTick(now + 5);
            assertTrue(fineSub.isAttached());
        } finally {
            assertTrue(lobby.stop());
        }
        // stopping the lobby does not call the detached sink a second time
        assertEquals(1, never.entries().stream().filter(e -> e.kind() == RecordingSink.Kind.DETACHED).count());
    }

    @Test
    void shouldNotDetachASinkThatRecoversWithinMaxLagTime() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("lag5").maxLagTime(Duration.ofSeconds(5)).build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            ClientSubscription sub = lobby.attach(sink);
            for (int round = 0; round < 5; round++) {
                sink.setAccepting(false);
                long skipped = sub.snapshotsSkipped();
                TestLobbies.tick(lobby, 4);
                Await.until(() -> sub.snapshotsSkipped() == skipped + 4, "4 more skips");
                sink.setAccepting(true);
                long t = TestLobbies.tick(lobby, 1);
                sink.awaitTick(t);
            }
            assertEquals(List.of(4L, 4L, 4L, 4L, 4L), sink.lagNotices());
            assertTrue(sub.isAttached());
        } finally {
            lobby.stop();
        }
    }
}
