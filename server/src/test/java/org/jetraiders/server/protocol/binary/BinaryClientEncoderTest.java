package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.ClientWorldState;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.server.protocol.binary.support.GoldenVectors;
import org.jetraiders.server.protocol.binary.support.SimulatedGame;
import org.jetraiders.engine.EncodedBuffer;
import org.junit.jupiter.api.Test;

class BinaryClientEncoderTest {
    private final EncodedBuffer frame = new EncodedBuffer(256);
    private final EncodedBuffer fullFrame = new EncodedBuffer(256);

    /** Decodes a fresh full frame of the same snapshot: the reference a delta-built state must equal. */
    private ClientWorldState reference(Snapshot s, BinaryMode mode) {
        BinaryClientEncoder fresh = new BinaryClientEncoder(mode == BinaryMode.QUANTIZED ? BinaryMode.QUANTIZED : BinaryMode.DELTA, 60);
        fresh.encode(s, 0, 0, fullFrame);
        BinarySnapshotDecoder d = new BinarySnapshotDecoder();
        assertEquals(DecodeResult.OK, d.decode(fullFrame.array(), 0, fullFrame.length()));
        return d.latest();
    }

    @Test
    void shouldWriteTheSameBytesFromTheLobbysSharedQuantizationAsFromItsOwn() {
        SimulatedGame game = new SimulatedGame(5, 16, 0.45, 97);
        BinaryQuantizeStage stage = new BinaryQuantizeStage(64, 60);
        stage.markInUse();
        org.jetraiders.engine.EncodedBuffer unused = new org.jetraiders.engine.EncodedBuffer(16);
        BinaryClientEncoder own = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        BinaryClientEncoder shared = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        EncodedBuffer sharedFrame = new EncodedBuffer(256);
        SplittableRandom random = new SplittableRandom(9);
        long ack = 0;
        for (int t = 0; t < 2000; t++) {
            Snapshot s = game.step();
            stage.encode(s, unused); // what the encoding stage does once per tick
            if (random.nextInt(4) == 0) {
                ack = Math.max(0, s.tick() - random.nextInt(1, 40));
            }
            own.encode(s, t, ack, frame);
            shared.encode(stage, s, t, ack, sharedFrame);
            assertEquals(java.util.Arrays.toString(frame.toByteArray()), java.util.Arrays.toString(sharedFrame.toByteArray()),
                    "tick " + s.tick());
        }
        assertTrue(shared.deltaFrames() > 1000, "deltas " + shared.deltaFrames());
    }

    @Test
    void shouldGiveClientsThatAcknowledgedTheSameTickTheSameDeltaBodyBuiltOnceAndTheSameBytesAsAlone() {
        SimulatedGame game = new SimulatedGame(7, 16, 0.45, 31);
        BinaryQuantizeStage stage = new BinaryQuantizeStage(64, 60);
        stage.markInUse();
        EncodedBuffer unused = new EncodedBuffer(16);
        int clients = 6;
        BinaryClientEncoder[] alone = new BinaryClientEncoder[clients];
        BinaryClientEncoder[] sharing = new BinaryClientEncoder[clients];
        long[] acks = new long[clients];
        for (int c = 0; c < clients; c++) {
            alone[c] = new BinaryClientEncoder(BinaryMode.DELTA, 60);
            sharing[c] = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        }
        EncodedBuffer sharedFrame = new EncodedBuffer(256);
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 1500; t++) {
            Snapshot s = game.step();
            stage.encode(s, unused);
            for (int c = 0; c < clients; c++) {
                // most clients ack the previous tick, some lag behind or never ack (full frames)
                int roll = random.nextInt(10);
                acks[c] = roll < 6 ? s.tick() - 1 : roll < 8 ? Math.max(0, s.tick() - random.nextInt(2, 30)) : acks[c];
                alone[c].encode(s, 1000 + c, acks[c], frame);
                sharing[c].encode(stage, s, 1000 + c, acks[c], sharedFrame);
                assertEquals(java.util.Arrays.toString(frame.toByteArray()), java.util.Arrays.toString(sharedFrame.toByteArray()),
                        "client " + c + " tick " + s.tick());
            }
        }
        assertTrue(stage.deltaBodiesReused() > 1500 * 2, "bodies reused: " + stage.deltaBodiesReused());
    }

    /**
     * Frames are built in a buffer of the calling thread's, shared by every encoder that thread serves
     * (the client threads serve hundreds): two threads encoding at once must not see each other's bytes.
     */
    @Test
    void shouldBuildEveryFrameRightWhileAnotherThreadEncodesAtTheSameTime() throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Integer> encodeAndCompare = () -> {
            SimulatedGame game = new SimulatedGame(Thread.currentThread().getId(), 16, 0.45, 0);
            BinaryQuantizeStage stage = new BinaryQuantizeStage(64, 60);
            stage.markInUse();
            EncodedBuffer unused = new EncodedBuffer(16);
            BinaryClientEncoder own = new BinaryClientEncoder(BinaryMode.DELTA, 60);
            BinaryClientEncoder shared = new BinaryClientEncoder(BinaryMode.DELTA, 60);
            EncodedBuffer ownFrame = new EncodedBuffer(256);
            EncodedBuffer sharedFrame = new EncodedBuffer(256);
            SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
            long ack = 0;
            int compared = 0;
            start.await();
            for (int t = 0; t < 3000; t++) {
                Snapshot s = game.step();
                stage.encode(s, unused);
                ack = random.nextInt(8) == 0 ? 0 : Math.max(0, s.tick() - random.nextInt(1, 6)); // some full frames
                own.encode(s, t, ack, ownFrame);
                shared.encode(stage, s, t, ack, sharedFrame);
                assertEquals(java.util.Arrays.toString(ownFrame.toByteArray()),
                        java.util.Arrays.toString(sharedFrame.toByteArray()), "tick " + s.tick());
                compared++;
            }
            return compared;
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> first = threads.submit(encodeAndCompare);
            java.util.concurrent.Future<Integer> second = threads.submit(encodeAndCompare);
            assertEquals(3000, first.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(3000, second.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldQuantizeItselfWhenTheSharedStageHasNoStateForTheSnapshot() {
        SimulatedGame game = new SimulatedGame(6, 8, 0.3, 0);
        BinaryQuantizeStage idle = new BinaryQuantizeStage(64, 60); // never marked in use: quantizes nothing
        BinaryClientEncoder own = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        BinaryClientEncoder shared = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        EncodedBuffer sharedFrame = new EncodedBuffer(256);
        for (int t = 0; t < 50; t++) {
            Snapshot s = game.step();
            idle.encode(s, new org.jetraiders.engine.EncodedBuffer(16));
            own.encode(s, 0, 0, frame);
            shared.encode(idle, s, 0, 0, sharedFrame);
            assertEquals(java.util.Arrays.toString(frame.toByteArray()), java.util.Arrays.toString(sharedFrame.toByteArray()));
        }
    }

    @Test
    void shouldReconstructEveryTickFromDeltasDespiteLossAndDelayedAcks() {
        for (long seed = 1; seed <= 3; seed++) {
            SimulatedGame game = new SimulatedGame(seed, 16, 0.45, 97);
            SplittableRandom random = new SplittableRandom(seed * 31);
            BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
            BinarySnapshotDecoder client = new BinarySnapshotDecoder();
            ArrayDeque<long[]> acksInFlight = new ArrayDeque<>(); // {arrivalTick, ackedTick}
            long serverAck = 0;
            int received = 0;
            int deltas = 0;
            for (int t = 0; t < 4000; t++) {
                Snapshot s = game.step();
                while (!acksInFlight.isEmpty() && acksInFlight.peekFirst()[0] <= s.tick()) {
                    long acked = acksInFlight.pollFirst()[1];
                    // acks may arrive reordered: a random older one sometimes overtakes
                    serverAck = random.nextInt(10) == 0 ? Math.min(serverAck, acked) : Math.max(serverAck, acked);
                }
                int deltasBefore = encoder.deltaFrames();
                encoder.encode(s, 0, serverAck, frame);
                boolean wasDelta = encoder.deltaFrames() > deltasBefore;
                if (random.nextInt(100) < 15) {
                    continue; // lost (a Lagged skip of this frame) : the client never sees it
                }
                DecodeResult result = client.decode(frame.array(), 0, frame.length());
                assertEquals(DecodeResult.OK, result, "tick " + s.tick());
                received++;
                ClientWorldState expected = reference(s, BinaryMode.DELTA);
                assertTrue(client.latest().sameWorld(expected),
                        "tick " + s.tick() + "\n got " + client.latest() + "\nwant " + expected);
                acksInFlight.addLast(new long[] {s.tick() + 1 + random.nextInt(12), client.latestTick()});
                if (wasDelta) {
                    deltas++;
                }
            }
            assertTrue(received > 3000, "received " + received);
            assertTrue(deltas > received / 2, "deltas " + deltas + " of " + received);
            assertTrue(encoder.deltaFrames() > encoder.fullFrames());
        }
    }

    @Test
    void shouldReconstructProjectileEventsAndQuantizedFramesWithoutLoss() {
        for (BinaryMode mode : new BinaryMode[] {BinaryMode.QUANTIZED, BinaryMode.PROJECTILE_EVENTS}) {
            SimulatedGame game = new SimulatedGame(7, 16, 0.45, 131);
            BinaryClientEncoder encoder = new BinaryClientEncoder(mode, 60);
            BinarySnapshotDecoder client = new BinarySnapshotDecoder();
            for (int t = 0; t < 1500; t++) {
                Snapshot s = game.step();
                encoder.encode(s, t, 0, frame);
                assertEquals(DecodeResult.OK, client.decode(frame.array(), 0, frame.length()));
                assertTrue(client.latest().sameWorld(reference(s, mode)), mode + " tick " + s.tick());
                assertEquals(t, client.latest().ack());
            }
        }
    }

    @Test
    void shouldPredictProjectilePositionsWithinAQuarterPixel() {
        SimulatedGame game = new SimulatedGame(3, 16, 0.45, 0);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        BinarySnapshotDecoder client = new BinarySnapshotDecoder();
        int checked = 0;
        for (int t = 0; t < 600; t++) {
            Snapshot s = game.step();
            encoder.encode(s, 0, client.latestTick(), frame);
            assertEquals(DecodeResult.OK, client.decode(frame.array(), 0, frame.length()));
            ClientWorldState c = client.latest();
            assertEquals(s.projectileCount(), c.projectileCount());
            for (int i = 0; i < s.projectileCount(); i++) {
                int k = indexOfProjectile(c, s.projectileId(i));
                assertTrue(Math.abs(c.projectileX(k) - s.projectileX(i)) <= 0.25);
                assertTrue(Math.abs(c.projectileY(k) - s.projectileY(i)) <= 0.25);
                checked++;
            }
        }
        assertTrue(checked > 10_000, "checked " + checked);
    }

    private static int indexOfProjectile(ClientWorldState c, int id) {
        for (int i = 0; i < c.projectileCount(); i++) {
            if (c.projectileId(i) == id) {
                return i;
            }
        }
        throw new AssertionError("projectile " + id + " missing");
    }

    @Test
    void shouldSendAFullFrameAfterResetBaseline() {
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        encoder.encode(GoldenVectors.tick123(), 0, 0, frame);
        encoder.encode(GoldenVectors.tick125(), 0, 123, frame);
        assertEquals(2, frame.array()[5], "delta against tick 123");
        encoder.resetBaseline();
        encoder.encode(GoldenVectors.tick125().tick(126), 0, 123, frame);
        assertEquals(0, frame.array()[5], "plane baseline");
        assertEquals(0, frame.array()[6], "projectile baseline");
        assertEquals(2, encoder.fullFrames());
    }

    @Test
    void shouldSendAFullFrameWhenTheAcknowledgedTickIsNoLongerInTheHistory() {
        SimulatedGame game = new SimulatedGame(5, 4, 0.3, 0);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60, 32);
        long firstTick = 0;
        for (int t = 0; t < 40; t++) {
            Snapshot s = game.step();
            if (t == 0) {
                firstTick = s.tick();
            }
            encoder.encode(s, 0, firstTick, frame);
            boolean delta = frame.array()[5] != 0;
            assertEquals(t >= 1 && t <= 32, delta, "frame " + t); // tick 1 stays for 32 more frames
        }
    }

    @Test
    void shouldSendAFullFrameForAnAckOfATickNeverSent() {
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        encoder.encode(GoldenVectors.tick123(), 0, 0, frame);
        encoder.encode(GoldenVectors.tick125(), 0, 124, frame);
        assertEquals(0, frame.array()[5]);
        encoder.encode(GoldenVectors.tick125().tick(127), 0, 999, frame);
        assertEquals(0, frame.array()[5]);
    }

    @Test
    void shouldNotAllocateInSteadyState() {
        SimulatedGame game = new SimulatedGame(9, 16, 0.45, 0);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        long ack = 0;
        for (int t = 0; t < 2000; t++) {
            Snapshot s = game.step();
            encoder.encode(s, t, ack, frame);
            ack = s.tick() - 3;
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long allocated = 0;
        for (int t = 0; t < 500; t++) {
            Snapshot s = game.step(); // the simulation is outside the measured window
            long before = mx.getThreadAllocatedBytes(tid);
            encoder.encode(s, t, ack, frame);
            allocated += mx.getThreadAllocatedBytes(tid) - before;
            ack = s.tick() - 3;
        }
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes in 500 encodes");
    }
}
