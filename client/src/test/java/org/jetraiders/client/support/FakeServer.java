package org.jetraiders.client.support;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.jetraiders.client.binary.ProtocolDescriptor;

/**
 * A scripted stand-in for the game server, one client at a time: the test reads what the client sent
 * ({@link #nextText}, {@link #nextBinary}) and decides what to answer ({@link #send}, {@link #close}).
 * Offers the binary subprotocol as the real server does. Its callbacks run on Java-WebSocket's server
 * threads; the queues hand everything to the test's thread.
 */
public final class FakeServer extends WebSocketServer implements AutoCloseable {
    private static final long WAIT_SECONDS = 10;

    private final CountDownLatch started = new CountDownLatch(1);
    private final BlockingQueue<WebSocket> connections = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    private final AtomicInteger textsReceived = new AtomicInteger();
    private final AtomicInteger binariesReceived = new AtomicInteger();
    private final BlockingQueue<String> strangers = new LinkedBlockingQueue<>();
    private final AtomicInteger slowWrites = new AtomicInteger();
    private volatile WebSocket client;

    private FakeServer() {
        super(new InetSocketAddress("127.0.0.1", 0), List.of(new Draft_6455(Collections.emptyList(),
                List.of(new Protocol(ProtocolDescriptor.SUBPROTOCOL), new Protocol("")))));
        setReuseAddr(true);
    }

    public static FakeServer launch() throws InterruptedException {
        FakeServer s = new FakeServer();
        s.start();
        if (!s.started.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("fake server did not start");
        }
        return s;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + getPort() + pathAndQuery);
    }

    /**
     * Waits for the client at {@code clientAddress} (its local end) to connect; later sends and closes
     * go to it. A connection from anywhere else (another test's client that picked this port while it
     * was free, a port scan) is closed and named in {@link #describe()}, so it can never take the
     * place of the client under test.
     */
    public WebSocket awaitClient(InetSocketAddress clientAddress) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            WebSocket c = connections.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (c == null) {
                throw new AssertionError("no client connected from " + clientAddress + "; " + describe());
            }
            if (clientAddress.equals(c.getRemoteSocketAddress())) {
                client = c;
                return c;
            }
            strangers.add(String.valueOf(c.getRemoteSocketAddress()));
            c.close(1008, "not the client under test");
        }
    }

    /** The next text frame the client sent. */
    public String nextText() throws InterruptedException {
        String t = texts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("the client sent no text frame within " + WAIT_SECONDS + " s; " + describe());
        }
        return t;
    }

    /** The next binary frame the client sent. */
    public byte[] nextBinary() throws InterruptedException {
        byte[] b = binaries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (b == null) {
            throw new AssertionError("the client sent no binary frame within " + WAIT_SECONDS + " s; " + describe());
        }
        return b;
    }

    /**
     * What this server has seen, for a failing test's message: frames received so far, the current
     * client's state and the errors Java-WebSocket reported (which would otherwise go unseen).
     */
    public String describe() {
        WebSocket c = client;
        return "fake server received " + textsReceived.get() + " text and " + binariesReceived.get()
                + " binary frames; client " + (c == null ? "none" : c.getRemoteSocketAddress() + " " + c.getReadyState())
                + "; sends written only after 100 ms " + slowWrites.get()
                + "; other connections closed " + strangers + "; errors " + errors;
    }

    /** Sends a text frame to the client under test and returns once it is on the socket (see {@link #written}). */
    public void send(String text) {
        client.send(text);
        written();
    }

    /** Sends a binary frame to the client under test and returns once it is on the socket. */
    public void send(byte[] frame) {
        client.send(frame);
        written();
    }

    /**
     * Waits until Java-WebSocket has written what was sent, asking its selector again while it has
     * not. As far as we can read its code (1.6.0), its selector loop can lose a send: a key that was
     * once writable stays in the selected set with its write readiness, so later passes run the write
     * step for it too, and a pass that finds the queue empty sets the key back to read-only, which
     * overwrites the write interest that another thread's send set in between ({@code
     * WebSocketServer.doWrite} against {@code onWriteDemand}). The frame then waits for the next send,
     * which a scripted test may never make. What we saw: a frame the server sent right after receiving
     * one did not reach the client within 10 s, three times in about 150 runs of JetRaidersClientTest
     * (twice Identity, once a world frame); a 20,000-round ping-pong did not reproduce it (nor 3,000
     * rounds under -Xint), so the cause is not proven. {@link #describe()} counts the sends that needed
     * asking again.
     */
    private void written() {
        WebSocketImpl c = (WebSocketImpl) client;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        boolean counted = false;
        while (!c.outQueue.isEmpty()) {
            if (!counted && System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(100)) {
                counted = true;
                slowWrites.incrementAndGet(); // the library had not written it within 100 ms: asked again
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("a frame was not written within " + WAIT_SECONDS + " s; " + describe());
            }
            onWriteDemand(c); // write interest again, and a wake-up
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    public void close(int code, String reason) {
        client.close(code, reason);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.add(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (conn != client) {
            return; // a stranger's (see awaitClient): not part of the script
        }
        textsReceived.incrementAndGet();
        texts.add(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        if (conn != client) {
            return;
        }
        byte[] b = new byte[message.remaining()];
        message.get(b);
        binariesReceived.incrementAndGet();
        binaries.add(b);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        errors.add(String.valueOf(ex));
    }

    @Override
    public void close() throws InterruptedException {
        if (slowWrites.get() > 0) {
            System.err.println("FakeServer: a send waited over 100 ms for the library's write; " + describe());
        }
        stop(1000);
    }
}
