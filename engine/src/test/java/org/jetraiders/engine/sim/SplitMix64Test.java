package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void shouldProduceTheReferenceSequenceForSeedZero() {
        SplitMix64 r = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, r.nextLong());
        assertEquals(0x06C45D188009454FL, r.nextLong());
    }

    @Test
    void shouldAgreeWithTheJdksSplitMixForManySeeds() {
        SplittableRandom seeds = new SplittableRandom(1);
        for (int s = 0; s < 100; s++) {
            long seed = seeds.nextLong();
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 100; i++) {
                assertEquals(jdk.nextLong(), ours.nextLong());
            }
        }
    }

    @Test
    void shouldDrawDoublesInTheHalfOpenUnitInterval() {
        SplitMix64 r = new SplitMix64(7);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double d = r.nextDouble();
            assertTrue(d >= 0 && d < 1);
            sum += d;
        }
        assertEquals(0.5, sum / 100_000, 0.01);
    }
}
