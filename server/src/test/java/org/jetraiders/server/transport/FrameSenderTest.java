package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.Test;

/**
 * Frames are built in the sending thread's buffer and a batch leaves in one write: what each write
 * holds is exactly its connection's frames, in order, whichever thread sent them.
 */
class FrameSenderTest {

    /** Records every write as the bytes it carried. */
    private static final class RecordingOutput implements FrameOutput {
        final List<byte[]> writes = new CopyOnWriteArrayList<>();

        @Override public boolean isOpen() { return true; }
        @Override public boolean mustQueue() { return false; }
        @Override public DirectSocketChannel.Outcome writeDirect(ByteBuffer frames) {
            byte[] copy = new byte[frames.remaining()];
            frames.get(copy);
            writes.add(copy);
            return DirectSocketChannel.Outcome.WRITTEN;
        }
        @Override public void queue(byte[] frames, int length) { throw new UnsupportedOperationException(); }
        @Override public int queuedFrames() { return 0; }
        @Override public int pendingBytes() { return 0; }
        @Override public void requestFlush() { }
    }

    private static byte[] textFrames(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : texts) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            out.write(0x81); // FIN, text
            out.write(payload.length); // all short here
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static FrameSender sender(RecordingOutput output) {
        return new FrameSender(output, new ServerMetrics());
    }

    @Test
    void shouldWriteEachFrameAtOnceOutsideABatch() {
        RecordingOutput output = new RecordingOutput();
        FrameSender sender = sender(output);
        sender.send("one");
        sender.send("two");
        assertEquals(2, output.writes.size());
        assertArrayEquals(textFrames("one"), output.writes.get(0));
        assertArrayEquals(textFrames("two"), output.writes.get(1));
    }

    @Test
    void shouldWriteABatchsFramesInOneWriteWhenItCloses() {
        RecordingOutput output = new RecordingOutput();
        FrameSender sender = sender(output);
        sender.beginBatch();
        sender.send("kill feed");
        sender.send("scoreboard");
        sender.beginBatch(); // nested: still the same batch
        sender.send("world");
        sender.endBatch();
        assertEquals(0, output.writes.size(), "nothing leaves before the outermost batch closes");
        sender.endBatch();
        assertEquals(1, output.writes.size());
        assertArrayEquals(textFrames("kill feed", "scoreboard", "world"), output.writes.get(0));
    }

    @Test
    void shouldPutAFrameFromAnotherThreadIntoTheOpenBatchInItsPlace() throws Exception {
        RecordingOutput output = new RecordingOutput();
        FrameSender sender = sender(output);
        sender.beginBatch();
        sender.send("first");
        Thread selector = new Thread(() -> sender.send("reply"), "test-selector");
        selector.start();
        selector.join(TimeUnit.SECONDS.toMillis(10));
        sender.send("last");
        sender.endBatch();
        assertEquals(1, output.writes.size(), "the reply rode in the batch's write");
        assertArrayEquals(textFrames("first", "reply", "last"), output.writes.get(0));
    }

    @Test
    void shouldKeepASecondConnectionsFrameOutOfTheBatchThisThreadHoldsOpen() {
        RecordingOutput outputA = new RecordingOutput();
        RecordingOutput outputB = new RecordingOutput();
        FrameSender a = sender(outputA);
        FrameSender b = sender(outputB);
        a.beginBatch();
        a.send("a1");
        b.send("b1"); // same thread, another connection, inside a's batch
        a.send("a2");
        a.endBatch();
        b.send("b2"); // and the thread's buffer serves b again afterwards
        assertEquals(1, outputA.writes.size());
        assertArrayEquals(textFrames("a1", "a2"), outputA.writes.get(0));
        assertEquals(2, outputB.writes.size());
        assertArrayEquals(textFrames("b1"), outputB.writes.get(0));
        assertArrayEquals(textFrames("b2"), outputB.writes.get(1));
    }

    @Test
    void shouldKeepTheBatchesOfTwoSendingThreadsApart() throws Exception {
        int batches = 2_000;
        RecordingOutput outputA = new RecordingOutput();
        RecordingOutput outputB = new RecordingOutput();
        FrameSender a = sender(outputA);
        FrameSender b = sender(outputB);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = {
            batchesOn(a, "a", batches, start, failure), batchesOn(b, "b", batches, start, failure),
        };
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(null, failure.get());
        assertEquals(batches, outputA.writes.size());
        assertEquals(batches, outputB.writes.size());
        for (int i = 0; i < batches; i++) {
            assertArrayEquals(textFrames("a" + i, "a" + i + "!"), outputA.writes.get(i), "a's batch " + i);
            assertArrayEquals(textFrames("b" + i, "b" + i + "!"), outputB.writes.get(i), "b's batch " + i);
        }
    }

    private static Thread batchesOn(FrameSender sender, String name, int batches, CountDownLatch start,
            AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                start.await();
                for (int i = 0; i < batches; i++) {
                    sender.beginBatch();
                    sender.send(name + i);
                    sender.send(name + i + "!");
                    sender.endBatch();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }, "test-client-thread-" + name);
        thread.start();
        return thread;
    }
}
