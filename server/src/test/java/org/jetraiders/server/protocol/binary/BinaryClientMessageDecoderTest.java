package org.jetraiders.server.protocol.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinaryWriter;
import org.jetraiders.server.protocol.binary.support.Hex;
import org.junit.jupiter.api.Test;

class BinaryClientMessageDecoderTest {
    private final BinaryClientMessageDecoder decoder = new BinaryClientMessageDecoder();
    private final BinaryInput input = new BinaryInput();

    private BinaryDecodeResult decode(String hex) {
        byte[] b = Hex.parse(hex);
        return decoder.decode(b, 0, b.length, input);
    }

    @Test
    void shouldDecodeAnInput() {
        assertEquals(BinaryDecodeResult.OK, decode("01 10 40 81 01 ac 02 7b"));
        assertEquals(64 / 127.0, input.thrust());
        assertEquals(-1.0, input.turn());
        assertTrue(input.shoot());
        assertEquals(300, input.seq());
        assertEquals(123, input.ackedTick());
    }

    @Test
    void shouldClampMinus128AndIgnoreReservedBitsAndTrailingBytes() {
        assertEquals(BinaryDecodeResult.OK, decode("01 10 80 7f fe 00 00 ff ff"));
        assertEquals(-1.0, input.thrust());
        assertEquals(1.0, input.turn());
        assertFalse(input.shoot());
        assertEquals(0, input.ackedTick());
    }

    @Test
    void shouldAcceptTheLargestSeq() {
        assertEquals(BinaryDecodeResult.OK, decode("01 10 00 00 00 ff ff ff ff ff ff ff ff 7f 00"));
        assertEquals(Long.MAX_VALUE, input.seq());
    }

    @Test
    void shouldRejectBadFrames() {
        assertEquals(BinaryDecodeResult.MALFORMED, decode(""));
        assertEquals(BinaryDecodeResult.UNSUPPORTED_VERSION, decode("02 10 00 00 00 00 00"));
        assertEquals(BinaryDecodeResult.MALFORMED, decode("01"));
        assertEquals(BinaryDecodeResult.UNKNOWN_KIND, decode("01 01 00"));
        assertEquals(BinaryDecodeResult.UNKNOWN_KIND, decode("01 ff"));
        assertEquals(BinaryDecodeResult.MALFORMED, decode("01 10 00 00 00 00"), "ack tick missing");
        assertEquals(BinaryDecodeResult.MALFORMED, decode("01 10 00 00 00 80"), "truncated varint");
        assertEquals(BinaryDecodeResult.MALFORMED, decode("01 10 00 00 00 ff ff ff ff ff ff ff ff ff 01 00"), "seq over 63 bits");
        assertEquals(BinaryDecodeResult.MALFORMED, decode("01 10 00 00 00 80 80 80 80 80 80 80 80 80 80 80 00 00"), "overlong varint");
    }

    @Test
    void shouldLeaveTheInputUntouchedWhenRejecting() {
        decode("01 10 40 81 01 ac 02 7b");
        decode("01 10 7f 7f 00 05");
        assertEquals(300, input.seq());
        assertTrue(input.shoot());
    }

    @Test
    void shouldDecodeDirectBuffersWithoutMovingThem() {
        ByteBuffer direct = ByteBuffer.allocateDirect(64);
        direct.put(Hex.parse("01 10 40 81 01 ac 02 7b")).flip();
        assertEquals(BinaryDecodeResult.OK, decoder.decode(direct, input));
        assertEquals(0, direct.position());
        assertEquals(300, input.seq());
    }

    @Test
    void shouldRoundTripTheClientEncoder() {
        SplittableRandom random = new SplittableRandom(1);
        BinaryWriter w = new BinaryWriter(32);
        for (int i = 0; i < 10_000; i++) {
            double thrust = random.nextDouble(-1.5, 1.5);
            double turn = random.nextDouble(-1.5, 1.5);
            long seq = random.nextLong(Long.MAX_VALUE);
            long ack = random.nextLong(1L << random.nextInt(63));
            w.reset();
            BinaryInputEncoder.encode(thrust, turn, i % 2 == 0, seq, ack, w);
            assertEquals(BinaryDecodeResult.OK, decoder.decode(w.array(), 0, w.length(), input));
            assertEquals(Math.max(-1, Math.min(1, thrust)), input.thrust(), 0.5 / 127 + 1e-12);
            assertEquals(Math.max(-1, Math.min(1, turn)), input.turn(), 0.5 / 127 + 1e-12);
            assertEquals(i % 2 == 0, input.shoot());
            assertEquals(seq, input.seq());
            assertEquals(ack, input.ackedTick());
        }
    }

    @Test
    void shouldNeverThrowNorAllocateForRandomAndMutatedFrames() {
        SplittableRandom random = new SplittableRandom(42);
        byte[] valid = Hex.parse("01 10 40 81 01 ac 02 7b");
        byte[] buf = new byte[4096];
        ByteBuffer direct = ByteBuffer.allocateDirect(4096);
        int ok = 0;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 200_000; i++) {
            int length;
            if (i % 2 == 0) {
                length = random.nextInt(i % 100 == 0 ? buf.length : 32);
                for (int k = 0; k < length; k++) {
                    buf[k] = (byte) random.nextInt(256);
                }
                if (length > 0 && random.nextBoolean()) {
                    buf[0] = 1;
                }
                if (length > 1 && random.nextBoolean()) {
                    buf[1] = 0x10;
                }
            } else {
                length = Math.max(0, valid.length + random.nextInt(-3, 6));
                System.arraycopy(valid, 0, buf, 0, Math.min(valid.length, length));
                for (int k = valid.length; k < length; k++) {
                    buf[k] = (byte) random.nextInt(256);
                }
                for (int m = random.nextInt(1, 4); m > 0 && length > 0; m--) {
                    buf[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            int offset = random.nextInt(4) == 0 ? -1 : 0; // bad windows must be rejected, not thrown
            BinaryDecodeResult r = decoder.decode(buf, offset, length, input);
            if (offset < 0) {
                assertEquals(BinaryDecodeResult.MALFORMED, r);
            } else if (r == BinaryDecodeResult.OK) {
                ok++;
                assertTrue(input.thrust() >= -1 && input.thrust() <= 1 && input.turn() >= -1 && input.turn() <= 1);
                assertTrue(input.seq() >= 0 && input.ackedTick() >= 0);
            }
            if (i % 10 == 0) {
                direct.clear();
                direct.put(buf, 0, length).flip();
                decoder.decode(direct, input);
            }
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(ok > 10_000, "ok " + ok);
        assertTrue(allocated < 1_000_000, "allocated " + allocated);
        assertEquals(BinaryDecodeResult.MALFORMED, decoder.decode((byte[]) null, 0, 0, input));
    }
}
