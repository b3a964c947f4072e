package org.jetraiders.client;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinaryWriter;
import org.jetraiders.client.input.InputTracker;
import org.jetraiders.client.input.SentInput;
import org.jetraiders.client.message.ClientMessages;
import org.jetraiders.client.message.GameState;
import org.jetraiders.client.message.Identity;
import org.jetraiders.client.message.JoinRequest;
import org.jetraiders.client.message.Scoreboard;
import org.jetraiders.client.world.WorldSnapshot;

/**
 * A connection to a Jet Raiders server: connect, join a lobby, send inputs, receive the world.
 *
 * <pre>{@code
 * try (JetRaidersClient client = JetRaidersClient.builder(URI.create("ws://127.0.0.1:3001/ws"))
 *         .listener(new JetRaidersListener() {
 *             public void onWorld(WorldSnapshot world) { ... }   // on the connection's read thread
 *         })
 *         .connect()) {
 *     Identity me = client.join(JoinRequest.named("Ada"));
 *     client.sendInput(1.0, 0.5, false);                          // numbered and acknowledged for you
 * }
 * }</pre>
 *
 * <p>The client numbers every input ({@code seq} 1, 2, ...) and follows the server's acks of them
 * ({@link #inputs()}); on a binary connection every input also acknowledges the latest world frame
 * decoded, so the server sends small deltas against it, and a frame that does not decode makes the
 * client resync (docs/PROTOCOL.md). One client is one connection: after it closes, build another.
 *
 * <p>Threads: every method is thread-safe. {@link #join} blocks until the answer and must not be
 * called from a listener; the listeners run on the connection's read thread (package doc).
 */
public final class JetRaidersClient implements AutoCloseable {
    private final URI uri;
    private final Duration timeout;
    private final InputTracker inputs = new InputTracker();
    private final InboundDispatcher inbound;
    private final WebSocketConnection socket;
    /** Guards the binary input frame and the order of seq numbers on the wire. */
    private final Object sendLock = new Object();
    private final BinaryWriter inputFrame = new BinaryWriter(32);
    private boolean joinSent; // guarded by sendLock

    private JetRaidersClient(Builder b) {
        this.uri = b.uri;
        this.timeout = b.timeout;
        this.inbound = new InboundDispatcher(inputs, b.listeners);
        this.socket = new WebSocketConnection(b.uri, b.format, (int) Math.min(Integer.MAX_VALUE, b.timeout.toMillis()), inbound);
        socket.setTcpNoDelay(true); // inputs are small and latency-critical: no Nagle delay
        socket.setConnectionLostTimeout((int) b.connectionLostTimeout.toSeconds());
    }

    /** A builder for a connection to {@code wsUri}, e.g. {@code ws://127.0.0.1:3001/ws}. */
    public static Builder builder(URI wsUri) {
        return new Builder(wsUri);
    }

    /** {@link #builder(URI)} from a string. */
    public static Builder builder(String wsUri) {
        return new Builder(URI.create(wsUri));
    }

    private void open() throws ConnectFailedException, InterruptedException {
        boolean opened = socket.connectBlocking(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (opened) {
            return;
        }
        Exception failure = socket.failure();
        CloseInfo close = socket.closeInfo();
        abandon();
        String why;
        if (failure instanceof ConnectException) {
            why = "connection refused (" + failure.getMessage() + ")";
        } else if (failure != null) {
            why = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        } else if (close != null) {
            why = "the connection closed during the handshake (" + close + ")";
        } else {
            why = "no answer within " + timeout.toMillis() + " ms";
        }
        throw new ConnectFailedException(uri, why, failure);
    }

    /** Stops a connection that never opened, socket included, so its thread ends. */
    private void abandon() {
        socket.close();
        try {
            if (socket.getSocket() != null) {
                socket.getSocket().close(); // unblocks a read thread still waiting for the handshake
            }
        } catch (java.io.IOException ignored) {
            // closing anyway
        }
    }

    /**
     * Joins a lobby and waits for the server's {@code Identity}.
     *
     * @return this player's identity (also {@link #identity()})
     * @throws ServerErrorException       the server refused with an {@code Error} ({@code lobby_full},
     *                                    {@code lobby_unavailable}, {@code too_many_lobbies_from_address}, ...)
     * @throws ConnectionClosedException  the server closed the connection instead (e.g. 1008 "invalid token")
     * @throws JetRaidersException        no answer within the builder's timeout
     * @throws IllegalStateException      already joined, or called on the read thread (it would wait forever)
     */
    public Identity join(JoinRequest request) throws JetRaidersException, InterruptedException {
        if (Thread.currentThread() == socket.readThread()) {
            throw new IllegalStateException("join() waits for the server's answer: call it outside a listener");
        }
        CompletableFuture<Identity> answer = inbound.expectIdentity();
        sendJoin(request);
        CloseInfo closed = closeInfo();
        if (closed != null && !answer.isDone()) {
            // closed before the waiter was armed: nothing will answer it. A close after that has already
            // settled the answer, with the server's Error first when it sent one (the read thread's order)
            throw new ConnectionClosedException("Identity", closed);
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JetRaidersException j) {
                throw j;
            }
            throw new JetRaidersException("Join failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new JetRaidersException("no Identity within " + timeout.toMillis() + " ms of sending Join", e);
        }
    }

    /**
     * Sends a {@code Join} without waiting: the answer comes to the listeners ({@code onIdentity}, or
     * {@code onServerError} and {@code onClose}).
     *
     * @throws IllegalStateException already joined (the server would answer {@code already_joined})
     */
    public void sendJoin(JoinRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (sendLock) {
            if (joinSent) {
                throw new IllegalStateException("this connection already sent Join; a client joins one lobby");
            }
            joinSent = true;
        }
        sendText(ClientMessages.join(request));
    }

    /**
     * Sends the player's input, numbered with the next sequence number; the server holds it until the
     * next one. Send one per frame while playing (the Godot client sends 60 per second).
     *
     * @param thrust throttle change in [-1, 1] (clamped; NaN counts as 0): +1 opens the throttle
     * @param turn   turn rate in [-1, 1]: +1 clockwise at the full rate
     * @param shoot  trigger held
     * @return the input's sequence number, or -1 if the connection is closed (nothing was sent)
     * @throws IllegalStateException before {@code Identity}: the server closes a connection that
     *                               sends an input before joining
     */
    public long sendInput(double thrust, double turn, boolean shoot) {
        if (inbound.identity() == null) {
            throw new IllegalStateException("join first: the server closes a connection that sends Input before Join");
        }
        synchronized (sendLock) {
            if (!socket.isOpen()) {
                return -1;
            }
            SentInput in = inputs.next(thrust, turn, shoot, System.nanoTime());
            try {
                if (inbound.format() == WireFormat.BINARY) {
                    inputFrame.reset();
                    BinaryInputEncoder.encode(in.thrust(), in.turn(), in.shoot(), in.seq(), inbound.ackTick(), inputFrame);
                    socket.send(ByteBuffer.wrap(inputFrame.array(), 0, inputFrame.length())); // copied while masking
                } else {
                    socket.send(ClientMessages.input(in.thrust(), in.turn(), in.shoot(), in.seq()));
                }
            } catch (WebsocketNotConnectedException closedMeanwhile) {
                return -1;
            }
            inbound.inputsSent.incrementAndGet();
            return in.seq();
        }
    }

    /** Sends a {@code Ping} carrying the local clock (epoch ms); the {@code Pong} comes to the listeners. */
    public boolean ping() {
        return sendText(ClientMessages.ping(System.currentTimeMillis()));
    }

    /**
     * Sends a text frame as it is: for messages this library does not model (a later server's
     * additions) and for tests. The server answers anything malformed with an {@code Error}.
     *
     * @return false if the connection is closed (nothing was sent)
     */
    public boolean sendText(String text) {
        try {
            socket.send(text);
            return true;
        } catch (WebsocketNotConnectedException closed) {
            return false;
        }
    }

    /**
     * Sends a binary frame as it is (see {@link #sendText}). On a JSON connection the server closes
     * the connection with 1003.
     */
    public boolean sendBinary(byte[] bytes, int offset, int length) {
        try {
            socket.send(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (WebsocketNotConnectedException closed) {
            return false;
        }
    }

    // ---- state

    /** The format the connection speaks, as negotiated with the server. */
    public WireFormat format() {
        return inbound.format();
    }

    /** This end of the connection (its local address and port), or null before it connected. */
    public InetSocketAddress localAddress() {
        return socket.getLocalSocketAddress();
    }

    /** This player's identity, or null before the {@code Identity} arrived. */
    public Identity identity() {
        return inbound.identity();
    }

    /** The latest world snapshot received, or null before the first. */
    public WorldSnapshot latestWorld() {
        return inbound.world();
    }

    /** The lobby's latest status, or null before the first {@code GameState}. */
    public GameState gameState() {
        return inbound.gameState();
    }

    /** The latest scoreboard, or null before the first. */
    public Scoreboard scoreboard() {
        return inbound.scoreboard();
    }

    /** The inputs sent and the server's acks of them. */
    public InputTracker inputs() {
        return inputs;
    }

    /** The connection's counters so far (frames, snapshots, undecodable frames, inputs sent, ...). */
    public ClientStats stats() {
        return inbound.stats();
    }

    /** Whether the connection is open (false once either side started closing it). */
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** How the connection ended, or null while it is open. */
    public CloseInfo closeInfo() {
        return inbound.isClosed() ? socket.closeInfo() : null;
    }

    /** Adds a listener; it gets the messages that arrive from now on. */
    public void addListener(JetRaidersListener listener) {
        inbound.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener; a call already running on the read thread still completes. */
    public void removeListener(JetRaidersListener listener) {
        inbound.removeListener(listener);
    }

    /**
     * Waits until the connection is closed (by either side).
     *
     * @return how it ended, or null if it is still open after {@code timeout}
     */
    public CloseInfo awaitClose(Duration timeout) throws InterruptedException {
        return socket.closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? socket.closeInfo() : null;
    }

    /**
     * Closes the connection normally (1000) and waits up to the builder's timeout for the server's
     * answer, then drops it (from a listener it does not wait). Never throws; calling it again does
     * nothing.
     */
    @Override
    public void close() {
        close(CloseFrame.NORMAL, "");
    }

    /**
     * As {@link #close()}, with another close code: 1001 (going away) is what a browser sends when its
     * page reloads, and tells a server that allows reconnects to hold the plane for a while, where 1000
     * gives it up at once.
     */
    public void close(int code, String reason) {
        if (socket.closed.getCount() == 0) {
            return;
        }
        socket.closeAsked(code, reason);
        if (Thread.currentThread() == socket.readThread()) {
            return; // from a listener: the answer arrives on this very thread once the listener returns
        }
        try {
            if (!socket.closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                socket.closeNow("no close answer from the server");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.closeNow("interrupted while closing");
        }
    }

    /**
     * Ends the TCP connection at once, without a close handshake, as when a network goes away: the
     * server sees an abnormal end (1006) and, if it allows reconnects, holds the plane for a {@code Join}
     * with the resume token. Never throws; does nothing once closed.
     */
    public void drop() {
        if (socket.closed.getCount() != 0) {
            socket.closeNow("dropped by the client");
        }
    }

    /** Options of a connection; reusable, each {@link #connect()} opens a new one. */
    public static final class Builder {
        private final URI uri;
        private WireFormat format = WireFormat.BINARY;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration connectionLostTimeout = Duration.ofSeconds(60);
        private final List<JetRaidersListener> listeners = new ArrayList<>();

        private Builder(URI uri) {
            String scheme = Objects.requireNonNull(uri, "uri").getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
                throw new IllegalArgumentException("a WebSocket address (ws:// or wss://) is needed, not " + uri);
            }
            this.uri = uri;
        }

        /**
         * The format to ask for; {@link WireFormat#BINARY} by default (a few percent of JSON's bytes).
         * A server that does not offer binary answers with JSON, and an address with
         * {@code ?format=bin} gets binary frames whatever is asked here; {@link JetRaidersClient#format()}
         * says which it is.
         */
        public Builder format(WireFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Adds a listener (more can be added to the client later). */
        public Builder listener(JetRaidersListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** How long connecting, joining and closing may each take; 10 s by default. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The client pings the server and drops the connection when no pong came for this long
         * (whole seconds; 60 by default); zero turns it off. The server pings the client too.
         */
        public Builder connectionLostTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("connectionLostTimeout must not be negative: " + timeout);
            }
            this.connectionLostTimeout = timeout;
            return this;
        }

        /**
         * Opens the connection and waits for the handshake.
         *
         * @throws ConnectFailedException unreachable, refused, handshake refused, or no answer in time
         */
        public JetRaidersClient connect() throws ConnectFailedException, InterruptedException {
            JetRaidersClient client = new JetRaidersClient(this);
            client.open();
            return client;
        }
    }
}
