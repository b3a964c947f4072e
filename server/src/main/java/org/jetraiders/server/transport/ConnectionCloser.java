package org.jetraiders.server.transport;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.server.protocol.json.ErrorCode;
import org.jetraiders.server.protocol.json.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one connection ends: our close reason (the first one wins), the cut after the close grace or
 * when the keep-alive finds the peer gone, and, once the socket closed, the count, the disconnect
 * log line and the teardown (run once, or again for a Join that finished after it) of what the
 * connection held in its lobby ({@link LobbyMembership#giveBack}).
 *
 * <p>Threads: {@link #close} on any (the selector thread for the protocol's closes, a client consumer
 * thread for a detach, the jr-timers thread for the join timeout); {@link #connectionLost} on the
 * jr-timers thread (the keep-alive sweep) or a consumer thread (a ping on the ticks); the close grace
 * on jr-timers; {@link #onClosed} on whichever thread saw the socket close. The close reason is set,
 * and the teardown runs, under this object's lock; the flags are volatile.
 */
final class ConnectionCloser {
    // the log lines keep the category they always had
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** How long a client gets to answer our close frame before the TCP connection is cut. */
    static final long CLOSE_GRACE_MILLIS = 2000;

    private final WebSocket socket;
    private final TransportContext context;
    private final FrameSender sender;
    private final KeepAlive keepAlive;
    private final String remote;

    private volatile CloseReason closeReason;
    private volatile boolean torndown;
    /** The close code when the client closed (not we): decides whether its plane waits for it. */
    private volatile int remoteCloseCode;

    ConnectionCloser(WebSocket socket, TransportContext context, FrameSender sender, KeepAlive keepAlive,
                     String remote) {
        this.socket = socket;
        this.context = context;
        this.sender = sender;
        this.keepAlive = keepAlive;
        this.remote = remote;
    }

    /** Whether the socket closed: nothing the client sends counts any more. */
    boolean isTorndown() {
        return torndown;
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

    /** Consumer thread: the engine stopped feeding this client. */
    void consumerDetached(DetachReason reason) {
        keepAlive.offTicks();
        switch (reason) {
            case TOO_SLOW -> {
                sender.send(ServerMessages.error(ErrorCode.TOO_SLOW, "send queue stayed over the limit; disconnecting"));
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
                context.timers().schedule(this::closeHandshakeTimedOut, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
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
    void onClosed(int code, boolean remoteClosed, LobbyMembership membership) {
        CloseReason ours = closeReason;
        String label = ours != null ? ours.label : CloseReason.labelForRemoteClose(code);
        if (code == CloseFrame.TOOBIG) {
            context.metrics().rejectedInput("frame_too_large");
        }
        context.metrics().connectionClosed(label);
        if (ours == null) {
            remoteCloseCode = code;
        }
        LOG.info("disconnect {} lobby={} player={} code={} reason={} ({})", remote, membership.lobbyName(),
                membership.playerId(), code, label, remoteClosed ? "by client" : "by server");
        torndown = true;
        teardown(membership);
    }

    /**
     * Gives back what the connection holds in its lobby: after {@link #onClosed}, and again by a Join
     * that finished after it. Under the lock so two teardowns never overlap.
     */
    synchronized void teardown(LobbyMembership membership) {
        membership.giveBack();
    }

    /** Whether this connection's end is a drop (its plane waits the grace) rather than a leave. */
    boolean keepsPlane() {
        CloseReason ours = closeReason;
        return ours != null ? ours.keepsPlane : !CloseReason.isLeaveByClient(remoteCloseCode);
    }
}
