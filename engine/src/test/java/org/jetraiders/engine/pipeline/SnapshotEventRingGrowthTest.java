package org.jetraiders.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventFactory;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.SharedCapacity;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.sim.World;
import org.junit.jupiter.api.Test;

/** The slots of one output ring grow together, so a ring stops allocating one lap after its busiest tick. */
class SnapshotEventRingGrowthTest {

    @Test
    void shouldGrowEverySlotOfARingToItsBusiestTickAtTheSlotsNextWrite() {
        EventFactory<SnapshotEvent> ring = SnapshotEvent.factoryForOneRing(1);
        SnapshotEvent busySlot = ring.newInstance();
        SnapshotEvent quietSlot = ring.newInstance();
        World busy = worldFiringFor(16, 90);
        assertTrue(busy.projectileCount() > 64, "the test needs a tick beyond a slot's first room, had "
                + busy.projectileCount());

        busySlot.copyFrom(busy, 0, null);
        quietSlot.copyFrom(worldFiringFor(1, 0), 1, null);

        assertTrue(quietSlot.projectileCapacity() >= busy.projectileCount(), "a quiet tick's slot grew to "
                + quietSlot.projectileCapacity() + ", below the ring's busiest tick of " + busy.projectileCount());
        assertEquals(busySlot.projectileCapacity(), quietSlot.projectileCapacity());
    }

    @Test
    void shouldGrowASlotOfAnotherRingOrOnItsOwnOnlyForItsOwnTicks() {
        SnapshotEvent busySlot = SnapshotEvent.factoryForOneRing(1).newInstance();
        SnapshotEvent otherRing = SnapshotEvent.factoryForOneRing(1).newInstance();
        SnapshotEvent alone = new SnapshotEvent(1);
        busySlot.copyFrom(worldFiringFor(16, 90), 0, null);

        World quiet = worldFiringFor(1, 0);
        otherRing.copyFrom(quiet, 0, null);
        alone.copyFrom(quiet, 0, null);

        assertEquals(64, otherRing.projectileCapacity());
        assertEquals(64, alone.projectileCapacity());
    }

    @Test
    void shouldCarryTheBusiestTicksProjectilesIntact() {
        SnapshotEvent slot = SnapshotEvent.factoryForOneRing(1).newInstance();
        World busy = worldFiringFor(16, 90);
        slot.copyFrom(worldFiringFor(1, 0), 0, null);
        slot.copyFrom(busy, 1, null);

        assertEquals(busy.projectileCount(), slot.projectileCount());
        for (int i = 0; i < busy.projectileCount(); i++) {
            assertEquals(busy.projectileId(i), slot.projectileId(i));
            assertEquals(busy.projectileOwner(i), slot.projectileOwner(i));
            assertEquals(busy.projectileX(i), slot.projectileX(i));
            assertEquals(busy.projectileY(i), slot.projectileY(i));
            assertEquals(busy.projectileRot(i), slot.projectileRot(i));
            assertEquals(busy.projectileVx(i), slot.projectileVx(i));
            assertEquals(busy.projectileVy(i), slot.projectileVy(i));
            assertEquals(busy.projectileSpawnTick(i), slot.projectileSpawnTick(i));
        }
    }

    @Test
    void shouldGrowAnEncodedBufferToWhatAnotherOfItsRingNeededWhenItIsResetForWriting() {
        SharedCapacity bytes = new SharedCapacity(256);
        EncodedBuffer big = new EncodedBuffer(256, bytes);
        EncodedBuffer small = new EncodedBuffer(256, bytes);
        big.put(new byte[5_000], 0, 5_000);

        small.put((byte) 1);
        small.resetToSharedCapacity();

        assertEquals(0, small.length());
        assertTrue(small.array().length >= 5_000, "grew to " + small.array().length);
    }

    @Test
    void shouldDoubleAnEncodedBufferThatSharesNothing() {
        EncodedBuffer alone = new EncodedBuffer(256);
        alone.ensureCapacity(257);
        alone.resetToSharedCapacity();
        assertEquals(512, alone.array().length);
    }

    /** A world whose players hold the trigger for {@code ticks} ticks. */
    private static World worldFiringFor(int players, int ticks) {
        World world = new World(Tuning.defaults(), 60, players, 7);
        for (int id = 1; id <= players; id++) {
            world.addPlayer(id, "p" + id);
        }
        long seq = 0;
        for (int t = 0; t < ticks; t++) {
            for (int id = 1; id <= players; id++) {
                int slot = world.slotOf(id);
                world.setInput(slot, 1.0, (id % 3) - 1, true, ++seq);
            }
            world.step();
        }
        return world;
    }
}
