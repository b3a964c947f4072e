package org.jetraiders.client.binary;

import static org.jetraiders.client.support.ProtocolDoc.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jetraiders.client.support.ProtocolDoc;
import org.junit.jupiter.api.Test;

/** The decoder against the golden vectors of docs/PROTOCOL.md (the server's tests check its encoders write them). */
class BinarySnapshotDecoderTest {
    private final BinarySnapshotDecoder decoder = new BinarySnapshotDecoder();

    private ClientWorldState decode(byte[] frame) {
        assertEquals(DecodeResult.OK, decoder.decode(frame, 0, frame.length));
        return decoder.latest();
    }

    @Test
    void shouldDecodeTheQuantizedVectorAsTheDocumentDescribesIt() {
        ClientWorldState s = decode(vector("world-quantized"));
        assertEquals(123, s.tick());
        assertEquals(42, s.ack());
        assertEquals(2, s.planeCount());
        assertEquals(7, s.planeId(0));
        assertEquals(1.25, s.planeX(0));
        assertEquals(-3.5, s.planeY(0));
        assertEquals(Math.PI / 4, s.planeRot(0), 1e-12);
        assertEquals(100, s.planeHp(0));
        assertEquals(8, s.planeId(1));
        assertEquals(-200.125, s.planeX(1));
        assertEquals(100.0, s.planeY(1));
        assertEquals(3 * Math.PI / 2, s.planeRot(1), 1e-12);
        assertEquals(40, s.planeHp(1));
        assertEquals(-1, s.indexOfPlane(9), "the dead plane is left out");
        assertEquals(1, s.projectileCount());
        assertEquals(9, s.projectileId(0));
        assertEquals(7, s.projectileOwner(0));
        assertEquals(10.5, s.projectileX(0));
        assertEquals(2.25, s.projectileY(0));
        assertFalse(s.projectileMotion());
    }

    @Test
    void shouldApplyTheDeltaVectorToTheFullFrameItAcknowledged() {
        ClientWorldState full = decode(vector("world-delta-full"));
        assertEquals(123, full.tick());
        assertEquals(60, full.tickRate());
        assertEquals(120, full.projectileSpawnTick(0));
        assertEquals(10.5, full.projectileX(0), 0.2, "origin + velocity x 3 ticks, within the quantization");
        assertEquals(123, decoder.latestTick());

        ClientWorldState delta = decode(vector("world-delta"));
        assertEquals(125, delta.tick());
        assertEquals(43, delta.ack());
        assertEquals(2, delta.planeCount(), "8 died, 12 joined");
        assertEquals(7, delta.planeId(0));
        assertEquals(3.0, delta.planeX(0));
        assertEquals(-5.25, delta.planeY(0));
        assertEquals(70, delta.planeHp(0));
        assertEquals(Math.PI / 4, delta.planeRot(0), 1e-12, "rotation unchanged (not in the mask)");
        assertEquals(12, delta.planeId(1));
        assertEquals(1, delta.projectileCount(), "9 ended, 10 fired");
        assertEquals(10, delta.projectileId(0));
        assertEquals(12, delta.projectileOwner(0));
        assertEquals(-24.0, delta.projectileY(0), 1e-9);
        assertEquals(-24.0 - 500.0 / 60, delta.projectileY(0, 126), 1e-9, "moves itself between frames");
        assertEquals(0.0, delta.projectileRot(0), 1e-12, "straight up");
        assertEquals(125, decoder.latestTick());
    }

    @Test
    void shouldRebuildTheSameWorldFromProjectileEventsAsFromTheDelta() {
        ClientWorldState viaDelta;
        decode(vector("world-delta-full"));
        viaDelta = decode(vector("world-delta"));
        BinarySnapshotDecoder events = new BinarySnapshotDecoder();
        byte[] full = vector("world-delta-full");
        byte[] next = vector("world-events");
        assertEquals(DecodeResult.OK, events.decode(full, 0, full.length));
        assertEquals(DecodeResult.OK, events.decode(next, 0, next.length));
        assertTrue(events.latest().sameWorld(viaDelta), events.latest() + " vs " + viaDelta);
    }

    @Test
    void shouldReportAnUnknownBaselineAndKeepNothing() {
        byte[] delta = vector("world-delta");
        assertEquals(DecodeResult.UNKNOWN_BASELINE, decoder.decode(delta, 0, delta.length));
        assertNull(decoder.latest());
        assertEquals(0, decoder.latestTick());
    }

    @Test
    void shouldForgetItsBaselinesOnReset() {
        decode(vector("world-delta-full"));
        decoder.reset();
        assertEquals(0, decoder.latestTick(), "inputs acknowledge 0: the server sends a full frame");
        byte[] delta = vector("world-delta");
        assertEquals(DecodeResult.UNKNOWN_BASELINE, decoder.decode(delta, 0, delta.length));
        decode(vector("world-delta-full"));
        assertEquals(125, decode(delta).tick());
    }

    @Test
    void shouldRejectEveryTruncationAsMalformedAndKeepTheLastState() {
        byte[] full = vector("world-delta-full");
        ClientWorldState before = decode(full);
        long tick = before.tick();
        for (int n = 0; n < full.length; n++) {
            DecodeResult r = decoder.decode(full, 0, n);
            assertEquals(DecodeResult.MALFORMED, r, "first " + n + " bytes");
            assertEquals(tick, decoder.latestTick());
        }
    }

    @Test
    void shouldRefuseAnotherVersionAndIgnoreAnUnknownKind() {
        byte[] v2 = vector("world-quantized").clone();
        v2[ProtocolDescriptor.VERSION_OFFSET] = 2;
        assertEquals(DecodeResult.UNSUPPORTED_VERSION, decoder.decode(v2, 0, v2.length));
        byte[] input = vector("input");
        assertEquals(DecodeResult.UNKNOWN_KIND, decoder.decode(input, 0, input.length), "a client never receives Input");
    }

    @Test
    void shouldDecodeAFrameInsideALargerArray() {
        byte[] frame = vector("world-quantized");
        byte[] big = new byte[frame.length + 9];
        System.arraycopy(frame, 0, big, 5, frame.length);
        Arrays.fill(big, 0, 5, (byte) 0xFF);
        Arrays.fill(big, 5 + frame.length, big.length, (byte) 0xFF);
        assertEquals(DecodeResult.OK, decoder.decode(big, 5, frame.length));
        assertEquals(123, decoder.latestTick());
        assertEquals(DecodeResult.MALFORMED, decoder.decode(big, big.length - 2, 5), "a window past the end");
    }

    @Test
    void shouldNeverThrowForMutatedVectorsAndOnlyAcceptSortedWorlds() {
        SplittableRandom random = new SplittableRandom(13);
        byte[][] frames = ProtocolDoc.vectors().values().toArray(new byte[0][]);
        int ok = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] f = frames[random.nextInt(frames.length)].clone();
            int length = f.length;
            switch (random.nextInt(3)) {
                case 0 -> length = random.nextInt(f.length + 1);
                case 1 -> f[random.nextInt(f.length)] = (byte) random.nextInt(256);
                default -> f[random.nextInt(f.length)] ^= (byte) (1 << random.nextInt(8));
            }
            if (decoder.decode(f, 0, length) == DecodeResult.OK) {
                ok++;
                ClientWorldState s = decoder.latest();
                for (int k = 1; k < s.planeCount(); k++) {
                    assertTrue(s.planeId(k - 1) < s.planeId(k));
                }
                for (int k = 1; k < s.projectileCount(); k++) {
                    assertTrue(s.projectileId(k - 1) < s.projectileId(k));
                }
            }
        }
        assertTrue(ok > 0, "some mutations still decode");
    }

    @Test
    void shouldKeepStatesForTheWholeHistoryOnly() {
        BinarySnapshotDecoder small = new BinarySnapshotDecoder(1);
        byte[] full = vector("world-delta-full");
        byte[] quantized = vector("world-quantized");
        assertEquals(DecodeResult.OK, small.decode(full, 0, full.length));
        ClientWorldState first = small.latest();
        assertEquals(DecodeResult.OK, small.decode(quantized, 0, quantized.length));
        assertEquals(DecodeResult.OK, small.decode(full, 0, full.length));
        assertSame(first, small.latest(), "history 1 keeps two states and reuses them in turn");
    }
}
