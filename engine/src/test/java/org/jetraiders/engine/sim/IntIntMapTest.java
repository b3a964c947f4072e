package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IntIntMapTest {
    @Test
    void shouldBehaveLikeAHashMapUnderRandomPutsAndRemoves() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int maxSize = 1 + random.nextInt(200);
            IntIntMap map = new IntIntMap(maxSize);
            Map<Integer, Integer> reference = new HashMap<>();
            int keyRange = maxSize * 3; // dense keys force long probe runs and backward shifts
            for (int op = 0; op < 20_000; op++) {
                int key = random.nextInt(keyRange) - keyRange / 2;
                if (random.nextBoolean() && (reference.size() < maxSize || reference.containsKey(key))) {
                    int value = random.nextInt(1000);
                    map.put(key, value);
                    reference.put(key, value);
                } else {
                    Integer expected = reference.remove(key);
                    assertEquals(expected == null ? IntIntMap.MISSING : expected, map.remove(key));
                }
                assertEquals(reference.size(), map.size());
                int probe = random.nextInt(keyRange) - keyRange / 2;
                Integer expected = reference.get(probe);
                assertEquals(expected == null ? IntIntMap.MISSING : expected, map.get(probe));
            }
            for (Map.Entry<Integer, Integer> e : reference.entrySet()) {
                assertEquals(e.getValue(), map.get(e.getKey()));
            }
        }
    }

    @Test
    void shouldHandleExtremeKeys() {
        IntIntMap map = new IntIntMap(4);
        map.put(Integer.MIN_VALUE, 1);
        map.put(Integer.MAX_VALUE, 2);
        map.put(0, 3);
        map.put(-1, 4);
        assertEquals(1, map.get(Integer.MIN_VALUE));
        assertEquals(2, map.get(Integer.MAX_VALUE));
        assertEquals(3, map.get(0));
        assertEquals(4, map.get(-1));
    }

    @Test
    void shouldRefuseANewKeyWhenFullButAcceptAReplacement() {
        IntIntMap map = new IntIntMap(2);
        map.put(1, 1);
        map.put(2, 2);
        map.put(2, 5);
        assertEquals(5, map.get(2));
        assertThrows(IllegalStateException.class, () -> map.put(3, 3));
        assertThrows(IllegalArgumentException.class, () -> map.put(1, -1));
    }
}
