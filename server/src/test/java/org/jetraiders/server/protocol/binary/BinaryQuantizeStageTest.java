package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
