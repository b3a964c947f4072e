package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.server.protocol.binary.support.SimulatedGame;
import org.junit.jupiter.api.Test;

/**
 * A binary client's delta baselines on the server's path: references into the lobby's
 * {@link BinaryQuantizeStage} ring, usable only for a frame this client was sent and only while the
 * stage's slot still holds that snapshot.
 */
class BinaryStageBaselinesTest {
    private final EncodedBuffer frame = new EncodedBuffer(256);
    private final EncodedBuffer unused = new EncodedBuffer(16);

    /** A lobby's stage with a binary client attached, so it quantizes every snapshot. */
    private static BinaryQuantizeStage stageInUse(int ringSize) {
        BinaryQuantizeStage stage = new BinaryQuantizeStage(ringSize, 60);
        stage.markInUse();
        return stage;
    }

    /** Encodes and tells whether the frame was built against a baseline. */
    private boolean encodedAsDelta(BinaryClientEncoder encoder, BinaryQuantizeStage stage, Snapshot s, long ackedTick) {
        int before = encoder.deltaFrames();
        encoder.encode(stage, s, 0, ackedTick, frame);
        return encoder.deltaFrames() > before;
    }

    @Test
    void shouldSendAFullFrameWhenTheAcknowledgedSnapshotsStageSlotWasReused() {
        SimulatedGame game = new SimulatedGame(4, 8, 0.4, 0);
        BinaryQuantizeStage stage = stageInUse(64);
        // a history longer than the stage's ring, so only the stage can make the ack unusable
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60, 128);
        BinaryClientEncoder alone = new BinaryClientEncoder(BinaryMode.DELTA, 60, 128); // own copies, no stage
        long[] ticks = new long[200];
        for (int t = 0; t < ticks.length; t++) {
            Snapshot s = game.step();
            stage.encode(s, unused);
            ticks[t] = s.tick();
            if (t < 100) {
                encoder.encode(stage, s, 0, 0, frame);
                alone.encode(s, 0, 0, frame);
            } else if (t % 2 == 0) {
                // 63 snapshots back: its slot still holds it; 64 back: this very snapshot took its slot
                assertTrue(encodedAsDelta(encoder, stage, s, ticks[t - 63]), "tick " + s.tick() + " acking 63 back");
                assertTrue(encodedAsDelta(alone, null, s, ticks[t - 63]));
            } else {
                assertFalse(encodedAsDelta(encoder, stage, s, ticks[t - 64]), "tick " + s.tick() + " acking 64 back");
                assertTrue(encodedAsDelta(alone, null, s, ticks[t - 64]), "without a stage the own copy serves");
            }
        }
        assertEquals(0, encoder.baselinesRewritten(), "no slot was rewritten while being read");
    }

    @Test
    void shouldSendAFullFrameForAnAckOfASnapshotTheStageHoldsButThisClientWasNotSent() {
        SimulatedGame game = new SimulatedGame(5, 8, 0.4, 0);
        BinaryQuantizeStage stage = stageInUse(64);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        long[] ticks = new long[30];
        for (int t = 0; t < ticks.length; t++) {
            Snapshot s = game.step();
            stage.encode(s, unused); // the encoding stage quantizes every snapshot, for every client
            ticks[t] = s.tick();
            if (t == 10 || t == 11) {
                continue; // this client's consumer skipped them (its send queue was full)
            }
            if (t == 20) {
                encoder.resetBaseline(); // the Lagged report after a skip: nothing sent before is a baseline
            }
            boolean delta = encodedAsDelta(encoder, stage, s, t == 0 ? 0 : ticks[t - 1]);
            if (t == 12) {
                assertFalse(delta, "tick " + ticks[11] + " was never sent to this client");
            } else if (t == 20) {
                assertFalse(delta, "tick " + ticks[19] + " was sent before the reset");
            } else {
                assertEquals(t > 0, delta, "frame " + t);
            }
        }
        assertTrue(encodedAsDelta(encoder, stage, game.step(), ticks[29]), "frames sent after the reset are baselines");
    }

    @Test
    void shouldSendAFullFrameForAnAckOfATickNotYetSent() {
        SimulatedGame game = new SimulatedGame(6, 8, 0.4, 0);
        BinaryQuantizeStage stage = stageInUse(64);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        SnapshotEvent[] ring = new SnapshotEvent[64];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new SnapshotEvent(0);
        }
        for (int t = 0; t < 20; t++) { // the encoding stage runs ahead of a client that lags behind
            game.stepInto(ring[t]);
            stage.encode(ring[t], unused);
        }
        encoder.encode(stage, ring[8], 0, 0, frame);
        assertFalse(encodedAsDelta(encoder, stage, ring[10], ring[15].tick()), "quantized, but not sent to it yet");
        assertFalse(encodedAsDelta(encoder, stage, ring[11], 1_000_000), "a tick that never was");
        assertFalse(encodedAsDelta(encoder, stage, ring[12], ring[12].tick()), "the frame being built");
        assertTrue(encodedAsDelta(encoder, stage, ring[13], ring[11].tick()));
    }

    @Test
    void shouldKeepNoBaselineCopiesOnTheStagePathAndAllocateNothingInSteadyState() {
        SimulatedGame game = new SimulatedGame(9, 16, 0.45, 0);
        BinaryQuantizeStage stage = stageInUse(64);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        BinaryClientEncoder events = new BinaryClientEncoder(BinaryMode.PROJECTILE_EVENTS, 60);
        long ack = 0;
        for (int t = 0; t < 2000; t++) {
            Snapshot s = game.step();
            stage.encode(s, unused);
            encoder.encode(stage, s, t, ack, frame);
            events.encode(stage, s, t, 0, frame);
            ack = s.tick() - 3;
        }
        assertTrue(encoder.deltaFrames() > 1990, "deltas " + encoder.deltaFrames());
        assertTrue(events.deltaFrames() > 1990, "deltas " + events.deltaFrames());
        assertEquals(0, encoder.baselineCopies());
        assertEquals(0, events.baselineCopies());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long allocated = 0;
        for (int t = 0; t < 500; t++) {
            Snapshot s = game.step(); // the simulation and the stage are outside the measured window
            stage.encode(s, unused);
            long before = mx.getThreadAllocatedBytes(tid);
            encoder.encode(stage, s, t, ack, frame);
            allocated += mx.getThreadAllocatedBytes(tid) - before;
            ack = s.tick() - 3;
        }
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes in 500 encodes");
    }

    /**
     * The server's threads in miniature: an output ring of 8 slots that a producer (the game loop and
     * the encoding stage) fills as far as the client's gating sequence lets it, and a client that
     * encodes each snapshot against the previous one. While the client builds snapshot S, the ring only
     * protects S: the producer may already rewrite the slot of S - 1, the client's baseline, with
     * S + 7. Every frame must still decode to exactly its snapshot (a delta built from a torn baseline
     * would not), whether it was sent as a delta or, after a detected rewrite, as a full frame.
     */
    @Test
    void shouldNeverSendADeltaBuiltFromABaselineTheEncodingThreadRewroteWhileItWasRead() throws Exception {
        int ringSize = 8;
        int frames = 20_000;
        SnapshotEvent[] ring = new SnapshotEvent[ringSize];
        for (int i = 0; i < ringSize; i++) {
            ring[i] = new SnapshotEvent(0);
        }
        BinaryQuantizeStage stage = stageInUse(ringSize);
        AtomicLong published = new AtomicLong(-1); // the producer's cursor
        AtomicLong gating = new AtomicLong(-1);    // the client's sequence: the last snapshot it finished
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            SimulatedGame game = new SimulatedGame(11, 16, 0.45, 23);
            SplittableRandom random = new SplittableRandom(3);
            try {
                for (long p = 0; p < frames + ringSize && !stop.get(); p++) {
                    // tryNext's rule: P - ringSize <= the client's sequence; sometimes it runs right at
                    // that limit (as a producer does whose client lags), sometimes closer behind
                    long lead = random.nextInt(3) == 0 ? ringSize : 1 + random.nextInt(ringSize);
                    while (p - lead > gating.get() && !stop.get()) {
                        Thread.onSpinWait();
                    }
                    game.stepInto(ring[(int) (p & (ringSize - 1))]);
                    stage.encode(ring[(int) (p & (ringSize - 1))], unused);
                    published.set(p);
                }
            } catch (Throwable t) {
                producerFailure.set(t);
            }
        }, "test-encoding-stage");
        producer.start();

        BinaryClientEncoder client = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        BinaryClientEncoder fullOnly = new BinaryClientEncoder(BinaryMode.DELTA, 60); // the reference
        BinarySnapshotDecoder received = new BinarySnapshotDecoder();
        BinarySnapshotDecoder expected = new BinarySnapshotDecoder();
        EncodedBuffer full = new EncodedBuffer(256);
        try {
            for (long s = 0; s < frames; s++) {
                while (published.get() < s) {
                    assertTrue(producer.isAlive() || published.get() >= s, "producer ended: " + producerFailure.get());
                    Thread.onSpinWait();
                }
                SnapshotEvent snapshot = ring[(int) (s & (ringSize - 1))];
                client.encode(stage, snapshot, 0, received.latestTick(), frame);
                assertEquals(DecodeResult.OK, received.decode(frame.array(), 0, frame.length()), "sequence " + s);
                fullOnly.resetBaseline();
                fullOnly.encode(snapshot, 0, 0, full);
                expected.reset();
                assertEquals(DecodeResult.OK, expected.decode(full.array(), 0, full.length()));
                assertTrue(received.latest().sameWorld(expected.latest()), "sequence " + s + " tick " + snapshot.tick()
                        + "\n got " + received.latest() + "\nwant " + expected.latest());
                gating.set(s);
            }
        } finally {
            stop.set(true);
            producer.join();
        }
        assertEquals(null, producerFailure.get());
        assertTrue(client.deltaFrames() > frames / 4, "deltas " + client.deltaFrames() + ", full " + client.fullFrames()
                + ", baselines rewritten while read " + client.baselinesRewritten());
        System.out.printf("# %d frames: %d deltas, %d full, %d rebuilt after their baseline was rewritten while read%n",
                frames, client.deltaFrames(), client.fullFrames(), client.baselinesRewritten());
    }
}
