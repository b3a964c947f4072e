package org.jetraiders.bench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.transport.DirectSendPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SendPathBenchmark compares like with like: its two paths put the same bytes on the wire for the same
 * snapshots and acks (the server's path in one write per tick, the library's in one per frame), and
 * the library path leaves nothing in Java-WebSocket's queue.
 */
class SendPathEquivalenceTest {
    private static final int SENDS = 600; // past the recording's wrap-around
    private static final int PLAYER = SendPathBenchmark.PLAYER_ID;
    private static SnapshotEvent[] snapshots;
    private static BinaryQuantizeStage quantized;

    @BeforeAll
    static void record() {
        quantized = new BinaryQuantizeStage(SendPathBenchmark.RECORDED_TICKS, BattleScenario.TICK_RATE_HZ);
        snapshots = SendPathBenchmark.record(BattleScenario.create(16, 200), quantized);
    }

    @Test
    void shouldPutTheSameJsonFramesOnTheWire() throws Exception {
        try (LoopbackSocket ours = LoopbackSocket.openKeepingCopy("ours");
             LoopbackSocket theirs = LoopbackSocket.openKeepingCopy("theirs")) {
            DirectSendPath direct = DirectSendPath.json(ours.server(), PLAYER);
            try (LibrarySendPath library = LibrarySendPath.json(theirs.server(), PLAYER)) {
                for (int i = 0; i < SENDS; i++) {
                    SnapshotEvent s = snapshots[i % snapshots.length];
                    direct.send(s);
                    library.send(s);
                    library.selectorWrite();
                    assertEquals(0, library.queuedFrames(), "the library's queue was not drained");
                }
            }
            assertSameBytes(direct, ours, theirs);
        }
    }

    @Test
    void shouldPutTheSameBinaryDeltaFramesOnTheWire() throws Exception {
        try (LoopbackSocket ours = LoopbackSocket.openKeepingCopy("ours");
             LoopbackSocket theirs = LoopbackSocket.openKeepingCopy("theirs")) {
            DirectSendPath direct = DirectSendPath.binaryDelta(ours.server(), PLAYER, quantized,
                    BattleScenario.TICK_RATE_HZ);
            try (LibrarySendPath library = LibrarySendPath.binaryDelta(theirs.server(), PLAYER, quantized,
                    BattleScenario.TICK_RATE_HZ)) {
                for (int i = 0; i < SENDS; i++) {
                    SnapshotEvent s = snapshots[i % snapshots.length];
                    direct.acknowledged(s.tick() - SendPathBenchmark.ACK_LAG_TICKS);
                    direct.send(s);
                    library.acknowledged(s.tick() - SendPathBenchmark.ACK_LAG_TICKS);
                    library.send(s);
                    library.selectorWrite();
                    assertEquals(0, library.queuedFrames(), "the library's queue was not drained");
                }
            }
            assertSameBytes(direct, ours, theirs);
        }
    }

    private static void assertSameBytes(DirectSendPath direct, LoopbackSocket ours, LoopbackSocket theirs) {
        long expected = direct.bytesWritten();
        assertTrue(expected > SENDS * 10L, "too few bytes written: " + expected);
        assertTrue(ours.awaitReceived(expected, 10_000), "our frames did not all arrive");
        assertTrue(theirs.awaitReceived(expected, 10_000), "the library's frames did not all arrive");
        byte[] a = ours.receivedBytes();
        byte[] b = theirs.receivedBytes();
        assertEquals(expected, a.length);
        assertArrayEquals(a, b, "the two paths sent different bytes");
        assertTrue(a[0] == (byte) 0x81 || a[0] == (byte) 0x82, "not a final text or binary frame: " + a[0]);
        assertEquals(0, a[1] & 0x80, "a server frame must not be masked");
    }
}
