package org.jetraiders.server.transport;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.server.protocol.binary.BinaryClientMessageDecoder;
import org.jetraiders.server.protocol.binary.BinaryDecodeResult;
import org.jetraiders.server.protocol.binary.BinaryInput;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ClientMessageParser;
import org.jetraiders.server.protocol.json.ParseResult;
import org.jetraiders.server.protocol.json.PongBytes;
import org.jetraiders.server.protocol.json.ServerMessages;

/**
 * One WebSocket client: decodes its frames and hands each message to the part whose job it is, through
 * the protocol's states (waiting for Join → playing or spectating → closed). {@link InputGate}
 * rate-limits every message, counts the invalid ones and submits Inputs; {@link LobbyMembership}
 * handles the Join and holds the connection's place in its lobby; {@link ConnectionCloser} closes
 * the connection and tears it down once. Outside a lobby it also keeps the connection alive.
 *
 * <p>Messages and pongs arrive on the selector thread; the keep-alive sweep runs on the jr-timers
 * thread; the sinks report a lost connection or a detach from client consumer threads; the socket's
 * close may be seen on any of them. The parts say which of their state is shared and how.
 */
final class Connection implements InboundFrameReader.Handler {
    private final WebSocket socket;
    private final TransportContext context;
    private final FrameSender sender;
    private final ClientMessageParser parser = new ClientMessageParser();
    private final ClientMessage message = new ClientMessage();
    private final boolean binary;
    private final BinaryClientMessageDecoder binaryDecoder;
    private final BinaryInput binaryInput;
    private final InboundFrameReader inbound;
    private final KeepAlive keepAlive;
    private final ConnectionCloser closer;
    private final LobbyMembership membership;
    private final InputGate gate;
    /** Selector thread: the Pong's bytes, made at the first ping. */
    private byte[] pongBytes;

    Connection(WebSocket socket, InetAddress address, TransportContext context, String queryLobby,
               boolean binary, long nowNanos) {
        this.socket = socket;
        this.binary = binary;
        this.binaryDecoder = binary ? new BinaryClientMessageDecoder() : null;
        this.binaryInput = binary ? new BinaryInput() : null;
        this.context = context;
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        this.sender = new FrameSender(socket, context.metrics());
        this.inbound = new InboundFrameReader(context.config().maxFrameBytes());
        this.keepAlive = new KeepAlive(context.config().connectionLostTimeout(), nowNanos);
        this.closer = new ConnectionCloser(socket, context, sender, keepAlive, remote);
        this.membership = new LobbyMembership(this, context, sender, keepAlive, closer, address, queryLobby, remote,
                binary);
        this.gate = new InputGate(context, sender, closer, membership, nowNanos);
    }

    void armJoinTimeout() {
        membership.armJoinTimeout();
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
        if (closer.isTorndown() || !gate.admit(nowNanos)) {
            return;
        }
        ParseResult result = parser.parse(text, message);
        if (!result.isOk()) {
            gate.rejectInvalid(result.errorCode(), message);
            return;
        }
        switch (message.kind()) {
            case JOIN -> membership.onJoin(message);
            case INPUT -> gate.input(message.thrust(), message.turn(), message.shoot(),
                    message.hasSeq() ? message.seq() : 0, InputGate.NO_ACK);
            case PING -> pong(message.pingT());
            case SPECTATE -> onSpectate();
            case LEAVE -> onLeave();
            default -> { }
        }
    }

    /** Selector thread: answers a ping, from a reused array when the time is one {@link PongBytes} writes. */
    private void pong(double t) {
        long now = System.currentTimeMillis();
        if (pongBytes == null) {
            pongBytes = new byte[PongBytes.MAX_LENGTH]; // only clients that ping need one
        }
        int length = PongBytes.write(pongBytes, t, now);
        if (length < 0) {
            sender.send(ServerMessages.pong(t, now));
        } else {
            sender.send(pongBytes, 0, length); // the sender copies it
        }
    }

    /** Selector thread: one inbound binary frame; only binary-protocol connections may send them (else 1003). */
    @Override
    public void onBinary(ByteBuffer frame) {
        long nowNanos = System.nanoTime();
        context.metrics().messageIn(frame.remaining());
        if (!binary) {
            context.metrics().rejectedInput("binary_frame");
            closer.close(CloseReason.BINARY_NOT_SUPPORTED);
            return;
        }
        if (closer.isTorndown() || !gate.admit(nowNanos)) {
            return;
        }
        BinaryDecodeResult result = binaryDecoder.decode(frame, binaryInput);
        if (!result.isOk()) {
            context.metrics().rejectedInput("binary_" + result.name().toLowerCase());
            gate.sendError(result.errorCode(), "binary frame rejected: " + result.name().toLowerCase().replace('_', ' '));
            // an unknown kind is ignored like an unknown JSON type; broken frames count toward the close
            if (result != BinaryDecodeResult.UNKNOWN_KIND) {
                gate.countInvalid(CloseReason.MALFORMED_BINARY);
            }
            return;
        }
        gate.input(binaryInput.thrust(), binaryInput.turn(), binaryInput.shoot(), binaryInput.seq(),
                binaryInput.ackedTick());
    }

    /** Selector thread: a spectator picks whom to follow. */
    private void onSpectate() {
        if (membership.lobby() == null) {
            gate.rejectBeforeJoin();
            return;
        }
        SpectatorFollow f = membership.follow();
        if (f == null) {
            gate.rejectNotSpectating();
            return;
        }
        f.request(message.followPlayerId());
    }

    /** Selector thread: the client leaves for good; a player's plane goes at once, without a grace. */
    private void onLeave() {
        closer.close(CloseReason.LEFT);
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
        if (closer.isTorndown() || keepAlive.onTicks()) {
            return;
        }
        if (keepAlive.lost(nowNanos)) {
            closer.connectionLost();
            return;
        }
        try {
            socket.sendPing();
        } catch (WebsocketNotConnectedException closing) {
            // closed meanwhile: onClosed tears it down
        }
    }

    /** Timer or client thread: no pong in time (see {@link ConnectionCloser#connectionLost}). */
    void connectionLost() {
        closer.connectionLost();
    }

    /** Consumer thread: the engine stopped feeding this client. */
    void consumerDetached(DetachReason reason) {
        closer.consumerDetached(reason);
    }

    /** Any thread, once the socket closed: leave the lobby, stop the consumer, log and count. */
    void onClosed(int code, String reasonText, boolean remoteClosed) {
        closer.onClosed(code, remoteClosed, membership);
    }
}
