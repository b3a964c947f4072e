package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.BlockingSink;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.StreamAudit;
import org.jetraiders.engine.support.StreamAudit.Watched;
import org.jetraiders.engine.support.TestLobbies;
import org.jetraiders.engine.support.Threads;
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
            lobby.stop(Await.LONG);
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
                lobby.stop(Await.LONG);
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
            lobby.stop(Await.LONG);
        }
    }

    @Test
    void shouldDetachAConsumerThatCannotAcceptForLongerThanMaxLagTime() throws Exception {
        Duration maxLagTime = Duration.ofMillis(300);
        // ticked by hand: the neighbour is paced, so it never skips and its own lag clock never starts
        Lobby lobby = Lobby.create(TestLobbies.manual("lag4").maxLagTime(maxLagTime).build());
        lobby.start();
        RecordingSink never = new RecordingSink();
        never.setAccepting(false);
        try {
            RecordingSink fine = new RecordingSink();
            long attachedAt = System.nanoTime(); // its lag clock starts at its first skip, after this
            ClientSubscription sub = lobby.attach(never);
            ClientSubscription fineSub = lobby.attach(fine);
            for (int i = 0; i < 3; i++) {
                TestLobbies.tickAndAwait(lobby, fine);
            }

            // no more snapshots come: the clock runs on while the consumer sits behind
            assertTrue(sub.awaitDetached(Await.LONG), "detached as too slow");
            long detachedAfter = System.nanoTime() - attachedAt;
            assertEquals(DetachReason.TOO_SLOW, sub.detachReason());
            assertFalse(sub.isAttached());
            // a lower bound only: it must not give up before maxLagTime (an upper bound would be flaky)
            assertTrue(detachedAfter >= maxLagTime.toNanos(), "detached after " + detachedAfter / 1_000_000 + " ms");
            never.awaitDetached();
            assertEquals(List.of(DetachReason.TOO_SLOW), never.detaches());
            assertEquals(0, sub.snapshotsDelivered());
            assertEquals(3, sub.snapshotsSkipped());
            assertEquals(1, lobby.metrics().detached(DetachReason.TOO_SLOW));
            assertEquals(1, lobby.metrics().consumers());

            // the neighbour is untouched: every snapshot, before and after, and no lag notice
            for (int i = 0; i < 5; i++) {
                TestLobbies.tickAndAwait(lobby, fine);
            }
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), fine.ticks());
            assertEquals(List.of(), fine.lagNotices());
            assertTrue(fineSub.isAttached());
        } finally {
            assertTrue(lobby.stop(Await.LONG));
        }
        // stopping the lobby does not call the detached sink a second time
        assertEquals(1, never.entries().stream().filter(e -> e.kind() == RecordingSink.Kind.DETACHED).count());
    }

    @Test
    void shouldSkipStaleSnapshotsAndDetachASinkSlowerThanTheTickRateAfterMaxLagTimeWhileOthersLoseNothing()
            throws Exception {
        // Production values (the engine's defaults): 64-slot ring, maxLagSnapshots 8, GameServer's pool of two client threads
        // with the 1 s sinkBlockTimeout. maxLagTime is 1 s instead of the production 5 s only to keep the
        // run short: the rule under test is "behind, without catching up, for longer than maxLagTime",
        // whose length only scales the wait; the sink still skips some twenty times before the cut-off,
        // and each of its passes (one 40 ms call) stays far under the block timeout.
        Duration maxLagTime = Duration.ofSeconds(1);
        try (ClientThreadPool pool = ClientThreadPool.create("jr-lag6pool", 2, Duration.ofSeconds(1))) {
            Lobby lobby = Lobby.create(LobbyConfig.builder().name("lag6").autoTick(false).clientThreads(pool)
                    .maxLagTime(maxLagTime).build());
            assertEquals(64, lobby.config().outputRingSize());
            assertEquals(8, lobby.config().maxLagSnapshots());
            lobby.start();
            try {
                RecordingSink other = new RecordingSink();
                SlowSink slow = new SlowSink(lobby, other);
                ClientSubscription slowSub = lobby.attach(slow);                 // client thread 0
                Watched otherW = StreamAudit.attach(lobby, other);               // client thread 1
                Watched mate = StreamAudit.attach(lobby, new RecordingSink());   // thread 0, behind the slow one

                TestLobbies.tick(lobby, 1); // from here on the slow sink's own calls move the lobby on
                assertTrue(slowSub.awaitDetached(Await.LONG),
                        () -> "the slow sink is detached; it got " + slow + ", failure: " + slow.failure);
                long detachSeen = System.nanoTime();
                assertNull(slow.failure, "the slow sink's ticking failed");
                String slowThread = slow.threadOfTick(1);
                assertNotEquals(slowThread, other.threadOfTick(1), "the pacing sink is on the other thread");
                assertEquals(slowThread, mate.sink().threads().get(0), "the mate shares the slow sink's thread");
                assertEquals(DetachReason.TOO_SLOW, slowSub.detachReason());
                // its lag clock cannot have started before its first call returned
                long lagging = detachSeen - slow.firstCallReturned;
                assertTrue(lagging >= maxLagTime.toNanos(), "detached after " + lagging / 1_000_000 + " ms behind");

                // every pass it was 10 behind: skipped 9, was told so, got the newest
                slow.awaitDetached();
                List<Long> ticks = slow.ticks();
                assertTrue(ticks.size() >= 2, slow.toString());
                StringBuilder expected = new StringBuilder("[Status(LOBBY), S1");
                for (int i = 1; i < ticks.size(); i++) {
                    expected.append(", Lagged(9), S").append(1 + SlowSink.TICKS_PER_CALL * i);
                }
                assertEquals(expected.append(", Detached(TOO_SLOW)]").toString(), slow.entries().toString());
                assertEquals(9L * (ticks.size() - 1), slowSub.snapshotsSkipped());

                // the others are still attached and get every tick from here on
                // the mate catches up with what the slow sink's last call published, and nothing newer
                // comes until it has: so its lag clock stops
                mate.sink().awaitTick(lobby.tick());
                TestLobbies.awaitDeliveriesCounted(mate.subscription(), mate.sink());
                for (int i = 0; i < 20; i++) {
                    TestLobbies.tickAndAwait(lobby, other, mate.sink());
                }
                long end = lobby.tick();
                // on the other thread: every tick, in order, no lag notice
                assertEquals(LongStream.rangeClosed(1, end).boxed().toList(), other.ticks());
                assertEquals(List.of(), other.lagNotices());
                assertTrue(otherW.subscription().isAttached());
                // its shard-mate waited behind each slow call and skipped too, always told, never
                // detached (it caught up at the end of each of its passes); then it got every tick
                StreamAudit.assertNothingLostUnreported(mate, lobby.metrics());
                assertTrue(mate.subscription().isAttached());
                assertFalse(mate.sink().lagNotices().isEmpty(), "the mate skipped behind the slow sink");
                List<Long> mateTicks = mate.sink().ticks();
                assertEquals(LongStream.rangeClosed(end - 19, end).boxed().toList(),
                        mateTicks.subList(mateTicks.size() - 20, mateTicks.size()));

                assertEquals(1, lobby.metrics().detached(DetachReason.TOO_SLOW));
                assertEquals(2, lobby.metrics().consumers());
                assertEquals(0, lobby.metrics().snapshotsDroppedRingFull());
            } finally {
                lobby.stop(Await.LONG);
            }
        }
        Threads.awaitNoneNamed("jr-lag6");
    }

    /**
     * A sink that takes 40 ms per snapshot, and while it works the lobby moves {@link #TICKS_PER_CALL}
     * ticks on: they are published from inside the call, each one paced by a sink on the other client
     * thread, so all of them are encoded and waiting when the call returns. It thus ends every pass
     * behind, and skips again on the next, however fast or slow the machine is.
     */
    private static final class SlowSink extends RecordingSink {
        static final int TICKS_PER_CALL = 10; // more than maxLagSnapshots (8)

        private final Lobby lobby;
        private final RecordingSink pace;
        volatile long firstCallReturned;
        volatile Throwable failure;

        SlowSink(Lobby lobby, RecordingSink pace) {
            this.lobby = lobby;
            this.pace = pace;
        }

        @Override
        public void onSnapshot(Snapshot snapshot) {
            super.onSnapshot(snapshot);
            try {
                for (int i = 0; i < TICKS_PER_CALL; i++) {
                    TestLobbies.tickAndAwait(lobby, pace);
                }
                Thread.sleep(40); // its slowness: the time under test, not a synchronisation
            } catch (Throwable t) {
                failure = t;
            }
            if (firstCallReturned == 0) {
                firstCallReturned = System.nanoTime();
            }
        }
    }

    @Test
    void shouldRestartTheLagClockEachTimeTheSinkCatchesUp() throws Exception {
        // five spells of about 300 ms behind, each ended by catching up: 1.5 s behind in all, but never
        // maxLagTime (1 s) in a row, so a consumer whose clock restarts on catching up stays attached
        Duration maxLagTime = Duration.ofSeconds(1);
        long spellNanos = Duration.ofMillis(300).toNanos();
        Lobby lobby = Lobby.create(TestLobbies.manual("lag5").maxLagTime(maxLagTime).build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            ClientSubscription sub = lobby.attach(sink);
            long longestSpell = 0;
            for (int round = 0; round < 5; round++) {
                sink.setAccepting(false);
                long spellStart = System.nanoTime(); // its lag clock cannot start before this
                long skipped = sub.snapshotsSkipped();
                TestLobbies.tick(lobby, 4);
                Await.until(() -> sub.snapshotsSkipped() == skipped + 4, "4 more skips");
                long left = spellStart + spellNanos - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(left); // time spent behind is what is under test
                }
                sink.setAccepting(true);
                long t = TestLobbies.tick(lobby, 1);
                sink.awaitTick(t);
                TestLobbies.awaitDeliveriesCounted(sub, sink); // caught up before the next spell's ticks
                longestSpell = Math.max(longestSpell, System.nanoTime() - spellStart); // its clock stopped before this
            }
            // Only a machine that stalled this thread for most of a second could stretch a spell to
            // maxLagTime, which would rightly detach the sink; then this run proves nothing either way.
            long longest = longestSpell;
            assumeTrue(longest < maxLagTime.toNanos(), () -> "a spell lasted " + longest / 1_000_000 + " ms");
            assertEquals(List.of(4L, 4L, 4L, 4L, 4L), sink.lagNotices());
            assertTrue(sub.isAttached(), "detached " + sub.detachReason() + " after 5 spells of ~300 ms behind");
        } finally {
            lobby.stop(Await.LONG);
        }
    }
}
