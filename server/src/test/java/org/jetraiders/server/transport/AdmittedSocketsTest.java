package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocket;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.Test;

/** The connection caps count every accepted socket, and the sweep closes only handshakes that are overdue. */
class AdmittedSocketsTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final InetAddress HOST = InetAddress.getLoopbackAddress();

    private final ServerMetrics metrics = new ServerMetrics();
    private final AdmittedSockets sockets = new AdmittedSockets(new AddressLimiter(3, 2), Duration.ofSeconds(10), metrics);
    private final List<WebSocket> closed = new ArrayList<>();

    /** A socket whose closeConnection does what the library's does: calls back into removeConnection. */
    private WebSocket socket() {
        WebSocket[] self = new WebSocket[1];
        self[0] = (WebSocket) Proxy.newProxyInstance(WebSocket.class.getClassLoader(), new Class<?>[] {WebSocket.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "closeConnection" -> {
                        closed.add(self[0]);
                        sockets.released(self[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "socket@" + System.identityHashCode(proxy);
                    default -> null;
                });
        return self[0];
    }

    @Test
    void shouldRefuseAtAcceptOnceTheCapsAreHeldBySocketsMidHandshake() throws Exception {
        assertNull(sockets.admit(socket(), HOST, 0));
        assertNull(sockets.admit(socket(), HOST, 0));

        assertEquals(HandshakeRefusal.PER_ADDRESS_LIMIT, sockets.admit(socket(), HOST, 0));
        assertNull(sockets.admit(socket(), InetAddress.getByAddress(new byte[] {10, 0, 0, 9}), 0));
        assertEquals(HandshakeRefusal.CONNECTION_LIMIT, sockets.admit(socket(), InetAddress.getByAddress(new byte[] {10, 0, 0, 8}), 0));
        assertEquals(1, metrics.handshakesRejected("per_address_limit"));
        assertEquals(1, metrics.handshakesRejected("connection_limit"));
        assertEquals(3, sockets.count());
    }

    @Test
    void shouldCloseOnlyHandshakesThatAreStillUnfinishedAtTheTimeout() {
        WebSocket opened = socket();
        WebSocket stalled = socket();
        WebSocket young = socket();
        sockets.admit(opened, HOST, 0);
        sockets.admit(stalled, HOST, 0);
        assertTrue(sockets.opened(opened));
        assertEquals(0, sockets.closeOverdueHandshakes(10 * SECOND - 1), "not overdue yet");
        assertEquals(HandshakeRefusal.PER_ADDRESS_LIMIT, sockets.admit(young, HOST, 5 * SECOND), "the stalled one holds a place");

        assertEquals(1, sockets.closeOverdueHandshakes(10 * SECOND));

        assertEquals(List.of(stalled), closed);
        assertEquals(1, metrics.handshakesRejected("handshake_timeout"));
        assertEquals(1, sockets.count(), "the stalled socket's place is free again");
        assertNull(sockets.admit(young, HOST, 10 * SECOND));
    }

    @Test
    void shouldLetTheTimeoutOrTheHandshakeWinButNeverBoth() {
        WebSocket raced = socket();
        sockets.admit(raced, HOST, 0);

        assertEquals(1, sockets.closeOverdueHandshakes(10 * SECOND));

        assertFalse(sockets.opened(raced), "a handshake finishing after the sweep closed it must not open");
        assertEquals(0, sockets.count());
    }

    @Test
    void shouldFreeThePlaceOnceHoweverOftenTheLibraryReportsTheClose() {
        WebSocket socket = socket();
        sockets.admit(socket, HOST, 0);
        sockets.opened(socket);

        sockets.released(socket);
        sockets.released(socket);

        assertEquals(0, sockets.count());
        assertNull(sockets.admit(socket(), HOST, 0));
        assertNull(sockets.admit(socket(), HOST, 0), "both places of the address are free");
    }

    @Test
    void shouldCloseARefusedHandshakeAtTheTimeoutWithoutCountingItAsATimeout() {
        WebSocket wrongPath = socket();
        sockets.admit(wrongPath, HOST, 0);
        sockets.refused(wrongPath);

        assertEquals(1, sockets.closeOverdueHandshakes(10 * SECOND));

        assertEquals(List.of(wrongPath), closed);
        assertEquals(0, metrics.handshakesRejected("handshake_timeout"));
    }
}
