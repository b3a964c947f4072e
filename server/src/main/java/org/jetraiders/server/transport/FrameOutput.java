package org.jetraiders.server.transport;

import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * Where a {@link FrameSender} puts framed bytes: straight into the connection's
 * {@link DirectSocketChannel}, or, while the library has frames of its own queued, behind them.
 * Behind an interface so the send path can be measured and tested without a live library connection.
 */
interface FrameOutput {
    boolean isOpen();

    /** Whether frames must queue behind the library's own (handshake reply, pong, close) to keep the order. */
    boolean mustQueue();

    /** Writes whole frames now; see {@link DirectSocketChannel#writeDirect}. */
    DirectSocketChannel.Outcome writeDirect(ByteBuffer frames);

    /** Queues a copy of the frames behind the library's frames (rare, allocates). */
    void queue(byte[] frames, int length);

    /** Frames waiting in the library's queue (ours or its own). */
    int queuedFrames();

    /** Bytes the channel holds for the socket. */
    int pendingBytes();

    /** Asks the selector thread to flush when the socket can take more. */
    void requestFlush();

    /** The output of a library connection whose channel is a {@link DirectSocketChannel}. */
    static FrameOutput of(WebSocket socket) {
        WebSocketImpl impl = (WebSocketImpl) socket;
        DirectSocketChannel channel = impl.getChannel() instanceof DirectSocketChannel c ? c : null;
        return new FrameOutput() {
            @Override
            public boolean isOpen() {
                return impl.isOpen();
            }

            @Override
            public boolean mustQueue() {
                return channel == null || !impl.outQueue.isEmpty();
            }

            @Override
            public DirectSocketChannel.Outcome writeDirect(ByteBuffer frames) {
                return channel.writeDirect(frames);
            }

            @Override
            public void queue(byte[] frames, int length) {
                byte[] copy = java.util.Arrays.copyOf(frames, length);
                impl.outQueue.add(ByteBuffer.wrap(copy));
                requestFlush();
            }

            @Override
            public int queuedFrames() {
                return impl.outQueue.size();
            }

            @Override
            public int pendingBytes() {
                return channel == null ? 0 : channel.pendingBytes();
            }

            @Override
            public void requestFlush() {
                impl.getWebSocketListener().onWriteDemand(impl);
            }
        };
    }
}
