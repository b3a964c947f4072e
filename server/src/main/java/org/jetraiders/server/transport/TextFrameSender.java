package org.jetraiders.server.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.TextFrame;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Sends UTF-8 bytes as WebSocket text frames on one connection, tracking what waits in its send
 * queue. Java-WebSocket copies a frame into its own buffer inside {@code sendFrame}, so the scratch
 * array and the frame object are reused for every send. Thread-safe (the consumer thread sends
 * snapshots, the worker thread sends replies).
 */
final class TextFrameSender {
    private final WebSocket socket;
    private final ServerMetrics metrics;
    private final SendQueueGauge gauge = new SendQueueGauge();
    private final TextFrame frame = new TextFrame();
    private byte[] scratch = new byte[4096];
    private ByteBuffer view = ByteBuffer.wrap(scratch);

    TextFrameSender(WebSocket socket, ServerMetrics metrics) {
        this.socket = socket;
        this.metrics = metrics;
    }

    /** A scratch array of at least {@code capacity} bytes to build a frame in; pass it back to {@link #sendScratch}. */
    synchronized byte[] scratch(int capacity) {
        if (capacity > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(capacity, scratch.length * 2));
            view = ByteBuffer.wrap(scratch);
        }
        return scratch;
    }

    /** Sends {@code length} bytes from the scratch array; false if the socket is closed. */
    synchronized boolean sendScratch(int length) {
        view.clear().limit(length);
        return sendView(length);
    }

    /** Copies and sends; false if the socket is closed. */
    synchronized boolean send(byte[] bytes, int offset, int length) {
        System.arraycopy(bytes, offset, scratch(length), 0, length);
        return sendScratch(length);
    }

    synchronized boolean send(byte[] bytes) {
        return send(bytes, 0, bytes.length);
    }

    private boolean sendView(int length) {
        if (!socket.isOpen()) {
            return false;
        }
        frame.setPayload(view);
        try {
            socket.sendFrame(frame);
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
        gauge.recordQueued(length);
        metrics.messageOut(length);
        return true;
    }

    /** Bytes queued on the socket and not yet written to the network (estimate, see {@link SendQueueGauge}). */
    long queuedBytes() {
        int frames = socket instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
        return gauge.queuedBytes(frames);
    }
}
