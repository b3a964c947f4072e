package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** Direct writes to a socket whose reader stalls: what waits, what is refused, and that order survives. */
class DirectSocketChannelTest {
    private static final int CAPACITY = 64 * 1024;

    private static ByteBuffer batch(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return ByteBuffer.wrap(b);
    }

    /**
     * The reader catches up while the channel is flushed as the selector would ({@code writeMore}):
     * what arrives, once {@code length} bytes have or 20 s have passed (the reader never blocks, so a
     * lost byte fails the test instead of hanging it).
     */
    private static byte[] readWhileFlushing(SocketChannel reader, DirectSocketChannel channel, int length)
            throws java.io.IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(256 * 1024);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (got.size() < length && System.nanoTime() < deadline) {
            in.clear();
            int n = reader.read(in);
            if (n > 0) {
                got.write(in.array(), 0, n);
            }
            channel.writeMore();
            Thread.onSpinWait();
        }
        return got.toByteArray();
    }

    @Test
    void shouldKeepAPartlyWrittenBatchWholeRefuseLaterOnesBeyondCapacityAndDeliverTheRestInOrder() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             SocketChannel reader = SocketChannel.open(listener.getLocalAddress());
             SocketChannel accepted = listener.accept()) {
            accepted.configureBlocking(false);
            reader.configureBlocking(false); // a lost byte must fail the test, not hang it
            DirectSocketChannel channel = new DirectSocketChannel(accepted, CAPACITY);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();

            // the reader does not read: write batches until the kernel's buffers are full and one waits
            DirectSocketChannel.Outcome outcome = DirectSocketChannel.Outcome.WRITTEN;
            int seed = 0;
            while (outcome == DirectSocketChannel.Outcome.WRITTEN) {
                ByteBuffer b = batch(8 * 1024, seed++);
                expected.write(b.array(), 0, b.remaining());
                outcome = channel.writeDirect(b);
            }
            assertEquals(DirectSocketChannel.Outcome.PENDING, outcome, "the batch the socket took in part waits");
            assertTrue(channel.pendingBytes() > 0 && channel.isNeedWrite());

            // a batch bigger than the capacity behind what waits is refused whole, and nothing of it is sent
            int before = channel.pendingBytes();
            assertEquals(DirectSocketChannel.Outcome.OVERFLOW, channel.writeDirect(batch(CAPACITY, 99)));
            assertEquals(before, channel.pendingBytes());

            // a small one queues behind
            ByteBuffer small = batch(100, seed);
            expected.write(small.array(), 0, small.remaining());
            assertEquals(DirectSocketChannel.Outcome.PENDING, channel.writeDirect(small));

            byte[] want = expected.toByteArray();
            assertArrayEquals(want, readWhileFlushing(reader, channel, want.length),
                    "every byte kept, none of the refused batch, same order");
            assertEquals(0, channel.pendingBytes());
        }
    }

    @Test
    void shouldKeepTheRestOfABatchLargerThanTheCapacityOnceTheSocketTookPartOfIt() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             SocketChannel reader = SocketChannel.open(listener.getLocalAddress());
             SocketChannel accepted = listener.accept()) {
            accepted.configureBlocking(false);
            reader.configureBlocking(false);
            DirectSocketChannel channel = new DirectSocketChannel(accepted, CAPACITY);
            ByteBuffer huge = batch(16 * 1024 * 1024, 7); // far more than the kernel buffers take at once
            byte[] want = huge.array().clone();

            assertEquals(DirectSocketChannel.Outcome.PENDING, channel.writeDirect(huge),
                    "the socket took part of it: the rest must wait, not be dropped mid-frame");
            assertTrue(channel.pendingBytes() > CAPACITY, "kept beyond the capacity: " + channel.pendingBytes());

            assertArrayEquals(want, readWhileFlushing(reader, channel, want.length));
        }
    }
}
