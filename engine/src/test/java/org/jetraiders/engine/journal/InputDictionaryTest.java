package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The writer's and reader's shared dictionary: entries by player id, through its cache and around it. */
class InputDictionaryTest {
    @Test
    void shouldFindEveryBoundIdWhenIdsShareACacheSlot() {
        InputDictionary d = new InputDictionary();
        int a = d.bind(1);
        int b = d.bind(257); // 1 + 256: the same slot of the 256-slot cache
        int c = d.bind(513);
        for (int round = 0; round < 3; round++) { // alternating lookups evict each other from the cache
            assertEquals(a, d.indexOf(1));
            assertEquals(b, d.indexOf(257));
            assertEquals(c, d.indexOf(513));
        }
    }

    @Test
    void shouldForgetAnUnboundIdEvenRightAfterLookingItUp() {
        InputDictionary d = new InputDictionary();
        d.bind(7);
        int eight = d.bind(8);
        assertEquals(0, d.indexOf(7)); // now cached
        d.unbind(7);
        assertEquals(InputDictionary.NONE, d.indexOf(7));
        assertEquals(0, d.bind(9), "the freed entry is reused");
        assertEquals(InputDictionary.NONE, d.indexOf(7));
        assertEquals(eight, d.indexOf(8));
        assertEquals(0, d.indexOf(9));
    }

    @Test
    void shouldForgetEveryIdOnReset() {
        InputDictionary d = new InputDictionary();
        d.bind(3);
        d.bind(300);
        assertEquals(0, d.indexOf(3));
        assertEquals(1, d.indexOf(300));
        d.reset();
        assertEquals(InputDictionary.NONE, d.indexOf(3));
        assertEquals(InputDictionary.NONE, d.indexOf(300));
        assertEquals(0, d.bind(300), "entries start again from the lowest");
        assertEquals(0, d.indexOf(300));
    }

    @Test
    void shouldNeverMistakeAnAbsentIdForTheCachesEmptyMark() {
        InputDictionary d = new InputDictionary();
        assertEquals(InputDictionary.NONE, d.indexOf(Integer.MIN_VALUE));
        assertEquals(InputDictionary.NONE, d.indexOf(0));
        int min = d.bind(Integer.MIN_VALUE); // a file may bind any id
        assertEquals(min, d.indexOf(Integer.MIN_VALUE));
        d.unbind(Integer.MIN_VALUE);
        assertEquals(InputDictionary.NONE, d.indexOf(Integer.MIN_VALUE));
    }

    @Test
    void shouldGrowPastItsFirstSizeKeepingEveryEntryAndItsPreviousInputUpToTheFormatsLimit() {
        InputDictionary d = new InputDictionary();
        assertEquals(InputDictionary.INITIAL_ENTRIES, d.capacity(), "a lobby starts with room for its players only");
        for (int id = 0; id < JournalDescriptor.MAX_DICTIONARY; id++) {
            int entry = d.bind(1_000 + id);
            assertEquals(id, entry, "the lowest free entry, as the reader expects");
            d.thrust[entry] = id;
            d.seq[entry] = id * 10L;
            if (id == 10) {
                d.unbind(1_000 + 5); // a hole below the growth point is reused later
                assertEquals(5, d.bind(1_000 + 5));
                d.thrust[5] = 5;
                d.seq[5] = 50;
            }
        }
        assertTrue(d.isFull());
        assertEquals(JournalDescriptor.MAX_DICTIONARY, d.capacity());
        for (int id = 0; id < JournalDescriptor.MAX_DICTIONARY; id++) {
            int entry = d.indexOf(1_000 + id);
            assertEquals(id, entry);
            assertEquals(id, d.thrust[entry], 0.0);
            assertEquals(id * 10L, d.seq[entry]);
        }
        d.reset();
        assertFalse(d.isFull());
        assertEquals(InputDictionary.NONE, d.indexOf(1_000 + 70));
        assertEquals(0, d.bind(42), "after a reset the entries start again at 0");
    }
}
