package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.ClientWorldState;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.server.protocol.binary.support.GoldenVectors;
import org.jetraiders.server.protocol.binary.support.SimulatedGame;
import org.jetraiders.engine.EncodedBuffer;
import org.junit.jupiter.api.Test;

/** The client library's decoder against the server's real encoder: baselines it lacks, mutated frames. */
class ClientDecoderAgainstEncoderTest {
    @Test
    void shouldReportAMissingBaseline() {
        EncodedBuffer frame = new EncodedBuffer(64);
        BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        encoder.encode(GoldenVectors.tick123(), 0, 0, frame);
        encoder.encode(GoldenVectors.tick125(), 0, 123, frame);
        BinarySnapshotDecoder client = new BinarySnapshotDecoder();
        assertEquals(DecodeResult.UNKNOWN_BASELINE, client.decode(frame.array(), 0, frame.length()));
        assertEquals(0, client.latestTick());
    }

    @Test
    void shouldNeverThrowForMutatedServerFrames() {
        SimulatedGame game = new SimulatedGame(11, 16, 0.45, 50);
        List<byte[]> frames = new ArrayList<>();
        EncodedBuffer frame = new EncodedBuffer(256);
        for (BinaryMode mode : BinaryMode.values()) {
            BinaryClientEncoder encoder = new BinaryClientEncoder(mode, 60);
            long ack = 0;
            for (int t = 0; t < 200; t++) {
                Snapshot s = game.step();
                encoder.encode(s, t, ack, frame);
                frames.add(frame.toByteArray());
                ack = s.tick() - 2;
            }
        }
        SplittableRandom random = new SplittableRandom(3);
        BinarySnapshotDecoder client = new BinarySnapshotDecoder();
        int ok = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] f = frames.get(random.nextInt(frames.size())).clone();
            int length = f.length;
            switch (random.nextInt(4)) {
                case 0 -> length = random.nextInt(f.length + 1);
                case 1 -> f[random.nextInt(f.length)] = (byte) random.nextInt(256);
                case 2 -> {
                    for (int k = 2; k < f.length; k++) {
                        f[k] = (byte) random.nextInt(256);
                    }
                }
                default -> f[random.nextInt(f.length)] ^= (byte) (1 << random.nextInt(8));
            }
            DecodeResult r = client.decode(f, 0, length);
            if (r == DecodeResult.OK) {
                ok++;
                ClientWorldState s = client.latest();
                for (int k = 1; k < s.planeCount(); k++) {
                    assertTrue(s.planeId(k - 1) < s.planeId(k));
                }
                for (int k = 1; k < s.projectileCount(); k++) {
                    assertTrue(s.projectileId(k - 1) < s.projectileId(k));
                }
            }
        }
        assertTrue(ok > 0);
    }
}
