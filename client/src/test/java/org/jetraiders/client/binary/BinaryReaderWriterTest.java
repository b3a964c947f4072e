package org.jetraiders.client.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryReaderWriterTest {
    private final BinaryWriter w = new BinaryWriter(16);
    private final BinaryReader r = new BinaryReader();

    @Test
    void shouldRoundTripVarintsZigzagsAndFixedWidths() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            long big = random.nextLong(Long.MAX_VALUE);
            int small = random.nextInt(Integer.MAX_VALUE);
            int signed = random.nextInt();
            int u16 = random.nextInt(65536);
            w.reset();
            w.varint(big);
            w.varint(small);
            w.zigzag(signed);
            w.u16(u16);
            w.u8(200);
            r.wrap(w.array(), 0, w.length());
            assertEquals(big, r.uvarint63());
            assertEquals(small, r.uvarint31());
            assertEquals(signed, r.zigzag());
            assertEquals(u16, r.u16());
            assertEquals(200, r.u8());
            assertFalse(r.failed());
            assertEquals(0, r.remaining());
        }
    }

    @Test
    void shouldWriteTheDocumentsExamples() {
        w.varint(300);
        w.zigzag(0);
        w.zigzag(-1);
        w.zigzag(1);
        w.zigzag(-14);
        assertArrayEquals(new byte[] {(byte) 0xac, 0x02, 0x00, 0x01, 0x02, 0x1b}, w.toByteArray());
        assertEquals(2, BinaryWriter.varintLength(300));
    }

    @Test
    void shouldFailOnOverlongVarintsAndReadsPastTheEnd() {
        byte[] tenBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        r.wrap(tenBytes, 0, tenBytes.length);
        assertEquals(0, r.uvarint63());
        assertTrue(r.failed(), "more than 63 bits");
        byte[] sixBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        r.wrap(sixBytes, 0, sixBytes.length);
        r.uvarint31();
        assertTrue(r.failed(), "more than 5 bytes");
        r.wrap(new byte[] {1}, 0, 1);
        r.u16();
        assertTrue(r.failed());
        assertEquals(0, r.u8(), "every later read fails too");
        r.wrap(new byte[4], 3, 2);
        assertTrue(r.failed(), "a window outside the array");
    }
}
