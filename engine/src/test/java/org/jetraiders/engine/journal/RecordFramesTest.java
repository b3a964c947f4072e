package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** A record's frame is the same bytes whether it is written into an array or into the queue's direct buffer. */
class RecordFramesTest {
    @Test
    void shouldWriteTheSameFrameIntoADirectBufferAsIntoAnArray() {
        SplittableRandom r = new SplittableRandom(7);
        CRC32C crc = new CRC32C();
        ByteBuffer direct = ByteBuffer.allocateDirect(70_000);
        for (int i = 0; i < 2_000; i++) {
            int length = i < 10 ? i : r.nextInt(0, i % 50 == 0 ? 66_000 : 300); // varint lengths of 1 to 3 bytes
            byte[] payload = new byte[length];
            r.nextBytes(payload);
            int type = r.nextInt(256);
            int at = r.nextInt(0, 16);
            byte[] array = new byte[at + RecordFrames.frameSize(length)];

            int arraySize = RecordFrames.write(array, at, type, payload, length, crc);
            int directSize = RecordFrames.write(direct, at, type, payload, length, crc);

            assertEquals(RecordFrames.frameSize(length), directSize);
            assertEquals(arraySize, directSize);
            byte[] fromDirect = new byte[directSize];
            direct.get(at, fromDirect);
            assertArrayEquals(java.util.Arrays.copyOfRange(array, at, at + arraySize), fromDirect, "record " + i);
            assertEquals(0, direct.position(), "the buffer's position is left where it was");
            assertEquals(direct.capacity(), direct.limit(), "and its limit");
        }
    }
}
