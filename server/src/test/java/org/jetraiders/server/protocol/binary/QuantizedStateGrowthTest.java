package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.engine.SharedCapacity;
import org.jetraiders.server.protocol.binary.support.BinarySnapshot;
import org.junit.jupiter.api.Test;

/** The states of one binary stage grow their projectile arrays together (SharedCapacity), not one by one. */
class QuantizedStateGrowthTest {
    private static BinarySnapshot withProjectiles(long tick, int count) {
        BinarySnapshot s = new BinarySnapshot().tick(tick).plane(1, 0, 0, 0, 100);
        for (int i = 0; i < count; i++) {
            s.projectile(1000 + i, 1, i, -i, 0.5, 500, tick);
        }
        return s;
    }

    @Test
    void shouldGiveEveryStateOfAStageTheRoomOfItsBusiestCaptureAtItsNextCapture() {
        SharedCapacity room = new SharedCapacity(64);
        QuantizedState busy = new QuantizedState(room);
        QuantizedState quiet = new QuantizedState(room);

        busy.capture(withProjectiles(10, 200), 60);
        quiet.capture(withProjectiles(11, 3), 60);

        assertTrue(room.capacity() >= 200, "room " + room.capacity());
        assertEquals(room.capacity(), busy.projectileId.length);
        assertEquals(room.capacity(), quiet.projectileId.length, "grown to the stage's busiest capture, not to its own 3");
        assertEquals(room.capacity(), quiet.projectileSpawnTick.length, "every projectile array, not only the ids");
        assertEquals(3, quiet.projectileCount);
        assertEquals(1002, quiet.projectileId[2]);
        assertEquals(200, busy.projectileCount);
        assertEquals(1199, busy.projectileId[199]);
    }

    @Test
    void shouldNotReplaceArraysOnceTheStageHasItsRoom() {
        SharedCapacity room = new SharedCapacity(64);
        QuantizedState state = new QuantizedState(room);
        state.capture(withProjectiles(1, 150), 60);
        int[] ids = state.projectileId;
        long[] spawnTicks = state.projectileSpawnTick;

        state.capture(withProjectiles(2, 20), 60);
        state.capture(withProjectiles(3, 150), 60);

        assertSame(ids, state.projectileId);
        assertSame(spawnTicks, state.projectileSpawnTick);
    }

    @Test
    void shouldLeaveAStateThatSharesNothingAtItsOwnSize() {
        QuantizedState lone = new QuantizedState();
        new QuantizedState(new SharedCapacity(64)).capture(withProjectiles(1, 300), 60);

        lone.capture(withProjectiles(2, 3), 60);

        assertEquals(64, lone.projectileId.length);
    }
}
