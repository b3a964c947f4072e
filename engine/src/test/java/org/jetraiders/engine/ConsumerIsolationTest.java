package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.BlockingSink;
import org.jetraiders.engine.support.EncoderLog;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.StreamAudit;
import org.jetraiders.engine.support.StreamAudit.Watched;
import org.jetraiders.engine.support.TestLobbies;
import org.jetraiders.engine.support.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client whose sink blocks forever must not hold up the game loop, the encoding stage or any other
 * client: the watchdog cuts it off after {@code sinkBlockTimeout} and moves its shard-mates to a fresh
 * thread, and nobody else loses a snapshot without being told.
 *
 * <p>With the production values of an embedding application: {@link LobbyConfig}'s defaults (64-slot
 * output ring, maxLagSnapshots 8, maxLagTime 5 s, 60 Hz) and {@code GameServer}'s client pool (2
 * threads on the 2-core machines, sinks cut off after 1 s). The game server itself runs a 32-slot ring
 * at 60 Hz (half a second, {@code LobbyFactory.outputRingSize}): its sinks write to non-blocking
 * sockets and never block, and its slow clients are tested end to end ({@code SlowClientIT},
 * {@code StalledCrowdIT}). The manually ticked tests publish their ticks while the sink is blocked,
 * so what every client receives does not depend on the machine's speed; the live test runs a 60 Hz
 * lobby and asserts only what a slow machine cannot change.
 *
 * <p>One dependency on time is the product's own, not the tests': a healthy consumer whose thread is
 * descheduled for a whole second in the middle of a poll looks blocked to the watchdog and is cut off.
 * The manual tests assert the healthy consumers stay attached, which holds unless the machine stalls
 * a thread for a second; the live test does not rely even on that.
 */
@Timeout(60)
class ConsumerIsolationTest {
    /** {@code GameServer}'s client pool: one thread per core on the 2-core machines, 1 s watchdog. */
    private static final int CLIENT_THREADS = 2;
    private static final Duration SINK_BLOCK_TIMEOUT = Duration.ofSeconds(1);
    /** The blocking sink blocks inside its third onSnapshot: the snapshot of tick 3. */
    private static final int BLOCK_AT = 3;

    /** The engine's defaults: what an embedding application gets unless it sets its own. */
    private static LobbyConfig.Builder production(String name) {
        LobbyConfig.Builder builder = LobbyConfig.builder().name(name);
        LobbyConfig defaults = builder.build();
        assertEquals(64, defaults.outputRingSize(), "production output ring");
        assertEquals(8, defaults.maxLagSnapshots(), "production maxLagSnapshots");
        assertEquals(Duration.ofSeconds(5), defaults.maxLagTime(), "production maxLagTime");
        assertEquals(SINK_BLOCK_TIMEOUT, defaults.sinkBlockTimeout(), "production sinkBlockTimeout");
        assertEquals(60, defaults.tickRateHz(), "production tick rate");
        return builder;
    }

    @Test
    void shouldDeliverEveryTickToTheShardMatesOfASinkBlockedForeverOnceTheWatchdogCutsItOffAfterOneSecond()
            throws Exception {
        // a private pool has one client thread: every other consumer is the blocked sink's shard-mate
        EncoderLog encoded = new EncoderLog();
        Lobby lobby = Lobby.create(production("iso1").autoTick(false).encoders(List.of(encoded)).build());
        lobby.start();
        BlockingSink blocker = BlockingSink.onSnapshot(BLOCK_AT);
        try {
            assertTrue(lobby.join("pilot") > 0);
            // two mates polled before the blocked sink in each pass, two after it
            List<RecordingSink> mates = List.of(new RecordingSink(), new RecordingSink(), new RecordingSink(),
                    new RecordingSink());
            List<ClientSubscription> mateSubs = new ArrayList<>();
            mateSubs.add(lobby.attach(mates.get(0)));
            mateSubs.add(lobby.attach(mates.get(1)));
            ClientSubscription blocked = lobby.attach(blocker);
            mateSubs.add(lobby.attach(mates.get(2)));
            mateSubs.add(lobby.attach(mates.get(3)));
            RecordingSink[] everyone = withBlocker(mates, blocker);

            TestLobbies.tickAndAwait(lobby, everyone);
            // The poll that blocks on tick 3 starts after the poll that delivered tick 2 read the ring,
            // which was after tick 2 was published: so after this instant.
            long blockedPollStartsAfter = System.nanoTime();
            TestLobbies.tickAndAwait(lobby, everyone);
            TestLobbies.tick(lobby, 1);
            blocker.awaitBlocked();
            String blockedThread = blocker.blockedThread();

            // (a) the game loop steps and publishes while the sink is blocked: fewer ticks than
            // maxLagSnapshots, so the mates, stuck behind it until the cut-off, need not skip any
            int whileBlocked = 6;
            long last = TestLobbies.tick(lobby, whileBlocked);
            assertEquals(BLOCK_AT + whileBlocked, last);
            assertEquals(last, lobby.metrics().snapshotsPublished(), "every tick published");
            // (d) and the encoding stage encodes them on its own thread
            Await.until(() -> encoded.lastTick() == last, () -> "encoding up to tick " + last + ", at " + encoded.lastTick());
            assertTrue(blocker.isBlocked(), "all of this while the sink is still blocked");
            assertEquals(List.of("jr-iso1-clients-encoder-0"), encoded.threads());

            // (b) cut off after the timeout, without waiting for its sink to return
            assertCutOffWithoutWaitingForItsSink(blocked, blocker, blockedPollStartsAfter);
            assertEquals(1, lobby.metrics().detached(DetachReason.SINK_BLOCKED));
            assertEquals(mates.size(), lobby.metrics().consumers());

            // (c) the mates move to a fresh thread and get every tick: none skipped, no lag notice
            for (int i = 0; i < 10; i++) {
                TestLobbies.tickAndAwait(lobby, mates.toArray(new RecordingSink[0]));
            }
            long end = lobby.tick();
            List<Long> everyTick = LongStream.rangeClosed(1, end).boxed().toList();
            for (int i = 0; i < mates.size(); i++) {
                RecordingSink mate = mates.get(i);
                assertEquals(everyTick, mate.ticks(), "every tick, in order, for mate " + i);
                assertEquals(List.of(), mate.lagNotices(), "no lag notice for mate " + i);
                assertEquals(0, mateSubs.get(i).snapshotsSkipped(), "nothing skipped by mate " + i);
                assertTrue(mateSubs.get(i).isAttached(), "mate " + i + " attached");
                assertEquals(blockedThread, mate.threadOfTick(1), "mate " + i + " shared the blocked thread");
                assertNotEquals(blockedThread, mate.threadOfTick(end), "mate " + i + " moved to a fresh thread");
            }
            assertEquals(0, lobby.metrics().snapshotsDroppedRingFull());

            // the pool recovered: a newcomer is served too
            RecordingSink late = new RecordingSink();
            lobby.attach(late);
            for (int i = 0; i < 20; i++) {
                TestLobbies.tickAndAwait(lobby, late);
            }
            assertEquals(LongStream.rangeClosed(end + 1, end + 20).boxed().toList(), late.ticks());
        } finally {
            blocker.release();
            lobby.stop(Await.LONG);
        }
        assertSinkHearsOfTheCutOffOnceItsCallReturns(blocker);
        Threads.awaitNoneNamed("jr-iso1");
    }

    @Test
    void shouldLoseNoSnapshotUnreportedOnEitherSharedClientThreadWhileASinkBlocksForeverAndTheRingOverflows()
            throws Exception {
        EncoderLog encoded = new EncoderLog();
        BlockingSink blocker = BlockingSink.onSnapshot(BLOCK_AT);
        try (ClientThreadPool pool = ClientThreadPool.create("jr-iso2pool", CLIENT_THREADS, SINK_BLOCK_TIMEOUT)) {
            Lobby lobby = Lobby.create(production("iso2").autoTick(false).clientThreads(pool)
                    .encoders(List.of(encoded)).build());
            lobby.start();
            try {
                assertTrue(lobby.join("pilot") > 0);
                // least-loaded placement, ties to the lower thread: threads 0, 1, 0, 1
                Watched other1 = StreamAudit.attach(lobby, new RecordingSink());
                ClientSubscription blocked = lobby.attach(blocker);
                Watched other2 = StreamAudit.attach(lobby, new RecordingSink());
                Watched mate = StreamAudit.attach(lobby, new RecordingSink());
                RecordingSink[] everyone = {other1.sink(), other2.sink(), mate.sink(), blocker};

                TestLobbies.tickAndAwait(lobby, everyone);
                // The poll that blocks on tick 3 starts after the poll that delivered tick 2 read the
                // ring, which was after tick 2 was published: so after this instant.
                long blockedPollStartsAfter = System.nanoTime();
                TestLobbies.tickAndAwait(lobby, everyone);
                TestLobbies.tick(lobby, 1);
                blocker.awaitBlocked();
                String blockedThread = blocker.blockedThread();
                assertEquals(blockedThread, mate.sink().threadOfTick(1), "the mate shares the blocked sink's thread");
                assertNotEquals(blockedThread, other1.sink().threadOfTick(1), "other1 is on the other thread");
                assertNotEquals(blockedThread, other2.sink().threadOfTick(1), "other2 is on the other thread");
                other1.sink().awaitTick(BLOCK_AT);
                other2.sink().awaitTick(BLOCK_AT);

                // (a) a burst of ticks while the sink is blocked, more than the ring holds behind it
                // (its sequence is still at tick 2): the game loop steps every one and, once the ring
                // is full, drops the snapshot and counts it instead of waiting
                int burst = 100;
                List<Long> dropped = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    long published = lobby.metrics().snapshotsPublished();
                    long t = TestLobbies.tick(lobby, 1);
                    if (lobby.metrics().snapshotsPublished() == published) {
                        dropped.add(t);
                    } else { // paced: the consumers on the other thread never fall behind
                        other1.sink().awaitTick(t);
                        other2.sink().awaitTick(t);
                    }
                }
                boolean gatedThroughoutTheBurst = blocked.isAttached();
                long lastOfBurst = BLOCK_AT + burst;
                assertEquals(lastOfBurst, lobby.tick(), "the game loop stepped every tick");
                assertTrue(blocker.isBlocked(), "while the sink stayed blocked");
                assertEquals(dropped.size(), lobby.metrics().snapshotsDroppedRingFull(), "every drop counted");
                assertEquals(lastOfBurst, lobby.metrics().snapshotsPublished() + dropped.size());
                if (gatedThroughoutTheBurst) {
                    // the cut-off came after the burst (it takes milliseconds, the cut-off a second):
                    // sequences 2..65, ticks 3..66, fill the 64 slots; ticks 67..103 cannot be published
                    assertEquals(LongStream.rangeClosed(2 + 64 + 1, lastOfBurst).boxed().toList(), dropped);
                }
                // (d) the encoding stage encoded every published snapshot, on its own thread
                for (long t = BLOCK_AT + 1; t <= lastOfBurst; t++) {
                    assertEquals(!dropped.contains(t), encoded.encoded(t), "encoded tick " + t);
                }
                assertEquals(List.of("jr-iso2pool-encoder-0"), encoded.threads());

                // (b) cut off after the timeout, without waiting for its sink to return
                assertCutOffWithoutWaitingForItsSink(blocked, blocker, blockedPollStartsAfter);
                assertEquals(1, lobby.metrics().detached(DetachReason.SINK_BLOCKED));
                assertEquals(3, lobby.metrics().consumers());

                // After the cut-off only the healthy consumers gate the ring. The mate, moved to a fresh
                // thread, first catches up with the newest snapshot (skipping the stale ones, which
                // frees the ring); from then on everyone gets every tick.
                long newestPublished = LongStream.rangeClosed(1, lastOfBurst).filter(t -> !dropped.contains(t)).max()
                        .orElseThrow();
                mate.sink().awaitTick(newestPublished);
                TestLobbies.awaitDeliveriesCounted(mate.subscription(), mate.sink()); // caught up: lag clock stopped
                int after = 20;
                for (int i = 0; i < after; i++) {
                    TestLobbies.tickAndAwait(lobby, other1.sink(), other2.sink(), mate.sink());
                }
                long end = lobby.tick();

                // (c) nobody lost a snapshot without being told
                for (Watched w : List.of(other1, other2, mate)) {
                    StreamAudit.assertNothingLostUnreported(w, lobby.metrics());
                    assertTrue(w.subscription().isAttached());
                }
                // on the other thread: every tick that was published, in order, none skipped
                List<Long> published = LongStream.rangeClosed(1, end).filter(t -> !dropped.contains(t)).boxed().toList();
                for (Watched w : List.of(other1, other2)) {
                    assertEquals(published, w.sink().ticks(), "every published tick, in order");
                    assertEquals(List.of(), w.sink().lagNotices());
                    assertEquals(0, w.subscription().snapshotsSkipped());
                }
                // the mate: caught up once on a fresh thread (reported), then every tick
                List<Long> mateTicks = mate.sink().ticks();
                assertEquals(LongStream.rangeClosed(end - after + 1, end).boxed().toList(),
                        mateTicks.subList(mateTicks.size() - after, mateTicks.size()));
                assertNotEquals(blockedThread, mate.sink().threadOfTick(end), "the mate moved to a fresh thread");
                assertEquals(mate.subscription().snapshotsSkipped(),
                        mate.sink().lagNotices().stream().mapToLong(Long::longValue).sum(), "every skip reported");
            } finally {
                blocker.release();
                lobby.stop(Await.LONG);
            }
        }
        assertSinkHearsOfTheCutOffOnceItsCallReturns(blocker);
        Threads.awaitNoneNamed("jr-iso2");
    }

    @Test
    void shouldKeepALiveSixtyHertzLobbyTickingAndEncodingAndCutOffASinkBlockedForeverWithProductionDefaults()
            throws Exception {
        // Live ticking: how far the others get before the cut-off depends on the machine, so this
        // asserts only what cannot depend on it. The manual tests above pin down the exact streams.
        EncoderLog encoded = new EncoderLog();
        BlockingSink blocker = BlockingSink.onSnapshot(1);
        try (ClientThreadPool pool = ClientThreadPool.create("jr-iso3pool", CLIENT_THREADS, SINK_BLOCK_TIMEOUT)) {
            Lobby lobby = Lobby.create(production("iso3").clientThreads(pool).encoders(List.of(encoded)).build());
            lobby.start();
            try {
                assertTrue(lobby.join("pilot") > 0);
                Watched other1 = StreamAudit.attach(lobby, new RecordingSink()); // thread 0
                long blockedPollStartsAfter = System.nanoTime(); // its first poll follows its attach
                ClientSubscription blocked = lobby.attach(blocker);             // thread 1
                Watched other2 = StreamAudit.attach(lobby, new RecordingSink()); // thread 0
                Watched mate = StreamAudit.attach(lobby, new RecordingSink());   // thread 1
                List<Watched> healthy = List.of(other1, other2, mate);
                blocker.awaitBlocked();
                long tickAtBlock = lobby.tick();

                // (a) the lobby keeps ticking while the sink is blocked (it stays blocked until released)
                Await.until(() -> lobby.tick() >= tickAtBlock + 30,
                        () -> "ticks to go on past " + tickAtBlock + " while a sink blocks; at " + lobby.tick());
                // (d) and the encoding stage keeps encoding, on its own thread
                Await.until(() -> encoded.lastTick() >= tickAtBlock + 30,
                        () -> "encoding to go on past " + tickAtBlock + "; at " + encoded.lastTick());
                assertTrue(blocker.isBlocked());
                assertEquals(List.of("jr-iso3pool-encoder-0"), encoded.threads());
                assertFalse(other1.sink().threads().contains(blocker.blockedThread()));

                // (b) cut off after the timeout, without waiting for its sink to return
                assertCutOffWithoutWaitingForItsSink(blocked, blocker, blockedPollStartsAfter);

                // (c) the others go on receiving, and whatever they missed was reported or dropped
                long cutOffTick = lobby.tick();
                for (Watched w : healthy) {
                    // (a healthy consumer could itself be cut off only if the machine stalled its thread
                    // for a second inside a poll; then it stops receiving, and the audit still holds)
                    Await.until(() -> w.sink().lastTick() >= cutOffTick + 30 || !w.subscription().isAttached(),
                            () -> "a healthy sink to receive tick " + (cutOffTick + 30) + ": " + w.sink());
                }
                for (Watched w : healthy) {
                    StreamAudit.assertNothingLostUnreported(w, lobby.metrics());
                }
            } finally {
                blocker.release();
                lobby.stop(Await.LONG);
            }
        }
        assertSinkHearsOfTheCutOffOnceItsCallReturns(blocker);
        Threads.awaitNoneNamed("jr-iso3");
    }

    @Test
    void shouldNotCallACutOffSinkAgainExceptToSayItWasDetached() throws Exception {
        // The sink hangs in onStatus (a status message write), not in onSnapshot. It is the lobby's only
        // sink, so a short timeout cannot cut off a healthy one: 200 ms keeps the test short.
        EncoderLog encoded = new EncoderLog();
        Lobby lobby = Lobby.create(TestLobbies.manual("iso4").outputRingSize(64).maxLagSnapshots(8)
                .sinkBlockTimeout(Duration.ofMillis(200)).encoders(List.of(encoded)).build());
        lobby.start();
        BlockingSink blocker = BlockingSink.onStatus(LobbyStatus.Phase.MATCH_STARTING);
        try {
            ClientSubscription sub = lobby.attach(blocker);
            TestLobbies.tickAndAwait(lobby, blocker);
            assertTrue(lobby.join("pilot") > 0);
            TestLobbies.tick(lobby, 1); // starts the countdown: the sink blocks announcing it
            blocker.awaitBlocked();
            assertTrue(sub.awaitDetached(Await.LONG));
            assertEquals(DetachReason.SINK_BLOCKED, sub.detachReason());
            // the ring wraps twice past the slot the blocked sink was reading (32 at a time: no drops)
            for (int i = 0; i < 5; i++) {
                long t = TestLobbies.tick(lobby, 32);
                Await.until(() -> encoded.lastTick() == t, "encoding up to tick " + t);
            }
            assertTrue(lobby.metrics().snapshotsPublished() > 2 * 64 + 2);
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
        lobby.stop(Await.LONG);
        Threads.awaitNoneNamed("jr-iso4");
    }

    private static RecordingSink[] withBlocker(List<RecordingSink> sinks, BlockingSink blocker) {
        List<RecordingSink> all = new ArrayList<>(sinks);
        all.add(blocker);
        return all.toArray(new RecordingSink[0]);
    }

    /** The watchdog cuts a call off only once it has run for the whole timeout. */
    /** The blocked consumer is cut off, no earlier than the timeout, while its sink's call still blocks. */
    private static void assertCutOffWithoutWaitingForItsSink(ClientSubscription blocked, BlockingSink blocker,
                                                            long blockedPollStartsAfter) throws InterruptedException {
        assertTrue(blocked.awaitDetached(Await.LONG), "blocked consumer cut off");
        long cutOffSeen = System.nanoTime();
        assertEquals(DetachReason.SINK_BLOCKED, blocked.detachReason());
        assertNoEarlierThanTheTimeout(cutOffSeen - blockedPollStartsAfter);
        assertTrue(blocker.isBlocked());
        assertEquals(List.of(), blocker.detaches(), "onDetached waits until the blocked call returns");
    }

    private static void assertNoEarlierThanTheTimeout(long nanosFromBeforeThePollToTheCutOff) {
        assertTrue(nanosFromBeforeThePollToTheCutOff >= SINK_BLOCK_TIMEOUT.toNanos(),
                "cut off " + nanosFromBeforeThePollToTheCutOff / 1_000_000 + " ms after the blocked poll could start,"
                        + " before the " + SINK_BLOCK_TIMEOUT.toMillis() + " ms timeout");
    }

    /** Once its call returns, the cut-off sink hears why, once, and the abandoned thread ends. */
    private static void assertSinkHearsOfTheCutOffOnceItsCallReturns(BlockingSink blocker) throws InterruptedException {
        blocker.awaitDetached();
        assertEquals(List.of(DetachReason.SINK_BLOCKED), blocker.detaches());
        String abandoned = blocker.blockedThread();
        Await.until(() -> !Threads.isAlive(abandoned), "abandoned client thread " + abandoned + " to end");
    }
}
