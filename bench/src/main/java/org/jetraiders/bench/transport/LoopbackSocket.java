package org.jetraiders.bench.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A connected TCP socket pair on 127.0.0.1: {@link #server()} is the server's end (non-blocking, as a
 * selector-driven server's sockets are), and a daemon thread plays the client, reading everything
 * that arrives and counting it (optionally keeping a copy, for tests). Nodelay is on at the server's
 * end, as the game server asks Java-WebSocket to set it on accepted sockets.
 */
public final class LoopbackSocket implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final SocketChannel server;
    private final SocketChannel client;
    private final Thread reader;
    private final ByteArrayOutputStream copy;
    private volatile long received;
    private volatile boolean closed;

    private LoopbackSocket(String name, boolean keepCopy) throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        client = SocketChannel.open(listener.getLocalAddress());
        server = listener.accept();
        server.configureBlocking(false);
        server.setOption(StandardSocketOptions.TCP_NODELAY, true);
        copy = keepCopy ? new ByteArrayOutputStream() : null;
        reader = new Thread(this::drain, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** A socket pair whose client end is drained (and discarded) by a thread named {@code name}. */
    public static LoopbackSocket open(String name) throws IOException {
        return new LoopbackSocket(name, false);
    }

    /** As {@link #open}, keeping a copy of every byte received (for tests: unbounded). */
    public static LoopbackSocket openKeepingCopy(String name) throws IOException {
        return new LoopbackSocket(name, true);
    }

    private void drain() {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 18);
        byte[] chunk = copy == null ? null : new byte[buf.capacity()];
        try {
            int n;
            while ((n = client.read(buf)) >= 0) {
                if (copy != null) {
                    buf.flip();
                    buf.get(chunk, 0, n);
                    synchronized (copy) {
                        copy.write(chunk, 0, n);
                    }
                }
                buf.clear();
                received += n; // this thread is the only writer
            }
        } catch (IOException e) {
            if (!closed) {
                throw new IllegalStateException("loopback reader failed", e);
            }
        }
    }

    /** The server's end of the connection: non-blocking. */
    public SocketChannel server() {
        return server;
    }

    /** Bytes the client end has read so far. */
    public long received() {
        return received;
    }

    /** Waits until the client end has read {@code bytes} in all; false after {@code timeoutMillis}. */
    public boolean awaitReceived(long bytes, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (received < bytes) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    /** What the client end received, when opened with {@link #openKeepingCopy}. */
    public byte[] receivedBytes() {
        if (copy == null) {
            throw new IllegalStateException("opened without keeping a copy");
        }
        synchronized (copy) {
            return copy.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        client.close();
        listener.close();
    }
}
