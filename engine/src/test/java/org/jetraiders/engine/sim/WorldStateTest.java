package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Tuning;
import org.junit.jupiter.api.Test;

/**
 * A world restored from its state steps exactly as the original: every value later ticks depend on is
 * in {@link World#writeState} (slots with gaps, the generator, the match clock mid-countdown, cooldowns,
 * respawn timers, projectiles, pending spawns and removals). A malformed state is refused with a message.
 */
class WorldStateTest {
    private static final Tuning TUNING = Tuning.defaults().toBuilder().bounds(-150, 150, -100, 100)
            .countdownSeconds(1).matchSeconds(4).matchEndPauseSeconds(1).build();

    /** Values in order, kept as objects: enough to test the world's side without the journal's bytes. */
    private static final class Values implements StateWriter, StateReader {
        final List<Object> list = new ArrayList<>();
        int next;

        @Override public void putLong(long v) { list.add(v); }
        @Override public void putInt(int v) { list.add(v); }
        @Override public void putDouble(double v) { list.add(v); }
        @Override public void putBoolean(boolean v) { list.add(v); }
        @Override public void putString(String s) { list.add(s == null ? NULL : s); }
        @Override public long getLong() { return (Long) take(); }
        @Override public int getInt() { return (Integer) take(); }
        @Override public double getDouble() { return (Double) take(); }
        @Override public boolean getBoolean() { return (Boolean) take(); }
        @Override public String getString() { Object o = take(); return o == NULL ? null : (String) o; }

        private Object take() {
            if (next >= list.size()) {
                throw new IllegalArgumentException("state ran out");
            }
            return list.get(next++);
        }

        private static final Object NULL = new Object();
    }

    private static Values state(World w) {
        Values v = new Values();
        w.writeState(v);
        return v;
    }

    private static World restore(Values v) {
        return World.restore(TUNING, 60, 8, 1, v);
    }

    /** One tick of scripted calls: joins, leaves, inputs from a seeded generator. */
    private static void calls(World w, SplittableRandom r) {
        if (r.nextInt(50) == 0) {
            w.addPlayer(1 + r.nextInt(12), r.nextInt(5) == 0 ? null : "p");
        }
        if (r.nextInt(70) == 0) {
            w.removePlayer(1 + r.nextInt(12));
        }
        for (int s = 0; s < w.slotCapacity(); s++) {
            if (w.isActive(s) && r.nextInt(4) == 0) {
                w.applyInput(w.playerId(s), r.nextDouble(-1.2, 1.2), r.nextDouble(-1, 1), r.nextInt(3) != 0,
                        r.nextInt(10) == 0 ? 0 : w.tick());
            }
        }
    }

    @Test
    void shouldStepARestoredWorldExactlyAsTheOriginalFromAnyTick() {
        World original = new World(TUNING, 60, 8, 99);
        for (int id = 1; id <= 5; id++) {
            original.addPlayer(id, "p" + id);
        }
        original.removePlayer(2); // a gap in the slots
        SplittableRandom script = new SplittableRandom(5);
        int restores = 0;
        for (int t = 0; t < 900; t++) {
            calls(original, script);
            if (t % 37 == 0) { // restore between a join and a step too: pending spawns are state
                World copy = restore(state(original));
                assertEquals(state(original).list, state(copy).list, "tick " + original.tick());
                SplittableRandom a = new SplittableRandom(t);
                SplittableRandom b = new SplittableRandom(t);
                for (int i = 0; i < 120; i++) {
                    original.step();
                    copy.step();
                    calls(original, a);
                    calls(copy, b);
                    assertEquals(state(original).list, state(copy).list, "tick " + original.tick());
                }
                restores++;
            }
            original.step();
        }
        assertTrue(restores > 20);
        assertTrue(original.matchNumber() >= 3, "the script crossed several matches: " + original.matchNumber());
    }

    @Test
    void shouldKeepTheMatchNumberAndTheHighestPlayerId() {
        World w = new World(TUNING, 60, 8, 1);
        assertEquals(0, w.matchNumber());
        w.addPlayer(40, "a");
        w.removePlayer(40);
        w.addPlayer(3, "b");
        w.step(); // countdown begins: the first match
        assertEquals(LobbyStatus.matchStarting(1), w.status());
        World copy = restore(state(w));
        assertEquals(1, copy.matchNumber());
        assertEquals(40, copy.highestPlayerId(), "ids already used are never given again");
    }

    @Test
    void shouldRefuseAStateThatDoesNotFitTheWorld() {
        World w = new World(TUNING, 60, 8, 1);
        for (int id = 1; id <= 8; id++) {
            w.addPlayer(id, "p");
        }
        Values full = state(w);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> World.restore(TUNING, 60, 4, 1, full));
        assertTrue(tooMany.getMessage().contains("planes"), tooMany.getMessage());

        Values badSlot = state(w);
        int planeCount = 9; // tick, scores version, match, highest id, next projectile, generator, 3 clock values
        assertEquals(8, badSlot.list.get(planeCount));
        badSlot.list.set(planeCount + 1, 7); // the first plane claims slot 7: the second's slot 1 comes after it
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> World.restore(TUNING, 60, 8, 1, badSlot));
        assertTrue(order.getMessage().contains("slot"), order.getMessage());
    }
}
