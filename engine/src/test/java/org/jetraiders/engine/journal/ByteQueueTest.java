package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The journal's hand-over from encoding to the disk: entries come out whole, in order, contiguous (an
 * entry that would cross the end starts over at 0), a full queue refuses rather than waits, and an
 * empty queue takes any entry up to half its size.
 */
class ByteQueueTest {
    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    private static byte[] entryBytes(ByteQueue q) {
        ByteBuffer entry = q.entry();
        assertEquals(q.offset(), entry.position());
        byte[] out = new byte[entry.remaining()];
        entry.get(out);
        assertEquals(q.length(), out.length);
        return out;
    }

    private static byte[] take(ByteQueue q) {
        assertTrue(q.poll());
        byte[] out = entryBytes(q);
        q.release();
        return out;
    }

    @Test
    void shouldHandOverEntriesWholeAndInOrderAcrossTheEnd() {
        ByteQueue q = new ByteQueue(1000);
        SplittableRandom r = new SplittableRandom(1);
        Deque<byte[]> inFlight = new ArrayDeque<>();
        int seed = 0;
        for (int i = 0; i < 20_000; i++) {
            if (r.nextBoolean()) {
                byte[] entry = bytes(r.nextInt(0, q.maxPayload() + 1), seed++);
                if (q.offer(ByteQueue.DATA, entry, 0, entry.length)) {
                    inFlight.add(entry);
                } else {
                    assertFalse(inFlight.isEmpty(), "an empty queue takes any entry up to half its size");
                }
            } else if (!inFlight.isEmpty()) {
                assertArrayEquals(inFlight.poll(), take(q));
            } else {
                assertFalse(q.poll());
            }
        }
    }

    @Test
    void shouldRefuseWhenFullAndTakeAgainOnceDrained() {
        ByteQueue q = new ByteQueue(256);
        byte[] entry = bytes(50, 1);
        int accepted = 0;
        while (q.offer(ByteQueue.DATA, entry, 0, entry.length)) {
            accepted++;
        }
        assertEquals(4, accepted, "4 x (8 + 50) bytes fit in 256");
        assertEquals(-1, q.claim(ByteQueue.DATA, q.maxPayload() + 1), "more than half the queue never fits");
        take(q);
        assertTrue(q.offer(ByteQueue.DATA, entry, 0, entry.length));
    }

    @Test
    @Timeout(30)
    void shouldCarryEveryByteFromOneThreadToAnother() throws Exception {
        ByteQueue q = new ByteQueue(4096);
        int entries = 200_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < entries; i++) {
                byte[] entry = bytes(1 + i % 700, i);
                while (!q.offer(i % 3 == 0 ? ByteQueue.OPEN : ByteQueue.DATA, entry, 0, entry.length)) {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        for (int i = 0; i < entries; i++) {
            while (!q.poll()) {
                Thread.onSpinWait();
            }
            assertEquals(i % 3 == 0 ? ByteQueue.OPEN : ByteQueue.DATA, q.kind());
            byte[] got = entryBytes(q);
            q.release();
            assertArrayEquals(bytes(1 + i % 700, i), got, "entry " + i);
        }
        producer.join();
        assertEquals(0, q.backlog());
    }

    @Test
    void shouldReadNothingOnceFreedAndFreeOnlyOnce() {
        ByteQueue q = new ByteQueue(256);
        byte[] entry = bytes(10, 1);
        assertTrue(q.offer(ByteQueue.DATA, entry, 0, entry.length));
        assertFalse(q.isFreed());

        q.free();
        q.free();

        assertTrue(q.isFreed());
        assertFalse(q.poll(), "a freed queue has nothing to read, even with an entry left in it");
    }
}
