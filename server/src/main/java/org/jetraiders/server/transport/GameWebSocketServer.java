package org.jetraiders.server.transport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.auth.ResumeKeys;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game's WebSocket endpoint ({@code ws://host:port/ws?lobby_id=NAME}) on Java-WebSocket, with its
 * traps handled: Nagle off, a frame-size cap (1009 beyond it), no deflate, nothing that blocks in
 * {@code onMessage}, and the connection caps enforced on every accepted socket, handshake finished
 * or not: sockets over a cap are closed at accept ({@link AdmittingChannelFactory}, never by
 * returning false from {@code onConnect}), and handshakes still unfinished after
 * {@code --handshake-timeout-seconds} are closed by a sweep on the timer thread ({@link AdmittedSockets}).
 */
public final class GameWebSocketServer extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(GameWebSocketServer.class);
    /** The library's private {@code pushBuffer}: a read buffer goes back to its pool once decoded. */
    private static final MethodHandle PUSH_BUFFER;

    static {
        try {
            PUSH_BUFFER = MethodHandles.privateLookupIn(WebSocketServer.class, MethodHandles.lookup())
                    .findVirtual(WebSocketServer.class, "pushBuffer", MethodType.methodType(void.class, ByteBuffer.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TransportContext context;
    private final AdmittedSockets sockets;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private volatile java.util.concurrent.ScheduledFuture<?> keepAliveSweep;
    private volatile java.util.concurrent.ScheduledFuture<?> handshakeSweep;

    public GameWebSocketServer(ServerConfig config, LobbyManager lobbies, GuestAuth auth, ResumeKeys resumeKeys,
                               ServerMetrics metrics, ScheduledExecutorService timers) {
        // Reads are decoded on the selector thread (see queue): the library's one worker stays idle.
        super(new InetSocketAddress(config.host(), config.wsPort()), 1,
                List.of(new Draft_6455(Collections.emptyList(),
                        // the binary subprotocol when the client asks for it, else plain (JSON)
                        List.of(new Protocol(BinaryProtocolDescriptor.SUBPROTOCOL), new Protocol("")),
                        config.maxFrameBytes())));
        NodeFreeReadQueues.install(this);
        this.context = new TransportContext(config, lobbies, auth, resumeKeys, metrics, timers);
        this.sockets = new AdmittedSockets(new AddressLimiter(config.maxConnections(), config.maxConnectionsPerAddress()),
                config.handshakeTimeout(), metrics);
        setWebSocketFactory(new AdmittingChannelFactory(
                new DirectChannelFactory(pendingCapacity(config.sendQueueLimitBytes())), sockets));
        setTcpNoDelay(true);
        // the listen backlog: the library's default of 50 overflowed when hundreds of clients connected
        // at once while the server was busy (the load generator's 1,024-client ramp saw thousands of drops)
        setMaxPendingConnections(Math.max(128, Math.min(4096, config.maxConnections())));
        setReuseAddr(true);
        // our own keep-alive replaces the library's (see KeepAlive): its pings ride in the tick's write
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    /**
     * Bytes a connection may hold for a socket that does not keep up: the send-queue limit (beyond
     * which snapshots are skipped) plus room for the frames of the tick that crossed it and for replies.
     */
    static int pendingCapacity(long sendQueueLimitBytes) {
        return (int) Math.min(Integer.MAX_VALUE / 2, 2 * sendQueueLimitBytes + 256 * 1024);
    }

    /**
     * Called by the selector thread with each read: decode it here and now rather than waking a worker
     * thread per message. Nothing we run on a message blocks (inputs go into the lobby's ring with
     * {@code tryNext}); open connections' frames go through their {@link InboundFrameReader}, the
     * handshake and anything unusual through the library's decoder.
     */
    @Override
    protected void queue(WebSocketImpl ws) throws InterruptedException {
        ByteBuffer buf = ws.inQueue.poll();
        if (buf == null) {
            return;
        }
        try {
            Connection connection = ws.getAttachment();
            if (connection == null) {
                ws.decode(buf);
            } else {
                connection.inbound().read(buf, ws, connection);
            }
        } catch (RuntimeException e) {
            LOG.warn("failed to decode a read from {}; closing it", ws.getRemoteSocketAddress(), e);
            ws.close(CloseReason.INTERNAL_ERROR.code, CloseReason.INTERNAL_ERROR.text);
        } finally {
            try {
                PUSH_BUFFER.invokeExact((WebSocketServer) this, buf);
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("could not return a read buffer to the library's pool", t);
            }
        }
    }

    /** Starts, waits until the port is bound, and starts the sweep of overdue handshakes. */
    public void startAndAwait() throws Exception {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket server did not start within 10 s");
        }
        if (startFailure != null) {
            throw startFailure;
        }
        long period = sweepPeriodMillis(context.config().handshakeTimeout());
        handshakeSweep = context.timers().scheduleWithFixedDelay(
                () -> sockets.closeOverdueHandshakes(System.nanoTime()), period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * How often to look for overdue handshakes: coarse (a socket is closed between one timeout and
     * one timeout plus a period after its accept), at most once a second, and off the selector thread.
     */
    static long sweepPeriodMillis(java.time.Duration handshakeTimeout) {
        return Math.max(100, Math.min(1000, handshakeTimeout.toMillis() / 4));
    }


    /** The bound port (useful with port 0). */
    public int boundPort() {
        return getPort();
    }

    /** Sockets holding a place under the connection caps: open connections and those mid-handshake. */
    public int openSockets() {
        return sockets.count();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                        ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        String path = pathOf(request.getResourceDescriptor());
        if (!path.equals("/ws") && !path.equals("/ws/")) {
            context.metrics().handshakeRejected(HandshakeRefusal.UNKNOWN_PATH.label);
            sockets.refused(conn);
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown path " + path + "; use /ws");
        }
        return builder;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        long now = System.nanoTime();
        if (!sockets.opened(conn)) {
            // the handshake-timeout sweep closed this socket while its handshake was finishing
            conn.closeConnection(CloseFrame.NEVER_CONNECTED, "handshake timeout");
            return;
        }
        java.net.InetAddress address = conn.getRemoteSocketAddress().getAddress();
        context.metrics().connectionOpened();
        String resource = handshake.getResourceDescriptor();
        boolean binary = BinaryProtocolDescriptor.SUBPROTOCOL.equals(conn.getProtocol() == null ? null
                : conn.getProtocol().getProvidedProtocol())
                || BinaryProtocolDescriptor.FORMAT_QUERY_VALUE.equals(
                        queryParameter(resource, BinaryProtocolDescriptor.FORMAT_QUERY_NAME));
        Connection connection = new Connection(conn, address, context, queryParameter(resource, "lobby_id"), binary, now);
        conn.setAttachment(connection);
        connection.armJoinTimeout();
        LOG.info("connect {}", conn.getRemoteSocketAddress());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Connection connection = conn.getAttachment();
        if (connection != null) {
            connection.onText(message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Connection connection = conn.getAttachment();
        if (connection != null) {
            connection.onBinary(message);
            return;
        }
        context.metrics().messageIn(message.remaining());
        context.metrics().rejectedInput("binary_frame");
        conn.close(CloseReason.BINARY_NOT_SUPPORTED.code, CloseReason.BINARY_NOT_SUPPORTED.text);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Connection connection = conn.getAttachment();
        if (connection == null) {
            return; // closed in onOpen: never counted
        }
        conn.setAttachment(null);
        connection.onClosed(code, reason, remote);
    }

    /**
     * The library calls this for every accepted socket that closes, whether its handshake finished or
     * not ({@code onClose} only hears of finished ones): the one place a socket's cap place is freed
     * (idempotent, should a race make the library call it twice).
     */
    @Override
    protected boolean removeConnection(WebSocket ws) {
        sockets.released(ws);
        return super.removeConnection(ws);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
            LOG.error("WebSocket server error", ex);
        } else {
            LOG.debug("connection {} error: {}", conn.getRemoteSocketAddress(), ex.toString());
        }
    }

    @Override
    public void onStart() {
        // on the selector thread, before its first select
        Selector selector = SelectedKeySet.selectorOf(this);
        if (selector == null || !SelectedKeySet.install(selector, context.config().readBatch().toNanos())) {
            LOG.info("the JDK selector's ready-key set could not be replaced; it allocates per ready socket");
        }
        long interval = context.config().connectionLostTimeout().toNanos();
        keepAliveSweep = context.timers().scheduleAtFixedRate(this::sweepKeepAlive, interval, interval, TimeUnit.NANOSECONDS);
        started.countDown();
    }

    /** Timer thread: pings connections outside a lobby and cuts those whose pong is overdue. */
    private void sweepKeepAlive() {
        long now = System.nanoTime();
        for (WebSocket ws : getConnections()) {
            Connection connection = ws.getAttachment();
            if (connection != null) {
                connection.sweepKeepAlive(now);
            }
        }
    }

    /** A pong the library decoded (a connection whose frames it reads itself, see InboundFrameReader). */
    @Override
    public void onWebsocketPong(WebSocket conn, org.java_websocket.framing.Framedata frame) {
        Connection connection = conn.getAttachment();
        if (connection != null) {
            connection.onPong();
        }
    }

    /** Also closes the sockets still mid-handshake, which the library's stop leaves open. */
    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        java.util.concurrent.ScheduledFuture<?> sweep = keepAliveSweep;
        if (sweep != null) {
            sweep.cancel(false);
        }
        java.util.concurrent.ScheduledFuture<?> handshakes = handshakeSweep;
        if (handshakes != null) {
            handshakes.cancel(false);
        }
        sockets.closeAllPending();
        super.stop(timeout, closeMessage);
    }

    static String pathOf(String resourceDescriptor) {
        try {
            String path = URI.create(resourceDescriptor).getPath();
            return path == null ? "/" : path;
        } catch (IllegalArgumentException e) {
            return resourceDescriptor;
        }
    }

    static String queryParameter(String resourceDescriptor, String name) {
        int q = resourceDescriptor.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : resourceDescriptor.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
