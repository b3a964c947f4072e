package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SelectedKeySet} as the JDK's selector and Java-WebSocket's loop use it: the JDK asks
 * {@code contains} and adds each ready key, the library walks the iterator and removes the keys it
 * handled. Checked against a reference identity set over any sequence of those operations, across
 * the index's growth and the removals that shift its probe runs.
 */
class SelectedKeySetTest {
    /** 0: add a key (maybe one already in), 1: remove through the iterator, 2: remove(Object), 3: clear. */
    @Provide
    Arbitrary<List<int[]>> operations() {
        return Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(600)
                .map(rolls -> {
                    List<int[]> ops = new ArrayList<>();
                    for (int i = 0; i < rolls.size(); i++) {
                        int roll = rolls.get(i);
                        int op = roll < 60 ? 0 : roll < 85 ? 1 : roll < 99 ? 2 : 3;
                        ops.add(new int[] {op, (roll * 7919 + i * 31) % 400});
                    }
                    return ops;
                });
    }

    @Property(tries = 300)
    void shouldHoldExactlyTheKeysAReferenceSetHoldsAfterAnyAddsAndRemovals(
            @ForAll("operations") List<int[]> ops) {
        List<SelectionKey> pool = keys(400);
        SelectedKeySet set = new SelectedKeySet(0);
        Set<SelectionKey> reference = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int[] op : ops) {
            SelectionKey key = pool.get(op[1]);
            switch (op[0]) {
                case 0 -> assertEquals(reference.add(key), set.add(key), "add's answer");
                case 1 -> {
                    // the library's walk: remove every key whose number has the op's parity
                    for (Iterator<SelectionKey> it = set.iterator(); it.hasNext(); ) {
                        SelectionKey k = it.next();
                        if (pool.indexOf(k) % 2 == op[1] % 2) {
                            it.remove();
                            reference.remove(k);
                        }
                    }
                }
                case 2 -> assertEquals(reference.remove(key), set.remove(key), "remove's answer");
                default -> {
                    set.clear();
                    reference.clear();
                }
            }
            assertEquals(reference.size(), set.size());
        }
        for (SelectionKey key : pool) {
            assertEquals(reference.contains(key), set.contains(key), "contains " + pool.indexOf(key));
        }
        List<SelectionKey> walked = new ArrayList<>();
        set.iterator().forEachRemaining(walked::add);
        assertEquals(reference.size(), walked.size());
        assertTrue(reference.containsAll(walked), "the iterator walks exactly the keys held");
    }

    @Test
    void shouldWalkEveryKeyOnceAndEndEmptyWhenTheLibraryRemovesEachAsItGoes() {
        List<SelectionKey> pool = keys(1000);
        SelectedKeySet set = new SelectedKeySet(0);
        pool.forEach(set::add);
        Set<SelectionKey> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Iterator<SelectionKey> it = set.iterator(); it.hasNext(); ) {
            assertTrue(seen.add(it.next()), "each key once");
            it.remove();
        }
        assertEquals(1000, seen.size());
        assertEquals(0, set.size());
        assertFalse(set.contains(pool.get(0)));
        assertFalse(set.contains(null));
    }

    private static List<SelectionKey> keys(int n) {
        List<SelectionKey> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(new FakeKey());
        }
        return keys;
    }

    /** A key of no channel: the set only compares identities. */
    private static final class FakeKey extends SelectionKey {
        @Override
        public SelectableChannel channel() {
            return null;
        }

        @Override
        public Selector selector() {
            return null;
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public void cancel() {
        }

        @Override
        public int interestOps() {
            return 0;
        }

        @Override
        public SelectionKey interestOps(int ops) {
            return this;
        }

        @Override
        public int readyOps() {
            return SelectionKey.OP_READ;
        }
    }
}
