package org.jetraiders.server.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every socket the game port has accepted and not yet closed. Each holds a place under the
 * connection caps from the moment it is accepted, so sockets that never finish their handshake count
 * too; {@link #closeOverdueHandshakes} closes those still mid-handshake after the handshake timeout.
 *
 * <p>Threads: {@link #admit}, {@link #opened} and {@link #refused} run on the selector thread,
 * {@link #released} on whichever thread closes the socket, {@link #closeOverdueHandshakes} on the
 * timer thread. Nothing here runs per message or per tick.
 */
final class AdmittedSockets {
    private static final Logger LOG = LoggerFactory.getLogger(AdmittedSockets.class);
    /** What the library is told when we cut a socket mid-handshake (nothing reaches the client: no frame can be sent yet). */
    private static final String TIMEOUT_TEXT = "handshake timeout";

    private final AddressLimiter limiter;
    private final long timeoutNanos;
    private final ServerMetrics metrics;
    private final ConcurrentHashMap<WebSocket, SocketAdmission> sockets = new ConcurrentHashMap<>();

    AdmittedSockets(AddressLimiter limiter, Duration handshakeTimeout, ServerMetrics metrics) {
        this.limiter = limiter;
        this.timeoutNanos = handshakeTimeout.toNanos();
        this.metrics = metrics;
    }

    /**
     * A socket was just accepted: takes its place under the caps.
     *
     * @return null if it was admitted, else the cap that refused it (counted; the caller closes it)
     */
    HandshakeRefusal admit(WebSocket socket, InetAddress address, long nowNanos) {
        HandshakeRefusal refusal = limiter.acquire(address);
        if (refusal != null) {
            metrics.handshakeRejected(refusal.label);
            return refusal;
        }
        sockets.put(socket, new SocketAdmission(address, nowNanos));
        return null;
    }

    /** The socket's handshake finished: true if it keeps its place, false if the timeout closed it first. */
    boolean opened(WebSocket socket) {
        SocketAdmission admission = sockets.get(socket);
        return admission != null && admission.open();
    }

    /** The socket's handshake was refused with an HTTP answer (counted by the caller). */
    void refused(WebSocket socket) {
        SocketAdmission admission = sockets.get(socket);
        if (admission != null) {
            admission.refuse();
        }
    }

    /** The socket closed, whether its handshake finished or not: frees its place. Idempotent. */
    void released(WebSocket socket) {
        SocketAdmission admission = sockets.remove(socket);
        if (admission != null) {
            limiter.release(admission.address());
        }
    }

    /** Sockets holding a place: open connections plus those mid-handshake. */
    int count() {
        return limiter.total();
    }

    /**
     * Closes every socket that is still not open a handshake timeout after it was accepted (timer
     * thread, about once a second). Never throws: it runs on a shared scheduled executor, where an
     * exception would cancel every later run.
     *
     * @return how many it closed
     */
    int closeOverdueHandshakes(long nowNanos) {
        int closed = 0;
        try {
            // By key, not by entry: the map's entry iterator makes an entry object per socket, a
            // sweep's worth of garbage every second for every open connection (24 KB/s at 1,024).
            for (WebSocket socket : sockets.keySet()) {
                SocketAdmission admission = sockets.get(socket);
                if (admission != null && admission.expire(nowNanos, timeoutNanos)) {
                    if (!admission.wasRefused()) { // a refused one was counted when it was refused
                        metrics.handshakeRejected(HandshakeRefusal.HANDSHAKE_TIMEOUT.label);
                    }
                    close(socket);
                    closed++;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep of overdue handshakes failed; next one in a second", e);
        }
        if (closed > 0) {
            LOG.info("closed {} socket(s) that did not finish the WebSocket handshake in {} ms", closed,
                    timeoutNanos / 1_000_000);
        }
        return closed;
    }

    /** Server stopping: closes every socket still mid-handshake (the library's stop closes only open ones). */
    void closeAllPending() {
        for (Map.Entry<WebSocket, SocketAdmission> entry : sockets.entrySet()) {
            if (entry.getValue().settle()) {
                close(entry.getKey());
            }
        }
    }

    private static void close(WebSocket socket) {
        try {
            // cuts the TCP connection and calls back onWebsocketClose → removeConnection → released()
            socket.closeConnection(CloseFrame.NEVER_CONNECTED, TIMEOUT_TEXT);
        } catch (RuntimeException e) {
            LOG.debug("closing {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }
}
