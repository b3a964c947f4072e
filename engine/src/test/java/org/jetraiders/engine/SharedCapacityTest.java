package org.jetraiders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SharedCapacityTest {

    @Test
    void shouldKeepItsCapacityWhileNeedsFitInIt() {
        SharedCapacity room = new SharedCapacity(64);
        assertEquals(64, room.fit(0));
        assertEquals(64, room.fit(64));
        assertEquals(64, room.capacity());
    }

    @Test
    void shouldGrowByAQuarterAlignedToSixteenWhenANeedIsJustAboveIt() {
        SharedCapacity room = new SharedCapacity(64);
        assertEquals(80, room.fit(65), "64 + 16, not a doubling to 128");
        assertEquals(112, room.fit(97), "a need above a quarter more is met, then aligned");
    }

    @Test
    void shouldRejectANegativeStart() {
        assertThrows(IllegalArgumentException.class, () -> new SharedCapacity(-1));
    }

    @Property
    void shouldAlwaysHoldTheLargestNeedSeenAndNeverShrink(@ForAll("needs") int[] needs) {
        SharedCapacity room = new SharedCapacity(16);
        int largest = 0;
        int previous = room.capacity();
        for (int need : needs) {
            int capacity = room.fit(need);
            largest = Math.max(largest, need);
            assertTrue(capacity >= largest, "capacity " + capacity + " below a need of " + largest);
            assertTrue(capacity >= previous, "shrank from " + previous + " to " + capacity);
            assertEquals(capacity, room.capacity());
            previous = capacity;
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<int[]> needs() {
        return net.jqwik.api.Arbitraries.integers().between(0, 100_000).array(int[].class).ofMaxSize(50);
    }

    @Property(tries = 100)
    void shouldGrowAtMostAboutLogarithmicallyOftenForRisingNeeds(@ForAll @IntRange(min = 100, max = 1_000_000) int top) {
        SharedCapacity room = new SharedCapacity(16);
        int growths = 0;
        for (int need = 0; need <= top; need++) {
            int before = room.capacity();
            if (room.fit(need) != before) {
                growths++;
            }
        }
        // growth by a quarter: log base 1.25 of (top / 16), plus a few for the alignment at small sizes
        double bound = Math.log(top / 16.0) / Math.log(1.25) + 4;
        assertTrue(growths <= bound, growths + " growths to reach " + top + ", more than " + bound);
    }
}
