package org.jetraiders.client.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jetraiders.client.support.ProtocolDoc;
import org.junit.jupiter.api.Test;

class BinaryInputEncoderTest {
    private final BinaryWriter out = new BinaryWriter(16);

    private byte[] encode(double thrust, double turn, boolean shoot, long seq, long ackedTick) {
        out.reset();
        BinaryInputEncoder.encode(thrust, turn, shoot, seq, ackedTick, out);
        return out.toByteArray();
    }

    @Test
    void shouldWriteTheDocumentsInputVector() {
        assertArrayEquals(ProtocolDoc.vector("input"), encode(0.5, -1, true, 300, 123));
    }

    @Test
    void shouldClampAxesAndSendNanAsZero() {
        byte[] b = encode(7, Double.NEGATIVE_INFINITY, false, 1, 0);
        assertEquals(127, b[2]);
        assertEquals(-127, b[3]);
        assertEquals(0, b[4], "no buttons");
        assertEquals(0, encode(Double.NaN, 0, false, 1, 0)[2]);
    }

    @Test
    void shouldSendNegativeNumbersAsZero() {
        byte[] b = encode(0, 0, false, -5, -9);
        assertEquals(0, b[5]);
        assertEquals(0, b[6]);
        assertEquals(7, b.length);
    }
}
