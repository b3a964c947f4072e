package org.jetraiders.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;

/**
 * Benchmark access to the server's per-client send path, which is package-private: a
 * {@link JsonConnectionSink} or {@link BinaryConnectionSink} over a {@link FrameSender} writing
 * through a {@link DirectSocketChannel} into a real socket, as a connection of the server does.
 *
 * <p>This class lives in the <em>bench</em> module under the server's package name (split package on
 * the class path), so the production API stays as small as it is. Only the benchmarks and their tests
 * use it.
 *
 * <p>Differences from a live connection: the output is always open and never has library frames
 * queued ({@code mustQueue} is false, as in steady state), and when the kernel does not take a whole
 * write (the reader is behind for a moment) the sending thread flushes the rest itself, spinning until
 * the socket takes it, instead of leaving it to the selector thread. Such writes are counted
 * ({@link #socketFullWrites()}).
 */
public final class DirectSendPath {
    private final ConnectionSink sink;
    private final SpinFlushOutput output;

    private DirectSendPath(ConnectionSink sink, SpinFlushOutput output) {
        this.sink = sink;
        this.output = output;
    }

    /**
     * A JSON client: the shared WorldUpdate bytes (encoding {@code WireEncodings.JSON_WORLD_UPDATE}) with
     * this player's input ack spliced in, after the tick's kill feed and scoreboard when present.
     *
     * @param socket our end of a connected socket, non-blocking
     */
    public static DirectSendPath json(SocketChannel socket, int playerId) {
        SpinFlushOutput output = new SpinFlushOutput(socket);
        FrameSender sender = new FrameSender(output, new ServerMetrics());
        return new DirectSendPath(new JsonConnectionSink(null, sender, playerId, Long.MAX_VALUE,
                (JsonWorldUpdateEncoder) null), output);
    }

    /**
     * A binary-protocol client in {@link BinaryMode#DELTA}: a per-client delta against the last
     * snapshot it acknowledged ({@link #acknowledged}), from the lobby's shared quantized state.
     */
    public static DirectSendPath binaryDelta(SocketChannel socket, int playerId, BinaryQuantizeStage quantized,
                                            int tickRateHz) {
        SpinFlushOutput output = new SpinFlushOutput(socket);
        FrameSender sender = new FrameSender(output, new ServerMetrics());
        return new DirectSendPath(new BinaryConnectionSink(null, sender, playerId, Long.MAX_VALUE, BinaryMode.DELTA,
                tickRateHz, quantized), output);
    }

    /** What the client's consumer thread does for one snapshot: every frame of the tick, in one write. */
    public void send(Snapshot snapshot) {
        sink.onSnapshot(snapshot);
    }

    /** The client acknowledged the snapshot of this tick (binary clients do, in their inputs). */
    public void acknowledged(long tick) {
        sink.snapshotAcknowledged(tick);
    }

    /** Writes the kernel did not take at once, so the sender flushed the rest by spinning. */
    public long socketFullWrites() {
        return output.socketFullWrites;
    }

    /** Bytes handed to the socket so far. */
    public long bytesWritten() {
        return output.bytesWritten;
    }

    /** The production {@link DirectSocketChannel}; what it keeps pending is flushed at once, by spinning. */
    private static final class SpinFlushOutput implements FrameOutput {
        private final DirectSocketChannel channel;
        long socketFullWrites;
        long bytesWritten;

        SpinFlushOutput(SocketChannel socket) {
            // the server's default pending capacity is far larger than one tick's frames
            this.channel = new DirectSocketChannel(socket, 1 << 22);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean mustQueue() {
            return false;
        }

        @Override
        public DirectSocketChannel.Outcome writeDirect(ByteBuffer frames) {
            bytesWritten += frames.remaining();
            DirectSocketChannel.Outcome outcome = channel.writeDirect(frames);
            if (channel.isNeedWrite()) {
                socketFullWrites++;
                do {
                    Thread.onSpinWait();
                    try {
                        channel.writeMore();
                    } catch (IOException e) {
                        throw new IllegalStateException("the benchmark's socket failed", e);
                    }
                } while (channel.isNeedWrite());
            }
            if (outcome == DirectSocketChannel.Outcome.CLOSED || outcome == DirectSocketChannel.Outcome.OVERFLOW) {
                throw new IllegalStateException("the benchmark's socket refused a write: " + outcome);
            }
            return outcome;
        }

        @Override
        public void queue(byte[] frames, int length) {
            throw new UnsupportedOperationException("never queues: mustQueue() is false");
        }

        @Override
        public int queuedFrames() {
            return 0;
        }

        @Override
        public int pendingBytes() {
            return channel.pendingBytes();
        }

        @Override
        public void requestFlush() {
            // flushed in writeDirect
        }
    }
}
