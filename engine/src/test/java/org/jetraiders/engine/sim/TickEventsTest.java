package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TickEventsTest {
    @Test
    void shouldGrowPastItsInitialCapacityKeepingEveryEvent() {
        TickEvents e = new TickEvents(1, 1, 1, 1);
        for (int i = 0; i < 100; i++) {
            e.addHit(i, i + 1, i + 2, i + 3, i + 4);
            e.addKill(i, -i);
            e.addSpawn(i * 2);
            e.addRemovedProjectile(i * 3);
        }
        assertEquals(100, e.hitCount());
        assertEquals(100, e.killCount());
        assertEquals(100, e.spawnCount());
        assertEquals(100, e.removedProjectileCount());
        assertEquals(99 + 4, e.hitVictimHp(99));
        assertEquals(-99, e.killVictimId(99));
        assertEquals(198, e.spawnPlayerId(99));
        assertEquals(297, e.removedProjectileId(99));
    }

    @Test
    void shouldClearEverything() {
        TickEvents e = new TickEvents();
        e.addHit(1, 2, 3, 4, 5);
        e.addKill(1, 2);
        e.addSpawn(1);
        e.addRemovedProjectile(1);
        e.clear();
        assertTrue(e.isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> e.hitProjectileId(0));
    }

    @Test
    void shouldRemoveOnlyTheLeaversSpawnsInOrder() {
        TickEvents e = new TickEvents();
        e.addSpawn(1);
        e.addSpawn(2);
        e.addSpawn(1);
        e.addSpawn(3);
        e.removeSpawnsOf(1);
        assertEquals(2, e.spawnCount());
        assertEquals(2, e.spawnPlayerId(0));
        assertEquals(3, e.spawnPlayerId(1));
    }
}
