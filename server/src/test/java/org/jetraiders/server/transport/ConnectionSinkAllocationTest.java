package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLSession;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.IProtocol;
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
 * Our side of the per-client send allocates nothing in steady state, in both formats: the splice or
 * delta encode, the frame builder, the reused frame object. (Java-WebSocket's own {@code sendFrame}
 * copies each frame into a new buffer; that copy is the library's and is replaced here by a socket
 * that only reads the payload.)
 */
class ConnectionSinkAllocationTest {
    private static final int TICKS = 256;

    /** A socket that consumes each frame's payload the way the library's copy would, allocating nothing. */
    private static final class ConsumingSocket implements WebSocket {
        long bytes;

        @Override public void sendFrame(Framedata frame) {
            ByteBuffer payload = frame.getPayloadData();
            while (payload.hasRemaining()) {
                bytes += payload.get();
            }
        }
        @Override public boolean isOpen() { return true; }
        @Override public void close(int code, String message) { }
        @Override public void close(int code) { }
        @Override public void close() { }
        @Override public void closeConnection(int code, String message) { }
        @Override public void send(String text) { throw new UnsupportedOperationException(); }
        @Override public void send(ByteBuffer bytes) { throw new UnsupportedOperationException(); }
        @Override public void send(byte[] bytes) { throw new UnsupportedOperationException(); }
        @Override public void sendFrame(Collection<Framedata> frames) { throw new UnsupportedOperationException(); }
        @Override public void sendPing() { }
        @Override public void sendFragmentedFrame(Opcode op, ByteBuffer buffer, boolean fin) { throw new UnsupportedOperationException(); }
        @Override public boolean hasBufferedData() { return false; }
        @Override public InetSocketAddress getRemoteSocketAddress() { return null; }
        @Override public InetSocketAddress getLocalSocketAddress() { return null; }
        @Override public boolean isClosing() { return false; }
        @Override public boolean isFlushAndClose() { return false; }
        @Override public boolean isClosed() { return false; }
        @Override public Draft getDraft() { return null; }
        @Override public ReadyState getReadyState() { return ReadyState.OPEN; }
        @Override public String getResourceDescriptor() { return "/ws"; }
        @Override public <T> void setAttachment(T attachment) { }
        @Override public <T> T getAttachment() { return null; }
        @Override public boolean hasSSLSupport() { return false; }
        @Override public SSLSession getSSLSession() { return null; }
        @Override public IProtocol getProtocol() { return null; }
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
    void shouldSendJsonSnapshotsWithoutAllocating() {
        assumeAllocationCounting();
        ConsumingSocket socket = new ConsumingSocket();
        ConnectionSink sink = new JsonConnectionSink(null, new FrameSender(socket, new ServerMetrics()), 3, 1 << 20);
        long[] windows = allocatedPerWindow(sink, battle());
        assertTrue(socket.bytes != 0, "frames were sent");
        // the JIT may allocate a little while it settles; a per-send allocation shows in every window
        assertTrue(Arrays.stream(windows).anyMatch(b -> b == 0), "bytes per 256 sends: " + Arrays.toString(windows));
    }

    @Test
    void shouldSendBinaryDeltaSnapshotsWithoutAllocating() {
        assumeAllocationCounting();
        ConsumingSocket socket = new ConsumingSocket();
        ConnectionSink sink = new BinaryConnectionSink(null, new FrameSender(socket, new ServerMetrics()), 3, 1 << 20,
                BinaryMode.DELTA, 60, QUANTIZED);
        long[] windows = allocatedPerWindow(sink, battle());
        assertTrue(socket.bytes != 0, "frames were sent");
        assertTrue(Arrays.stream(windows).anyMatch(b -> b == 0), "bytes per 256 sends: " + Arrays.toString(windows));
    }
}
