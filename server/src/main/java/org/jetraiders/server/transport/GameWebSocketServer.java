package org.jetraiders.server.transport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game's WebSocket endpoint ({@code ws://host:port/ws?lobby_id=NAME}) on Java-WebSocket, with its
 * traps handled: Nagle off, a frame-size cap (1009 beyond it), no deflate, handshakes over the
 * connection caps refused in the handshake hook (never by returning false from {@code onConnect}),
 * and nothing that blocks in {@code onMessage}.
 */
public final class GameWebSocketServer extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(GameWebSocketServer.class);

    private final TransportContext context;
    private final AddressLimiter limiter;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    public GameWebSocketServer(ServerConfig config, LobbyManager lobbies, GuestAuth auth, ServerMetrics metrics,
                               ScheduledExecutorService timers) {
        super(new InetSocketAddress(config.host(), config.wsPort()),
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                List.of(new Draft_6455(Collections.emptyList(),
                        // the binary subprotocol when the client asks for it, else plain (JSON)
                        List.of(new Protocol(BinaryProtocolDescriptor.SUBPROTOCOL), new Protocol("")),
                        config.maxFrameBytes())));
        this.context = new TransportContext(config, lobbies, auth, metrics, timers);
        this.limiter = new AddressLimiter(config.maxConnections(), config.maxConnectionsPerAddress());
        setTcpNoDelay(true);
        setReuseAddr(true);
        setConnectionLostTimeout((int) Math.max(1, config.connectionLostTimeout().toSeconds()));
        setDaemon(true);
    }

    /** Starts and waits until the port is bound. */
    public void startAndAwait() throws Exception {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket server did not start within 10 s");
        }
        if (startFailure != null) {
            throw startFailure;
        }
    }

    /** The bound port (useful with port 0). */
    public int boundPort() {
        return getPort();
    }

    public int openConnections() {
        return limiter.total();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                        ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        String path = pathOf(request.getResourceDescriptor());
        if (!path.equals("/ws") && !path.equals("/ws/")) {
            context.metrics().handshakeRejected("unknown_path");
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown path " + path + "; use /ws");
        }
        String refusal = limiter.refusal(conn.getRemoteSocketAddress().getAddress());
        if (refusal != null) {
            context.metrics().handshakeRejected(refusal.contains("address") ? "per_address_limit" : "connection_limit");
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, refusal);
        }
        return builder;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        long now = System.nanoTime();
        java.net.InetAddress address = conn.getRemoteSocketAddress().getAddress();
        if (!limiter.acquire(address)) {
            context.metrics().handshakeRejected("connection_limit");
            conn.close(CloseReason.OVER_CAPACITY.code, CloseReason.OVER_CAPACITY.text);
            return;
        }
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
            connection.onText(message, System.nanoTime());
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Connection connection = conn.getAttachment();
        if (connection != null && connection.isBinary()) {
            connection.onBinary(message, System.nanoTime());
            return;
        }
        context.metrics().messageIn(message.remaining());
        context.metrics().rejectedInput("binary_frame");
        if (connection != null) {
            connection.close(CloseReason.BINARY_NOT_SUPPORTED);
        } else {
            conn.close(CloseReason.BINARY_NOT_SUPPORTED.code, CloseReason.BINARY_NOT_SUPPORTED.text);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Connection connection = conn.getAttachment();
        if (connection == null) {
            return; // refused at open: never counted
        }
        conn.setAttachment(null);
        limiter.release(connection.address());
        connection.onClosed(code, reason, remote);
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
        started.countDown();
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
