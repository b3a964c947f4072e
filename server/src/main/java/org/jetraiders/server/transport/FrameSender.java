package org.jetraiders.server.transport;

import java.nio.charset.StandardCharsets;
import org.java_websocket.WebSocket;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * Sends frames on one connection (JSON as text frames, binary-protocol snapshots as binary frames).
 * Frames are framed here (RFC 6455 server frames: FIN, opcode, length; unmasked) into the sending
 * thread's buffer and written to the socket in one go: between {@link #beginBatch()} and {@link #endBatch()}
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
    /**
     * Framed bytes until they are written, the sending thread's: a batch is written before its
     * {@link #endBatch()} returns, so the bytes never outlive the call, and one buffer per sending
     * thread serves every connection. Per connection, each grew to the largest batch its client got
     * (a JSON tick ~14 KB, a binary one ~1 KB): thousands of live arrays, made while clients join and
     * copied by young collections until they were old (measured at 1,024 clients, BENCHMARKS.md).
     */
    private static final ThreadLocal<SendBuffer> FRAMES = ThreadLocal.withInitial(SendBuffer::new);
    private SendBuffer batch; // the open batch's buffer (under the lock), or null
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
        if (batchDepth++ == 0) {
            batch = SendBuffer.claim(this);
        }
    }

    /** Writes the batch (if this closes the outermost one). On the thread that began it. */
    synchronized void endBatch() {
        if (batchDepth > 0 && --batchDepth == 0) {
            SendBuffer done = batch;
            batch = null;
            try {
                flush(done.frames);
            } finally {
                done.release(this);
            }
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
        SendBuffer buffer = batch != null ? batch : SendBuffer.claim(this);
        try {
            append(opcode, payload, buffer.frames);
            if (batch == null) {
                flush(buffer.frames);
            }
        } finally {
            if (batch != buffer) {
                buffer.release(this);
            }
        }
        return !overflowed;
    }

    private void append(int opcode, EncodedBuffer payload, EncodedBuffer frames) {
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
    }

    /**
     * Writes the framed bytes: straight to the socket, or behind what the library has queued. The
     * buffer is emptied by its {@link SendBuffer#release}, which follows every flush.
     */
    private void flush(EncodedBuffer frames) {
        int length = frames.length();
        if (length == 0) {
            return;
        }
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

    /**
     * A sending thread's frame buffer and the sender using it. A thread sending on a second connection
     * while it holds the first one's batch open (nothing does today) gets a buffer of its own, so the two
     * never mix.
     */
    private static final class SendBuffer {
        final EncodedBuffer frames = new EncodedBuffer(512);
        private FrameSender user;

        static SendBuffer claim(FrameSender sender) {
            SendBuffer mine = FRAMES.get();
            if (mine.user != null) {
                mine = new SendBuffer(); // nested on this thread: rare, and it may allocate
            }
            mine.user = sender;
            return mine;
        }

        void release(FrameSender sender) {
            if (user == sender) {
                frames.reset();
                user = null;
            }
        }
    }
}
