package org.jetraiders.server.transport;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.java_websocket.WebSocket;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.server.auth.GuestIdentity;
import org.jetraiders.server.auth.NameSanitizer;
import org.jetraiders.server.lobby.LobbyEntry;
import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.protocol.binary.BinaryClientMessageDecoder;
import org.jetraiders.server.protocol.binary.BinaryDecodeResult;
import org.jetraiders.server.protocol.binary.BinaryInput;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ClientMessageParser;
import org.jetraiders.server.protocol.json.ErrorCode;
import org.jetraiders.server.protocol.json.ParseResult;
import org.jetraiders.server.protocol.json.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket client: its protocol state machine (waiting for Join → playing → closed), input
 * validation and rate limiting. Messages arrive on the selector thread; close and detach may come
 * from others, so the shared state is volatile and teardown runs once.
 */
final class Connection implements InboundFrameReader.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** How long a client gets to answer our close frame before the TCP connection is cut. */
    static final long CLOSE_GRACE_MILLIS = 2000;

    private final WebSocket socket;
    private final java.net.InetAddress address;
    private final TransportContext context;
    private final String queryLobby;
    private final String remote;
    private final FrameSender sender;
    private final ClientMessageParser parser = new ClientMessageParser();
    private final ClientMessage message = new ClientMessage();
    private final boolean binary;
    private final BinaryClientMessageDecoder binaryDecoder;
    private final BinaryInput binaryInput;
    private final InputRateLimiter rateLimiter;
    private final InboundFrameReader inbound;
    private final KeepAlive keepAlive;
    private int invalidMessages;

    private volatile ScheduledFuture<?> joinTimeout;
    private volatile ManagedLobby lobby;
    private volatile int playerId;
    private volatile String name;
    private volatile ClientSubscription subscription;
    private volatile ConnectionSink sink;
    private volatile CloseReason closeReason;
    private volatile boolean torndown;

    Connection(WebSocket socket, java.net.InetAddress address, TransportContext context, String queryLobby,
               boolean binary, long nowNanos) {
        this.socket = socket;
        this.address = address;
        this.binary = binary;
        this.binaryDecoder = binary ? new BinaryClientMessageDecoder() : null;
        this.binaryInput = binary ? new BinaryInput() : null;
        this.context = context;
        this.queryLobby = queryLobby;
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
        this.sender = new FrameSender(socket, context.metrics());
        this.inbound = new InboundFrameReader(context.config().maxFrameBytes());
        this.keepAlive = new KeepAlive(context.config().connectionLostTimeout(), nowNanos);
        this.rateLimiter = new InputRateLimiter(context.config().maxInputsPerSecond(),
                context.config().floodCloseAfter().toNanos(), nowNanos);
    }

    void armJoinTimeout() {
        joinTimeout = context.timers().schedule(() -> {
            if (lobby == null) {
                close(CloseReason.JOIN_TIMEOUT);
            }
        }, context.config().joinTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    boolean isBinary() {
        return binary;
    }

    /** Selector thread: this connection's frame reader. */
    InboundFrameReader inbound() {
        return inbound;
    }

    /** Selector thread: one inbound text frame (JSON on every connection). */
    @Override
    public void onText(CharSequence text) {
        long nowNanos = System.nanoTime();
        context.metrics().messageIn(text.length());
        if (torndown || !admit(nowNanos)) {
            return;
        }
        ParseResult result = parser.parse(text, message);
        if (!result.isOk()) {
            rejectInvalid(result.errorCode());
            return;
        }
        switch (message.kind()) {
            case JOIN -> onJoin();
            case INPUT -> onInput();
            case PING -> sender.send(ServerMessages.pong(message.pingT(), System.currentTimeMillis()));
            default -> { }
        }
    }

    /** Selector thread: one inbound binary frame; only binary-protocol connections may send them (else 1003). */
    @Override
    public void onBinary(java.nio.ByteBuffer frame) {
        long nowNanos = System.nanoTime();
        context.metrics().messageIn(frame.remaining());
        if (!binary) {
            context.metrics().rejectedInput("binary_frame");
            close(CloseReason.BINARY_NOT_SUPPORTED);
            return;
        }
        if (torndown || !admit(nowNanos)) {
            return;
        }
        BinaryDecodeResult result = binaryDecoder.decode(frame, binaryInput);
        if (!result.isOk()) {
            context.metrics().rejectedInput("binary_" + result.name().toLowerCase());
            sendError(result.errorCode(), "binary frame rejected: " + result.name().toLowerCase().replace('_', ' '));
            // an unknown kind is ignored like an unknown JSON type; broken frames count toward the close
            if (result != BinaryDecodeResult.UNKNOWN_KIND && ++invalidMessages > context.config().maxInvalidMessages()) {
                close(CloseReason.MALFORMED_BINARY);
            }
            return;
        }
        ManagedLobby current = lobby;
        if (current == null) {
            rejectBeforeJoin();
            return;
        }
        ConnectionSink s = sink;
        if (s != null) {
            s.snapshotAcknowledged(binaryInput.ackedTick());
        }
        submit(current, binaryInput.thrust(), binaryInput.turn(), binaryInput.shoot(), binaryInput.seq());
    }

    /** Selector thread: a pong (not counted as a message; it only proves the client is there). */
    @Override
    public void onPong() {
        keepAlive.pong(System.nanoTime());
    }

    /** Client thread: this connection's keep-alive, which rides on the lobby's ticks while it plays. */
    KeepAlive keepAlive() {
        return keepAlive;
    }

    /**
     * Timer thread, every ping interval: pings a connection that is not in a lobby (in one, its
     * ticks carry the pings) and cuts one whose pong is overdue.
     */
    void sweepKeepAlive(long nowNanos) {
        if (torndown || keepAlive.onTicks()) {
            return;
        }
        if (keepAlive.lost(nowNanos)) {
            connectionLost();
            return;
        }
        try {
            socket.sendPing();
        } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closing) {
            // closed meanwhile: onClosed tears it down
        }
    }

    /** No pong in time: cut the TCP connection (a close handshake would wait on the silent peer). */
    void connectionLost() {
        synchronized (this) {
            if (closeReason != null) {
                return;
            }
            closeReason = CloseReason.CONNECTION_LOST;
        }
        socket.closeConnection(CloseReason.CONNECTION_LOST.code, CloseReason.CONNECTION_LOST.text);
    }

    /** Rate limit shared by both frame kinds; false when the message is dropped (or the flood closed). */
    private boolean admit(long nowNanos) {
        switch (rateLimiter.onMessage(nowNanos)) {
            case DROP -> {
                context.metrics().rejectedInput("flood");
                return false;
            }
            case CLOSE -> {
                context.metrics().rejectedInput("flood");
                sendError(ErrorCode.INPUT_FLOOD, "more than " + context.config().maxInputsPerSecond()
                        + " messages per second for too long");
                close(CloseReason.INPUT_FLOOD);
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void rejectInvalid(ErrorCode error) {
        context.metrics().rejectedInput(error.wireCode());
        if (error == ErrorCode.UNKNOWN_TYPE) {
            sendError(error, "unknown message type '" + message.unknownType() + "' ignored");
            return; // unknown types are ignored, not held against the client
        }
        sendError(error, message.errorDetail());
        if (++invalidMessages > context.config().maxInvalidMessages()) {
            close(CloseReason.TOO_MANY_INVALID);
        }
    }

    private void onJoin() {
        if (lobby != null) {
            context.metrics().rejectedInput("already_joined");
            sendError(ErrorCode.ALREADY_JOINED, "already joined as player " + playerId + "; Join ignored");
            return;
        }
        String token = message.sessionToken();
        String displayName = NameSanitizer.sanitize(message.name());
        if (token != null && !token.isEmpty()) {
            Optional<GuestIdentity> identity = context.auth().verify(token);
            if (identity.isEmpty()) {
                context.metrics().rejectedInput("invalid_token");
                sendError(ErrorCode.INVALID_TOKEN, "session token is invalid or expired; log in again");
                close(CloseReason.INVALID_TOKEN);
                return;
            }
            // a token says who the player is: its name wins over any name in the Join (else anyone
            // holding a token could play as anyone, even where anonymous play is off)
            displayName = identity.get().displayName();
        } else if (!context.config().allowAnonymous()) {
            context.metrics().rejectedInput("token_required");
            sendError(ErrorCode.INVALID_TOKEN, "this server requires a session token from /guest/login");
            close(CloseReason.TOKEN_REQUIRED);
            return;
        }
        String lobbyName = firstNonBlank(message.lobbyId(), queryLobby, context.config().defaultLobby());
        LobbyEntry entry = context.lobbies().enter(lobbyName, address);
        if (!entry.isEntered()) {
            refuseLobby(lobbyName, entry.refusal());
            return;
        }
        ManagedLobby target = entry.lobby();
        Lobby engineLobby = target.lobby();
        int id = engineLobby.join(displayName);
        if (id <= 0) {
            target.exit(System.nanoTime());
            sendError(ErrorCode.LOBBY_FULL, "lobby '" + lobbyName + "' is full ("
                    + engineLobby.config().maxPlayers() + " players)");
            close(id == Lobby.JOIN_FULL ? CloseReason.LOBBY_FULL : CloseReason.LOBBY_UNAVAILABLE);
            return;
        }
        ScheduledFuture<?> timeout = joinTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        this.playerId = id;
        this.name = displayName;
        this.lobby = target;
        sender.send(ServerMessages.identity(id, lobbyName));
        try {
            long limit = context.config().sendQueueLimitBytes();
            sink = binary
                    ? new BinaryConnectionSink(this, sender, id, limit, BinaryMode.DELTA,
                            engineLobby.config().tickRateHz(), target.binaryStage())
                    : new JsonConnectionSink(this, sender, id, limit, target.jsonWorld());
            keepAlive.rideOnTicks(engineLobby.config().tickRateHz());
            subscription = engineLobby.attach(sink);
        } catch (IllegalStateException stopping) {
            close(CloseReason.SERVER_STOPPING);
            return;
        }
        LOG.info("join {} lobby={} player={} name={} format={}", remote, lobbyName, id, displayName,
                binary ? "binary" : "json");
        if (torndown) {
            teardown(); // closed while we were joining: undo what we just did
        }
    }

    private void refuseLobby(String lobbyName, LobbyEntry.Refusal refusal) {
        if (refusal == LobbyEntry.Refusal.ADDRESS_LOBBY_LIMIT) {
            int cap = context.config().maxLobbiesPerAddress();
            sendError(ErrorCode.TOO_MANY_LOBBIES_FROM_ADDRESS, "lobby '" + lobbyName + "' does not exist and your address "
                    + "already created " + cap + " open lobbies (the limit); join an existing lobby, or create one "
                    + "after one of yours has closed");
            close(CloseReason.TOO_MANY_LOBBIES_FROM_ADDRESS);
            return;
        }
        String why = switch (refusal) {
            case INVALID_NAME -> "a lobby name is 1-32 characters of A-Z a-z 0-9 _ . -";
            case LOBBY_LIMIT -> "the server runs its maximum of " + context.config().maxLobbies() + " lobbies";
            default -> "the server is stopping";
        };
        sendError(ErrorCode.LOBBY_UNAVAILABLE, "lobby '" + lobbyName + "' cannot be opened: " + why);
        close(CloseReason.LOBBY_UNAVAILABLE);
    }

    private void onInput() {
        ManagedLobby current = lobby;
        if (current == null) {
            rejectBeforeJoin();
            return;
        }
        submit(current, message.thrust(), message.turn(), message.shoot(), message.hasSeq() ? message.seq() : 0);
    }

    private void rejectBeforeJoin() {
        context.metrics().rejectedInput("join_required");
        sendError(ErrorCode.JOIN_REQUIRED, "send Join before Input");
        close(CloseReason.JOIN_REQUIRED);
    }

    private void submit(ManagedLobby current, double thrust, double turn, boolean shoot, long seq) {
        InputResult result = current.lobby().submitInput(playerId, thrust, turn, shoot, seq);
        if (result != InputResult.ACCEPTED) {
            context.metrics().rejectedInput(result.name().toLowerCase());
        }
    }

    private void sendError(ErrorCode code, String detail) {
        sender.send(ServerMessages.error(code, detail));
    }

    /** Consumer thread: the engine stopped feeding this client. */
    void consumerDetached(DetachReason reason) {
        keepAlive.offTicks();
        switch (reason) {
            case TOO_SLOW -> {
                sendError(ErrorCode.TOO_SLOW, "send queue stayed over the limit; disconnecting");
                close(CloseReason.TOO_SLOW);
            }
            case LOBBY_STOPPED -> close(CloseReason.SERVER_STOPPING);
            case SINK_BLOCKED, SINK_FAILED -> close(CloseReason.INTERNAL_ERROR);
            case REQUESTED -> { }
        }
    }

    /** Closes with our reason (first reason wins). */
    void close(CloseReason reason) {
        boolean first;
        synchronized (this) {
            first = closeReason == null;
            if (first) {
                closeReason = reason;
            }
        }
        socket.close(reason.code, reason.text);
        if (first && !torndown) {
            // A client that stopped reading never gets our close frame (it waits behind everything
            // unsent), so the close handshake cannot finish and Java-WebSocket would keep the socket,
            // its queue and its connection slot until the lost-connection check, 15-25 s later.
            // Cut the TCP connection if it is still there after a short grace (SlowClientIT found it).
            try {
                context.timers().schedule(this::closeHandshakeTimedOut, CLOSE_GRACE_MILLIS,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // server stopping: WebSocketServer.stop cuts every connection itself
            }
        }
    }

    private void closeHandshakeTimedOut() {
        if (!torndown) {
            CloseReason reason = closeReason;
            socket.closeConnection(reason.code, reason.text);
        }
    }

    /** Any thread, once the socket closed: leave the lobby, stop the consumer, log and count. */
    void onClosed(int code, String reasonText, boolean remoteClosed) {
        CloseReason ours = closeReason;
        String label = ours != null ? ours.label : CloseReason.labelForRemoteClose(code);
        if (code == org.java_websocket.framing.CloseFrame.TOOBIG) {
            context.metrics().rejectedInput("frame_too_large");
        }
        context.metrics().connectionClosed(label);
        LOG.info("disconnect {} lobby={} player={} code={} reason={} ({})", remote,
                lobby == null ? "-" : lobby.name(), playerId, code, label, remoteClosed ? "by client" : "by server");
        torndown = true;
        teardown();
    }

    private synchronized void teardown() {
        ScheduledFuture<?> timeout = joinTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        ClientSubscription sub = subscription;
        subscription = null;
        if (sub != null) {
            sub.detach();
        }
        ManagedLobby current = lobby;
        if (current != null && playerId > 0) {
            current.lobby().leave(playerId);
            current.exit(System.nanoTime());
            playerId = 0;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
