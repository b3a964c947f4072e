package org.jetraiders.server.transport;

import java.nio.charset.StandardCharsets;
import org.java_websocket.WebSocket;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * Sends frames on one connection (JSON as text frames, binary-protocol snapshots as binary frames).
 * Frames are framed here (RFC 6455 server frames: FIN, opcode, length; unmasked) into one reusable
 * buffer and written to the socket in one go: between {@link #beginBatch()} and {@link #endBatch()}
 * (a tick's kill feed, scoreboard and world update) that is one write for all of them. Through
 * {@link DirectSocketChannel} the write skips Java-WebSocket's queue, its per-frame copy and its
 * selector wake-up; our side allocates nothing per send.
 *
 * <p>Thread-safe (the consumer thread sends snapshots, the selector thread sends replies).
 */
final class FrameSender {
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_BINARY = 0x2;
    private static final int OPCODE_PING = 0x9;
    private static final int MAX_HEADER = 10;

    private final FrameOutput output;
    private final ServerMetrics metrics;
    private final SendQueueGauge gauge = new SendQueueGauge();
    /**
     * A frame's payload before it is framed into {@link #frames}: filled and copied within one call, so
     * one per thread serves every connection that thread sends on. Per connection it would grow to the
     * largest frame each client gets (a JSON WorldUpdate ~14 KB) and stay that size.
     */
    private static final ThreadLocal<EncodedBuffer> PAYLOAD = ThreadLocal.withInitial(() -> new EncodedBuffer(512));
    // the tick's frames until the batch is written: grows to the largest batch this client gets
    private final EncodedBuffer frames = new EncodedBuffer(512);
    private int batchDepth;
    private boolean overflowed;
    private volatile boolean everQueued; // set (under the lock) once a frame of ours went into the library's queue

    FrameSender(WebSocket socket, ServerMetrics metrics) {
        this(FrameOutput.of(socket), metrics);
    }

    FrameSender(FrameOutput output, ServerMetrics metrics) {
        this.output = output;
        this.metrics = metrics;
    }

    /** Frames sent until the matching {@link #endBatch()} go out in one write. Nestable. */
    synchronized void beginBatch() {
        batchDepth++;
    }

    /** Writes the batch (if this closes the outermost one). */
    synchronized void endBatch() {
        if (batchDepth > 0 && --batchDepth == 0) {
            flush();
        }
    }

    /** The shared WorldUpdate bytes with this client's input ack spliced in. */
    synchronized boolean sendWorldUpdate(EncodedBuffer shared, long ack) {
        EncodedBuffer payload = PAYLOAD.get();
        if (JsonWorldUpdateFrame.withAck(shared, ack, payload) == 0) {
            return false;
        }
        return frame(OPCODE_TEXT, payload);
    }

    /**
     * A per-client binary snapshot: {@code encoder} fills the payload, which is sent as a binary frame.
     * The snapshot is passed through rather than parked in a field of the caller's, since a reference
     * stored into a long-lived object on every send is a card G1 must refine.
     */
    synchronized boolean sendBinary(BinaryFrameWriter encoder, Snapshot snapshot, long inputAck) {
        EncodedBuffer payload = PAYLOAD.get();
        payload.reset();
        if (encoder.write(payload, snapshot, inputAck) <= 0) {
            return false;
        }
        return frame(OPCODE_BINARY, payload);
    }

    /** A ping (a keep-alive) carrying {@code stamp}; in a batch it rides in the tick's one write. */
    synchronized boolean sendPing(long stamp) {
        EncodedBuffer payload = PAYLOAD.get();
        payload.reset();
        for (int shift = 56; shift >= 0; shift -= 8) {
            payload.put((byte) (stamp >>> shift));
        }
        return frame(OPCODE_PING, payload);
    }

    /** Writes one binary frame's payload into the sender's buffer (called under the sender's lock). */
    @FunctionalInterface
    interface BinaryFrameWriter {
        int write(EncodedBuffer out, Snapshot snapshot, long inputAck);
    }

    /** Sends a text frame holding a copy of these UTF-8 bytes; false if the socket is closed. */
    synchronized boolean send(byte[] bytes, int offset, int length) {
        EncodedBuffer payload = PAYLOAD.get();
        payload.reset();
        payload.put(bytes, offset, length);
        return frame(OPCODE_TEXT, payload);
    }

    boolean send(byte[] bytes) {
        return send(bytes, 0, bytes.length);
    }

    /** Control messages (rare): encodes the text to UTF-8 and sends it. */
    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends the payload as one frame, and writes unless a batch is open. */
    private boolean frame(int opcode, EncodedBuffer payload) {
        if (!output.isOpen()) {
            return false;
        }
        int length = payload.length();
        byte[] out = frames.ensureCapacity(frames.length() + MAX_HEADER + length);
        int p = frames.length();
        out[p++] = (byte) (0x80 | opcode);
        if (length < 126) {
            out[p++] = (byte) length;
        } else if (length <= 0xFFFF) {
            out[p++] = 126;
            out[p++] = (byte) (length >>> 8);
            out[p++] = (byte) length;
        } else {
            out[p++] = 127;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out[p++] = (byte) ((long) length >>> shift);
            }
        }
        System.arraycopy(payload.array(), 0, out, p, length);
        frames.setLength(p + length);
        if (opcode != OPCODE_PING) {
            metrics.messageOut(length); // messages, not keep-alive control frames
        }
        if (batchDepth == 0) {
            flush();
        }
        return !overflowed;
    }

    /** Writes the framed bytes: straight to the socket, or behind what the library has queued. */
    private void flush() {
        int length = frames.length();
        if (length == 0) {
            return;
        }
        try {
            if (output.mustQueue()) {
                // Something of the library's is queued (the handshake reply to a client that did not
                // wait for it, a pong, a close): keep the order by queueing behind it. Rare; copies.
                output.queue(frames.array(), length);
                gauge.recordQueued(length);
                everQueued = true;
                return;
            }
            switch (output.writeDirect(frames.view())) {
                case PENDING -> output.requestFlush();
                case OVERFLOW -> overflowed = true; // canAccept() now says no: the consumer skips, then closes it
                default -> { }
            }
        } finally {
            frames.reset();
        }
    }

    /**
     * Bytes waiting for the socket: ours kept by the channel, plus ours in the library's queue. Asked
     * before every snapshot; until we first queue behind the library, none of ours can be in its queue,
     * so the check stays on this object and the channel's (the library's queue, its size and the gauge
     * are three more objects, each a cache miss per client per tick).
     */
    long queuedBytes() {
        if (overflowed) {
            return Long.MAX_VALUE;
        }
        long pending = output.pendingBytes();
        return everQueued ? pending + gauge.queuedBytes(output.queuedFrames()) : pending;
    }
}
