package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import org.jetraiders.engine.SnapshotEncoder;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.sim.World;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonKillFeedEncoder;
import org.jetraiders.server.protocol.json.JsonScoreboardEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.junit.jupiter.api.Test;

/**
 * The per-client send allocates nothing in steady state, in both formats, down to the socket: the
 * splice or delta encode, the framing, the batch buffer and the write through the connection's
 * {@link DirectSocketChannel} into a real loopback socket (the JDK's write included).
 */
class ConnectionSinkAllocationTest {
    private static final int TICKS = 256;

    /**
     * A real socket pair on loopback: the sender writes through a {@link DirectSocketChannel} (the
     * production path below the library), and a thread drains and counts the other end.
     */
    private static final class LoopbackOutput implements FrameOutput, AutoCloseable {
        final DirectSocketChannel channel;
        final SocketChannel peer;
        final ServerSocketChannel listener;
        final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        final Thread drain;

        LoopbackOutput() throws java.io.IOException {
            listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
            peer = SocketChannel.open(listener.getLocalAddress());
            SocketChannel ours = listener.accept();
            ours.configureBlocking(false);
            channel = new DirectSocketChannel(ours, 1 << 22);
            drain = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(1 << 16);
                try {
                    int n;
                    while ((n = peer.read(buf)) >= 0) {
                        received.addAndGet(n);
                        buf.clear();
                    }
                } catch (java.io.IOException closed) {
                    // test over
                }
            }, "alloc-test-drain");
            drain.setDaemon(true);
            drain.start();
        }

        @Override public boolean isOpen() { return true; }
        @Override public boolean mustQueue() { return false; }
        @Override public DirectSocketChannel.Outcome writeDirect(ByteBuffer frames) {
            DirectSocketChannel.Outcome outcome = channel.writeDirect(frames);
            while (channel.isNeedWrite()) { // the drain is slower than us for a moment: wait for it
                try {
                    channel.writeMore();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return outcome;
        }
        @Override public void queue(byte[] frames, int length) { throw new UnsupportedOperationException(); }
        @Override public int queuedFrames() { return 0; }
        @Override public int pendingBytes() { return channel.pendingBytes(); }
        @Override public void requestFlush() { }

        /** Waits (10 s at most) until the other end has read something: the frames really left. */
        void awaitReceived() {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (received.get() == 0) {
                assertTrue(System.nanoTime() < deadline, "no frame reached the other end of the socket");
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }

        @Override
        public void close() throws java.io.IOException {
            channel.close();
            peer.close();
            listener.close();
        }
    }

    /** The binary clients' shared quantization, one state per recorded snapshot. */
    private static final BinaryQuantizeStage QUANTIZED = new BinaryQuantizeStage(TICKS, 60);

    /** 256 consecutive snapshots of a 16-plane battle, with what the encoding stage adds to them. */
    private static SnapshotEvent[] battle() {
        QUANTIZED.markInUse();
        World world = new World(Tuning.defaults().toBuilder().countdownSeconds(0).build(), 60, 16, 11L);
        for (int id = 1; id <= 16; id++) {
            world.addPlayer(id, "pilot-" + id);
            world.setInput(id - 1, 1, (id % 5 - 2) / 2.0, true, 1);
        }
        List<SnapshotEncoder> encoders = List.of(new JsonWorldUpdateEncoder(), new JsonScoreboardEncoder(60),
                new JsonKillFeedEncoder(), QUANTIZED);
        for (int t = 0; t < 300; t++) {
            world.step(); // fill the sky with projectiles first
        }
        SnapshotEvent[] snapshots = new SnapshotEvent[TICKS];
        for (int i = 0; i < TICKS; i++) {
            world.step();
            snapshots[i] = new SnapshotEvent(encoders.size());
            snapshots[i].copyFrom(world, i, null);
            for (int e = 0; e < encoders.size(); e++) {
                encoders.get(e).encode(snapshots[i], snapshots[i].encoded(e));
            }
        }
        return snapshots;
    }

    private static long[] allocatedPerWindow(ConnectionSink sink, SnapshotEvent[] snapshots) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 40; warm++) {
            feed(sink, snapshots);
        }
        long[] windows = new long[5];
        for (int w = 0; w < windows.length; w++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            feed(sink, snapshots);
            windows[w] = threads.getCurrentThreadAllocatedBytes() - before;
            if (windows[w] == 0) {
                break;
            }
        }
        return windows;
    }

    private static void feed(ConnectionSink sink, SnapshotEvent[] snapshots) {
        for (SnapshotEvent snapshot : snapshots) {
            sink.onSnapshot(snapshot);
            sink.snapshotAcknowledged(snapshot.tick() - 2); // a client acking two ticks behind
        }
    }

    private static void assumeAllocationCounting() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    }

    @Test
    void shouldSendJsonSnapshotsWithoutAllocating() throws Exception {
        assumeAllocationCounting();
        try (LoopbackOutput socket = new LoopbackOutput()) {
            ConnectionSink sink = new JsonConnectionSink(null, new FrameSender(socket, new ServerMetrics()), 3, 1 << 20,
                    null);
            long[] windows = allocatedPerWindow(sink, battle());
            socket.awaitReceived();
        // the JIT may allocate a little while it settles; a per-send allocation shows in every window
            assertTrue(Arrays.stream(windows).anyMatch(b -> b == 0), "bytes per 256 sends: " + Arrays.toString(windows));
        }
    }

    @Test
    void shouldSendBinaryDeltaSnapshotsWithoutAllocating() throws Exception {
        assumeAllocationCounting();
        try (LoopbackOutput socket = new LoopbackOutput()) {
            ConnectionSink sink = new BinaryConnectionSink(null, new FrameSender(socket, new ServerMetrics()), 3,
                    1 << 20, BinaryMode.DELTA, 60, QUANTIZED);
            long[] windows = allocatedPerWindow(sink, battle());
            socket.awaitReceived();
            assertTrue(Arrays.stream(windows).anyMatch(b -> b == 0), "bytes per 256 sends: " + Arrays.toString(windows));
        }
    }
}
