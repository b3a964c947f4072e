package org.jetraiders.server.transport;

import java.nio.charset.StandardCharsets;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.TextFrame;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * Sends frames on one connection (JSON as text frames, binary-protocol snapshots as binary frames),
 * tracking what waits in its send queue. Java-WebSocket copies a frame into its own buffer inside
 * {@code sendFrame}, so the builder and the frame objects are reused for every send: our side of a
 * snapshot send allocates nothing. Thread-safe (the consumer thread sends snapshots, the worker
 * thread sends replies).
 */
final class FrameSender {
    private final WebSocket socket;
    private final ServerMetrics metrics;
    private final SendQueueGauge gauge = new SendQueueGauge();
    private final TextFrame textFrame = new TextFrame();
    private final BinaryFrame binaryFrame = new BinaryFrame();
    private final EncodedBuffer builder = new EncodedBuffer(4096);

    FrameSender(WebSocket socket, ServerMetrics metrics) {
        this.socket = socket;
        this.metrics = metrics;
    }

    /** The shared WorldUpdate bytes with this client's input ack spliced in. */
    synchronized boolean sendWorldUpdate(EncodedBuffer shared, long ack) {
        if (JsonWorldUpdateFrame.withAck(shared, ack, builder) == 0) {
            return false;
        }
        return sendBuilder(textFrame);
    }

    /** A per-client binary snapshot: {@code encoder} fills the builder, which is sent as a binary frame. */
    synchronized boolean sendBinary(BinaryFrameWriter encoder) {
        builder.reset();
        if (encoder.write(builder) <= 0) {
            return false;
        }
        return sendBuilder(binaryFrame);
    }

    /** Writes one binary frame into the sender's builder (called under the sender's lock). */
    @FunctionalInterface
    interface BinaryFrameWriter {
        int write(EncodedBuffer out);
    }

    /** Copies and sends; false if the socket is closed. */
    synchronized boolean send(byte[] bytes, int offset, int length) {
        builder.reset();
        builder.put(bytes, offset, length);
        return sendBuilder(textFrame);
    }

    boolean send(byte[] bytes) {
        return send(bytes, 0, bytes.length);
    }

    /** Control messages (rare): encodes the text to UTF-8 and sends it. */
    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean sendBuilder(DataFrame frame) {
        if (!socket.isOpen()) {
            return false;
        }
        int length = builder.length();
        frame.setPayload(builder.view());
        frame.setFin(true);
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
