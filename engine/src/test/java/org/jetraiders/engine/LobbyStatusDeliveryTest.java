package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.TestLobbies;
import org.jetraiders.engine.support.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Status changes reach every consumer once, in order, before the first snapshot carrying them. */
@Timeout(30)
class LobbyStatusDeliveryTest {
    private static final int HZ = 10;

    private static LobbyConfig.Builder config(String name) {
        return TestLobbies.manual(name).tickRateHz(HZ).tuning(Tuning.builder()
                .countdownSeconds(3).matchSeconds(2).matchEndPauseSeconds(1).build());
    }

    @Test
    void shouldDeliverEachStatusChangeOnceInOrderBeforeTheSnapshotCarryingIt() throws Exception {
        Lobby lobby = Lobby.create(config("st1").build());
        lobby.start();
        try {
            RecordingSink a = new RecordingSink();
            RecordingSink b = new RecordingSink();
            lobby.attach(a);
            lobby.attach(b);
            TestLobbies.tick(lobby, 1);
            assertEquals(LobbyStatus.LOBBY, lobby.status());
            lobby.join("pilot");

            // countdown 3 s, match 2 s, pause 1 s at 10 Hz: tick 2 starts the countdown, 32 the match
            TestLobbies.tick(lobby, 1);
            assertEquals(LobbyStatus.matchStarting(3), lobby.status(), "readable from the test thread");
            TestLobbies.tick(lobby, 30);
            assertEquals(LobbyStatus.MATCH_RUNNING, lobby.status());
            TestLobbies.tick(lobby, 20);
            assertEquals(LobbyStatus.MATCH_ENDED, lobby.status());
            // tick 52 ended the match; the pause (10 ticks) and a new countdown (30) lead to tick 92
            long last = TestLobbies.tick(lobby, 40);
            assertEquals(92, last);
            assertEquals(LobbyStatus.MATCH_RUNNING, lobby.status());
            a.awaitTick(last);
            b.awaitTick(last);

            List<LobbyStatus> expected = List.of(LobbyStatus.LOBBY, LobbyStatus.matchStarting(3),
                    LobbyStatus.matchStarting(2), LobbyStatus.matchStarting(1), LobbyStatus.MATCH_RUNNING,
                    LobbyStatus.MATCH_ENDED, LobbyStatus.matchStarting(3), LobbyStatus.matchStarting(2),
                    LobbyStatus.matchStarting(1), LobbyStatus.MATCH_RUNNING);
            for (RecordingSink sink : List.of(a, b)) {
                assertEquals(expected, sink.statuses());
                assertStatusPrecedesItsSnapshots(sink);
                assertEquals(List.of(), sink.lagNotices());
            }
            // a late joiner hears the current status first, once
            RecordingSink late = new RecordingSink();
            lobby.attach(late);
            long t = TestLobbies.tick(lobby, 2);
            late.awaitTick(t);
            assertEquals(List.of(LobbyStatus.MATCH_RUNNING), late.statuses());
            assertStatusPrecedesItsSnapshots(late);
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    /** Every snapshot carries the last status announced; every announcement is new and precedes its snapshot. */
    private static void assertStatusPrecedesItsSnapshots(RecordingSink sink) {
        LobbyStatus current = null;
        List<RecordingSink.Entry> entries = sink.entries();
        for (int i = 0; i < entries.size(); i++) {
            RecordingSink.Entry e = entries.get(i);
            switch (e.kind()) {
                case STATUS -> {
                    assertNotEquals(current, e.status(), "announced twice in a row at " + i + ": " + sink);
                    current = e.status();
                    RecordingSink.Entry next = entries.get(i + 1);
                    assertTrue(next.kind() == RecordingSink.Kind.SNAPSHOT && next.snapshot().status.equals(current)
                                    || next.kind() == RecordingSink.Kind.DETACHED,
                            "status " + current + " must be followed by its snapshot, got " + next);
                }
                case SNAPSHOT -> assertEquals(current, e.snapshot().status, "snapshot " + e + " after " + current);
                default -> { }
            }
        }
    }

    @Test
    void shouldDeliverStoppingToEveryConsumerOnStop() throws Exception {
        Lobby lobby = Lobby.create(config("st2").build());
        lobby.start();
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        RecordingSink full = new RecordingSink(); // cannot accept snapshots, still hears the status
        lobby.attach(a);
        lobby.attach(b);
        lobby.attach(full);
        lobby.join("pilot");
        long t = TestLobbies.tick(lobby, 3);
        a.awaitTick(t);
        full.setAccepting(false);

        assertTrue(lobby.stop(Await.LONG), "a clean stop: every consumer told before it returned");
        assertEquals(LobbyStatus.STOPPING, lobby.status());
        for (RecordingSink sink : List.of(a, b, full)) {
            List<LobbyStatus> statuses = sink.statuses();
            assertEquals(LobbyStatus.STOPPING, statuses.get(statuses.size() - 1), sink.toString());
            assertEquals(1, statuses.stream().filter(LobbyStatus.STOPPING::equals).count());
            assertEquals(List.of(DetachReason.LOBBY_STOPPED), sink.detaches());
            List<RecordingSink.Entry> entries = sink.entries();
            assertEquals(RecordingSink.Kind.DETACHED, entries.get(entries.size() - 1).kind(), "detach comes last");
        }
        // the final snapshot carries Stopping for those who can take it
        assertEquals(LobbyStatus.STOPPING, a.last().status);
        assertEquals(LobbyStatus.STOPPING, b.last().status);
        assertStatusPrecedesItsSnapshots(a);
        Threads.awaitNoneNamed("jr-st2-");
    }
}
