package org.jetraiders.server.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.java_websocket.WrappedByteChannel;

/**
 * A connection's socket as Java-WebSocket sees it (installed through {@link DirectChannelFactory}),
 * with a second way in for our own frames: {@link FrameSender} writes a client's frames for a tick
 * straight to the socket from the thread that built them. That skips what the library's
 * {@code send} costs per frame: a fresh buffer holding a copy of the frame, a debug string built
 * from it, a queue node, and a selector wake-up (a context switch per frame, 15,000 a second at 256
 * clients).
 *
 * <p>What the kernel does not take at once waits in {@link #pending}, which the selector thread
 * flushes when the socket turns writable ({@link #writeMore}), and always before anything the library
 * queued later ({@link #write}). All writes hold one lock, so frames never interleave. Thread-safe.
 */
final class DirectSocketChannel implements WrappedByteChannel {
    private final SocketChannel channel;
    private final int pendingCapacity;
    private ByteBuffer pending = ByteBuffer.allocate(0); // write mode; grown on demand, rarely used
    private volatile int pendingBytes;

    /** @param pendingCapacity bytes that may wait for a slow socket before {@link #writeDirect} refuses more */
    DirectSocketChannel(SocketChannel channel, int pendingCapacity) {
        this.channel = channel;
        this.pendingCapacity = pendingCapacity;
    }

    /** Result of {@link #writeDirect}. */
    enum Outcome { WRITTEN, PENDING, OVERFLOW, CLOSED }

    /**
     * Writes {@code frames} (whole frames, position to limit) now, or keeps what the socket would not
     * take, behind anything still pending from before.
     *
     * @return {@link Outcome#PENDING} when bytes now wait (ask the selector to flush them),
     *     {@link Outcome#OVERFLOW} when they would exceed the pending capacity behind bytes already
     *     waiting (then nothing of them was written or kept; a batch the socket took in part is always
     *     kept whole, so the stream never breaks mid-frame)
     */
    Outcome writeDirect(ByteBuffer frames) {
        synchronized (this) {
            try {
                if (pending.position() > 0 && !flushPendingLocked()) {
                    // nothing of these frames is on the wire yet: they may be refused whole
                    return pending.position() + frames.remaining() > pendingCapacity ? Outcome.OVERFLOW : keep(frames);
                }
                channel.write(frames);
                // part of a frame may be on the wire now: the rest must follow, whatever the capacity
                return frames.hasRemaining() ? keep(frames) : Outcome.WRITTEN;
            } catch (IOException e) {
                return Outcome.CLOSED;
            }
        }
    }

    private Outcome keep(ByteBuffer frames) {
        int needed = pending.position() + frames.remaining();
        if (needed > pending.capacity()) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(needed, Math.min(pendingCapacity, pending.capacity() * 2)));
            pending.flip();
            grown.put(pending);
            pending = grown;
        }
        pending.put(frames);
        pendingBytes = pending.position();
        return Outcome.PENDING;
    }

    /** Writes what is pending; true when nothing is left. Holds the lock. */
    private boolean flushPendingLocked() throws IOException {
        pending.flip();
        try {
            channel.write(pending);
        } finally {
            pending.compact();
            pendingBytes = pending.position();
        }
        return pending.position() == 0;
    }

    /** Bytes waiting for the socket. */
    int pendingBytes() {
        return pendingBytes;
    }

    /** The library's writes (handshake, control frames, its own queue): after whatever is pending. */
    @Override
    public int write(ByteBuffer src) throws IOException {
        synchronized (this) {
            if (pending.position() > 0 && !flushPendingLocked()) {
                return 0;
            }
            return channel.write(src);
        }
    }

    @Override
    public boolean isNeedWrite() {
        return pendingBytes > 0;
    }

    @Override
    public void writeMore() throws IOException {
        synchronized (this) {
            if (pending.position() > 0) {
                flushPendingLocked();
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public boolean isNeedRead() {
        return false;
    }

    @Override
    public int readMore(ByteBuffer dst) {
        return 0;
    }

    @Override
    public boolean isBlocking() {
        return channel.isBlocking();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
