package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.binary.support.SimulatedGame;
import org.junit.jupiter.api.Test;

class BinaryQuantizeStageTest {
    private final EncodedBuffer unused = new EncodedBuffer(16);

    @Test
    void shouldQuantizeOnlyWhileBinaryClientsAreAttached() {
        SimulatedGame game = new SimulatedGame(3, 4, 0.3, 0);
        BinaryQuantizeStage stage = new BinaryQuantizeStage(64, 60);

        Snapshot before = game.step();
        stage.encode(before, unused);
        assertNull(stage.stateFor(before), "no binary client yet: nothing quantized");

        stage.markInUse();
        stage.markInUse();
        Snapshot during = game.step();
        stage.encode(during, unused);
        assertNotNull(stage.stateFor(during));

        stage.release();
        Snapshot oneLeft = game.step();
        stage.encode(oneLeft, unused);
        assertNotNull(stage.stateFor(oneLeft), "one binary client is still attached");

        stage.release();
        Snapshot after = game.step();
        stage.encode(after, unused);
        assertNull(stage.stateFor(after), "the last binary client left: quantizing stops");
    }

    @Test
    void shouldHoldABaselineOnlyUntilANewerSnapshotTakesItsSlot() {
        SimulatedGame game = new SimulatedGame(4, 4, 0.3, 0);
        BinaryQuantizeStage stage = new BinaryQuantizeStage(8, 60);
        stage.markInUse();
        Snapshot first = game.step(); // sequence 0
        stage.encode(first, unused);
        long sequence = first.sequence();
        QuantizedState held = stage.heldState(sequence);
        assertNotNull(held);
        assertTrue(stage.stillHolds(sequence));
        for (int i = 1; i < 8; i++) {
            stage.encode(game.step(), unused); // the other seven slots
        }
        assertSame(held, stage.heldState(sequence), "eight slots: still held");
        Snapshot ninth = game.step();
        stage.encode(ninth, unused); // takes the first snapshot's slot
        assertNull(stage.heldState(sequence));
        assertFalse(stage.stillHolds(sequence), "a reader of the old state must throw away what it built");
        assertSame(held, stage.heldState(ninth.sequence()), "the slot now holds the ninth");
        assertNull(stage.heldState(-1), "no sequence");
        assertNull(stage.heldState(ninth.sequence() + 8), "a sequence not quantized yet");
    }
}
