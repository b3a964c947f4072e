package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.SnapshotCopy;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A disconnected player keeps its plane with a neutral input, through the input ring like any change. */
@Timeout(30)
class LobbyDisconnectTest {

    @Test
    void shouldKeepThePlaneWithANeutralInputAndRestartTheInputSequence() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("disc1").build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            int id = lobby.join("a", 42);
            TestLobbies.tick(lobby, 1);
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 0, 1, false, 10));
            long turning = TestLobbies.tickAndAwait(lobby, sink);
            assertEquals(10, planeOf(sink, turning, id).seq, "the input was applied");

            assertTrue(lobby.disconnect(id));
            long first = TestLobbies.tickAndAwait(lobby, sink);
            long second = TestLobbies.tickAndAwait(lobby, sink);

            Plane a = planeOf(sink, first, id);
            Plane b = planeOf(sink, second, id);
            assertEquals(a.rot, b.rot, 0.0, "a disconnected plane no longer turns");
            assertEquals(0, b.seq, "the input sequence starts again");
            assertEquals(1, sink.last().planeCount, "the plane stays in the world");

            // a resuming client counts its inputs from 1 again: not stale
            assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 0, -1, false, 1));
            long resumed = TestLobbies.tickAndAwait(lobby, sink);
            assertEquals(1, planeOf(sink, resumed, id).seq);
            assertNotEquals(b.rot, planeOf(sink, resumed, id).rot, "it steers again");
            assertEquals(0, lobby.metrics().inputsStale());
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    @Test
    void shouldCountADisconnectOfAnUnknownPlayerAndRefuseOneWhenStopped() throws Exception {
        Lobby lobby = Lobby.create(TestLobbies.manual("disc2").build());
        lobby.start();
        try {
            assertTrue(lobby.disconnect(999));
            TestLobbies.tick(lobby, 1);
            assertEquals(1, lobby.metrics().inputsUnknownPlayer());
        } finally {
            lobby.stop(Await.LONG);
        }
        assertFalse(lobby.disconnect(1), "not running");
    }

    @Test
    void shouldCarryTheClientKeyOfAJoinInTheEventAndClearItOnReuse() {
        InputEvent event = new InputEvent();
        event.setJoin(3, "a", 0x1234_5678_9abcL);
        assertEquals(InputEvent.JOIN, event.type());
        assertEquals(0x1234_5678_9abcL, event.clientKey());
        event.setDisconnect(3);
        assertEquals(InputEvent.DISCONNECT, event.type());
        assertEquals(3, event.playerId());
        assertEquals(0, event.clientKey(), "a reused slot does not keep the previous join's key");
    }

    private record Plane(double rot, long seq) {
    }

    private static Plane planeOf(RecordingSink sink, long tick, int id) {
        SnapshotCopy s = sink.snapshots().stream().filter(c -> c.tick == tick).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot of tick " + tick));
        int i = s.indexOfPlane(id);
        assertTrue(i >= 0, "plane " + id + " in tick " + tick);
        return new Plane(s.planeRot(i), s.planeLastInputSeq(i));
    }
}
