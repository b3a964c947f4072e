package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sockets on the game port that never finish their WebSocket handshake: the server closes them after
 * {@code --handshake-timeout-seconds}, and until then they hold a place under the connection caps, so
 * a flood of them is refused at accept instead of piling up.
 */
class HandshakeTimeoutIT {
    /** A request line and some headers, but never the blank line that ends a handshake. */
    private static final String PARTIAL_HANDSHAKE = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n";
    /** Far above the 1 s timeout these tests configure: a socket still open after it was never going to close. */
    private static final Duration EOF_DEADLINE = Duration.ofSeconds(15);

    private ServerFixture fixture;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private ServerMetrics start(ServerConfig.Builder config) throws Exception {
        fixture = ServerFixture.start(config);
        return fixture.server().metrics();
    }

    /** A raw TCP connection to the game port that sends {@code bytes} (maybe none) and then nothing. */
    private Socket halfOpen(String bytes) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", fixture.server().webSocketPort()), 10_000);
        if (!bytes.isEmpty()) {
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        return socket;
    }

    /** Reads (and discards) until the server closes the connection; fails if it is still open after the deadline. */
    private static void awaitClosedByServer(Socket socket, String what) throws IOException {
        socket.setSoTimeout((int) EOF_DEADLINE.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        try {
            while (in.read(buffer) >= 0) {
                // an HTTP answer, if any: keep reading until the end of the stream
            }
        } catch (SocketTimeoutException e) {
            fail(what + ": still open " + EOF_DEADLINE.toSeconds() + " s later");
        } catch (SocketException reset) {
            // closed by the server with unread bytes in its buffer: a reset is a close too
        }
    }

    @Test
    void shouldCloseSocketsThatDoNotFinishTheirHandshakeWithinTheTimeout() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().handshakeTimeout(Duration.ofSeconds(1)));
        long started = System.nanoTime();
        Socket partial = halfOpen(PARTIAL_HANDSHAKE);
        Socket silent = halfOpen("");

        awaitClosedByServer(partial, "a socket that sent part of a handshake");
        awaitClosedByServer(silent, "a socket that sent nothing");

        assertTrue(System.nanoTime() - started >= Duration.ofSeconds(1).toNanos(), "not closed before the timeout");
        ServerFixture.awaitCondition("both timeouts counted", () -> metrics.handshakesRejected("handshake_timeout") == 2);
        ServerFixture.awaitCondition("their places under the caps freed", () -> fixture.server().openSockets() == 0);
        assertEquals(0, metrics.connections(), "neither ever counted as a WebSocket connection");
    }

    @Test
    void shouldCountHalfOpenSocketsTowardThePerAddressCap() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().maxConnectionsPerAddress(4)
                .handshakeTimeout(Duration.ofSeconds(120))); // the sockets stay half-open for the whole test
        assertHalfOpenSocketsHoldPlaces(metrics, "per_address_limit");
    }

    @Test
    void shouldCountHalfOpenSocketsTowardTheTotalCap() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().maxConnections(4).handshakeTimeout(Duration.ofSeconds(120)));
        assertHalfOpenSocketsHoldPlaces(metrics, "connection_limit");
    }

    /**
     * With a cap of 4: one player and three half-open sockets fill it; the next real client is refused
     * at accept while the player plays on; once the half-open sockets hang up, a new client gets in.
     */
    private void assertHalfOpenSocketsHoldPlaces(ServerMetrics metrics, String refusalLabel) throws Exception {
        TestClient player = fixture.joined(null, "Player");
        List<Socket> flood = List.of(halfOpen(PARTIAL_HANDSHAKE), halfOpen(PARTIAL_HANDSHAKE), halfOpen(""));
        ServerFixture.awaitCondition("the half-open sockets accepted", () -> fixture.server().openSockets() == 4);

        TestClient overTheCap = fixture.client("/ws");
        assertFalse(overTheCap.open(), "the cap is full of half-open sockets: the next client must be refused");
        ServerFixture.awaitCondition("refusal counted", () -> metrics.handshakesRejected(refusalLabel) == 1);
        assertStillPlaying(player);

        for (Socket s : flood) {
            s.close();
        }
        ServerFixture.awaitCondition("the half-open sockets' places freed", () -> fixture.server().openSockets() == 1);
        TestClient next = fixture.joined(null, "Next");
        next.awaitWorldUpdateAfter(0);
        assertStillPlaying(player);
        assertEquals(0, metrics.handshakesRejected("handshake_timeout"));
    }

    @Test
    void shouldLeaveConnectionsThatFinishedTheirHandshakeOpenPastTheTimeout() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().handshakeTimeout(Duration.ofSeconds(1)));
        TestClient player = fixture.joined(null, "Player");

        // accepted after the player, so once the server closed it the player's deadline has long passed
        awaitClosedByServer(halfOpen(PARTIAL_HANDSHAKE), "a socket that sent part of a handshake");
        ServerFixture.awaitCondition("timeout counted", () -> metrics.handshakesRejected("handshake_timeout") == 1);

        ServerFixture.awaitCondition("the half-open socket's place freed", () -> fixture.server().openSockets() == 1);
        assertStillPlaying(player);
    }

    @Test
    void shouldCloseARefusedHandshakeWhoseClientNeverHangsUp() throws Exception {
        ServerMetrics metrics = start(ServerFixture.config().handshakeTimeout(Duration.ofSeconds(1)));
        Socket wrongPath = halfOpen("GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");

        awaitClosedByServer(wrongPath, "a socket refused with 404 that kept its end open");

        ServerFixture.awaitCondition("refusal counted", () -> metrics.handshakesRejected("unknown_path") == 1);
        ServerFixture.awaitCondition("place freed", () -> fixture.server().openSockets() == 0);
        assertEquals(0, metrics.handshakesRejected("handshake_timeout"), "a refusal is not also a timeout");
    }

    /** Ping → Pong and a fresh WorldUpdate: the connection is open and served. */
    private static void assertStillPlaying(TestClient player) throws InterruptedException {
        player.sendMessage("Ping", "{\"t\":5}");
        assertEquals(5, player.await("Pong", d -> d.has("t") && d.get("t").getAsLong() == 5).get("t").getAsLong());
        player.awaitWorldUpdateAfter(player.lastTick());
        assertFalse(player.hasClosed(), "the player must stay connected");
    }
}
