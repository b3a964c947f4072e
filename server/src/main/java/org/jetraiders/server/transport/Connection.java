package org.jetraiders.server.transport;

import java.util.concurrent.ScheduledFuture;
import org.java_websocket.WebSocket;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.server.lobby.Seats;
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
 * One WebSocket client: its protocol state machine (waiting for Join → playing or spectating →
 * closed), input validation and rate limiting. Messages arrive on the selector thread; close and
 * detach may come from others, so the shared state is volatile and teardown runs once. A player's
 * plane outlives a dropped connection for the reconnect grace ({@link Seats}): teardown releases the
 * seat rather than leaving, unless the client left or was sent away.
 */
final class Connection implements InboundFrameReader.Handler, Seats.Holder {
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
    private final LobbyDoor door;
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
    private volatile boolean spectator;
    private volatile SpectatorFollow follow;
    private volatile boolean superseded;
    /** The close code when the client closed (not we): decides whether its plane waits for it. */
    private volatile int remoteCloseCode;

    Connection(WebSocket socket, java.net.InetAddress address, TransportContext context, String queryLobby,
               boolean binary, long nowNanos) {
        this.socket = socket;
        this.address = address;
        this.binary = binary;
        this.binaryDecoder = binary ? new BinaryClientMessageDecoder() : null;
        this.binaryInput = binary ? new BinaryInput() : null;
        this.context = context;
        this.door = new LobbyDoor(context);
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
            case SPECTATE -> onSpectate();
            case LEAVE -> onLeave();
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
            if (result != BinaryDecodeResult.UNKNOWN_KIND) {
                countInvalid(CloseReason.MALFORMED_BINARY);
            }
            return;
        }
        ManagedLobby current = lobby;
        if (current == null) {
            rejectBeforeJoin();
            return;
        }
        if (spectator) {
            rejectSpectatorInput();
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
        countInvalid(CloseReason.TOO_MANY_INVALID);
    }

    private void onJoin() {
        if (lobby != null) {
            context.metrics().rejectedInput("already_joined");
            sendError(ErrorCode.ALREADY_JOINED, spectator ? "already spectating; Join ignored"
                    : "already joined as player " + playerId + "; Join ignored");
            return;
        }
        Admission admission = door.admit(message, queryLobby, address, this);
        if (admission.isRefused()) {
            if (admission.error() != null) {
                sendError(admission.error(), admission.detail());
            }
            close(admission.close());
            return;
        }
        if (admission.warning() != null) {
            sendError(admission.warning(), null);
        }
        ScheduledFuture<?> timeout = joinTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        ManagedLobby target = admission.lobby();
        Lobby engineLobby = target.lobby();
        int id = admission.playerId();
        this.spectator = admission.isSpectator();
        this.playerId = id;
        this.name = admission.name();
        this.lobby = target;
        sender.send(spectator ? ServerMessages.spectating(target.name(), 0)
                : ServerMessages.identity(id, target.name(), admission.resumeToken(), admission.resumed()));
        try {
            long limit = context.config().sendQueueLimitBytes();
            // a spectator acknowledges nothing (it sends no Input), so its binary frames are relative to
            // the previous frame sent rather than to an acknowledged one, with a full one every second
            int tickRate = engineLobby.config().tickRateHz();
            if (binary) {
                BinaryConnectionSink binarySink = new BinaryConnectionSink(this, sender, id, limit,
                        spectator ? BinaryMode.PROJECTILE_EVENTS : BinaryMode.DELTA, tickRate, target.binaryStage());
                if (spectator) {
                    binarySink.fullFrameEvery(tickRate); // once a second
                }
                sink = binarySink;
            } else {
                sink = new JsonConnectionSink(this, sender, id, limit, target.jsonWorld());
            }
            if (spectator) {
                follow = new SpectatorFollow(target.name());
                sink.follow(follow);
            }
            keepAlive.rideOnTicks(tickRate);
            subscription = engineLobby.attach(sink);
        } catch (IllegalStateException stopping) {
            close(CloseReason.SERVER_STOPPING);
            return;
        }
        if (spectator) {
            LOG.info("spectate {} lobby={} format={}", remote, target.name(), binary ? "binary" : "json");
        } else {
            LOG.info("{} {} lobby={} player={} name={} format={}", admission.resumed() ? "resume" : "join", remote,
                    target.name(), id, name, binary ? "binary" : "json");
        }
        if (torndown) {
            teardown(); // closed while we were joining: undo what we just did
        }
    }

    /** Selector thread: a spectator picks whom to follow. */
    private void onSpectate() {
        if (lobby == null) {
            rejectBeforeJoin();
            return;
        }
        SpectatorFollow f = follow;
        if (f == null) {
            context.metrics().rejectedInput("not_spectating");
            sendError(ErrorCode.NOT_SPECTATING, "Spectate is for spectators (Join with \"spectate\":true); ignored");
            countInvalid(CloseReason.TOO_MANY_INVALID);
            return;
        }
        f.request(message.followPlayerId());
    }

    /** Selector thread: the client leaves for good; a player's plane goes at once, without a grace. */
    private void onLeave() {
        close(CloseReason.LEFT);
    }

    /** Selector thread: the superseded connection's work is over; nothing it sends counts any more. */
    @Override
    public void superseded() {
        superseded = true;
        sendError(ErrorCode.SUPERSEDED, "another connection joined as player " + playerId + " and took the plane over");
        close(CloseReason.SUPERSEDED);
    }

    private void onInput() {
        ManagedLobby current = lobby;
        if (current == null) {
            rejectBeforeJoin();
            return;
        }
        if (spectator) {
            rejectSpectatorInput();
            return;
        }
        submit(current, message.thrust(), message.turn(), message.shoot(), message.hasSeq() ? message.seq() : 0);
    }

    private void rejectSpectatorInput() {
        context.metrics().rejectedInput("spectator_input");
        sendError(ErrorCode.SPECTATOR_INPUT, "spectators cannot send Input; it was dropped");
        countInvalid(CloseReason.TOO_MANY_INVALID);
    }

    /** One more invalid message; past {@code --max-invalid-messages} the connection closes with {@code close}. */
    private void countInvalid(CloseReason close) {
        if (++invalidMessages > context.config().maxInvalidMessages()) {
            close(close);
        }
    }

    private void rejectBeforeJoin() {
        context.metrics().rejectedInput("join_required");
        sendError(ErrorCode.JOIN_REQUIRED, "send Join before Input");
        close(CloseReason.JOIN_REQUIRED);
    }

    private void submit(ManagedLobby current, double thrust, double turn, boolean shoot, long seq) {
        if (superseded) {
            return; // the plane is another connection's now
        }
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
        if (ours == null) {
            remoteCloseCode = code;
        }
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
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        if (spectator) {
            spectator = false; // once: the place is given back here
            current.exitAsSpectator(now);
            context.metrics().spectatorsChanged(-1);
        } else if (playerId > 0) {
            Seats.Release release = current.seats().release(playerId, this, keepsPlane(), now);
            if (release == Seats.Release.HELD) {
                LOG.info("lobby {} player {} dropped; its plane waits {} s for it", current.name(), playerId,
                        context.config().reconnectGrace().toSeconds());
            }
            playerId = 0;
        }
    }

    /** Whether this connection's end is a drop (its plane waits the grace) rather than a leave. */
    private boolean keepsPlane() {
        CloseReason ours = closeReason;
        return ours != null ? ours.keepsPlane : !CloseReason.isLeaveByClient(remoteCloseCode);
    }
}
