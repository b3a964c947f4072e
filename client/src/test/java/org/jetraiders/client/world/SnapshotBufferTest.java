package org.jetraiders.client.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotBufferTest {
    private final SnapshotBuffer buffer = new SnapshotBuffer(3, WorldBounds.DEFAULT);

    /** A plane 1 at x = tick, so the rendered x is the rendered tick. */
    private static WorldSnapshot at(long tick) {
        return new WorldSnapshot(tick, 0, List.of(new Plane(1, tick, 0, 0, 100)), List.of());
    }

    @Test
    void shouldInterpolateBetweenTheSnapshotsAroundTheRenderTick() {
        buffer.add(at(10), 0);
        buffer.add(at(12), 0);
        buffer.add(at(16), 0);
        assertEquals(11, buffer.at(11).plane(1).x(), 1e-12);
        assertEquals(14.5, buffer.at(14.5).plane(1).x(), 1e-12);
        assertEquals(10, buffer.at(3).plane(1).x(), "before the oldest: the oldest");
        assertEquals(16, buffer.at(40).plane(1).x(), "after the newest: the newest, motion stalls");
    }

    @Test
    void shouldKeepOnlyItsCapacityAndIgnoreDuplicates() {
        assertNull(buffer.at(0));
        for (long t = 1; t <= 5; t++) {
            assertTrue(buffer.add(at(t), 0));
        }
        assertFalse(buffer.add(at(5), 0), "a duplicate");
        assertFalse(buffer.add(at(4), 0), "out of order");
        assertEquals(3, buffer.size());
        assertEquals(3, buffer.at(0).plane(1).x(), "ticks 1 and 2 were dropped");
        assertEquals(5, buffer.newest().tick());
    }

    @Test
    void shouldStartOverWhenTheStreamRestartsFarInThePast() {
        buffer.add(at(5000), 0);
        assertTrue(buffer.add(at(3), 0), "a new server or lobby counts from 0 again");
        assertEquals(1, buffer.size());
        assertEquals(3, buffer.newest().tick());
    }

    @Test
    void shouldRenderTheDelayBehindTheNewestSnapshotAdvancedByTheClock() {
        long received = 1_000_000_000L;
        buffer.add(at(60), received - 50_000_000L);
        buffer.add(at(66), received);
        // 50 ms after the newest arrived, 100 ms behind: tick 66 + 3 - 6 = 63
        RenderedWorld w = buffer.sample(received + 50_000_000L, Duration.ofMillis(100), 60);
        assertEquals(63, w.tick(), 1e-9);
        assertEquals(63, w.plane(1).x(), 1e-9);
    }
}
