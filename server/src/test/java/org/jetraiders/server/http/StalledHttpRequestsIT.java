package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that open HTTP requests and never finish them: they must neither starve {@code /health}
 * and guest login nor stay open past the request timeout, and the connection cap and the header and
 * body size limits must hold. Latency is printed, not asserted; timing belongs in benchmarks.
 */
class StalledHttpRequestsIT {
    /** The client's own timeout: a route that has not answered by then is starved. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a test waits for the server to close what it must close; far above the timeouts set here. */
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(10);
    private static final Duration LONG = Duration.ofSeconds(120);

    private static final String PARTIAL_HEADERS = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
    private static final String HEADERS_WITHOUT_BODY = "POST /guest/init HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    private static final String PARTIAL_BODY = HEADERS_WITHOUT_BODY + "{\"display_";

    private final ServerMetrics metrics = new ServerMetrics();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();
    private final List<Socket> sockets = new ArrayList<>();
    private HttpSide http;

    private void start(UnaryOperator<HttpSide.Builder> limits) throws IOException {
        http = limits.apply(HttpSide.builder()
                .bind("127.0.0.1", 0)
                .auth(new GuestAuth(GuestAuth.randomSecret(), System::currentTimeMillis, Duration.ofHours(1)))
                .lobbies(List::of)
                .metrics(metrics)).build();
        http.start();
    }

    @AfterEach
    void stop() {
        sockets.forEach(RawHttp::closeQuietly);
        if (http != null) {
            http.stop();
        }
    }

    @Test
    void shouldAnswerHealthAndGuestInitWhileHundredsOfRequestsStall() throws Exception {
        start(b -> b.requestTimeout(LONG).idleTimeout(LONG));
        int stalled = 300;
        for (int i = 0; i < stalled; i++) {
            sockets.add(RawHttp.send(http.port(), List.of(PARTIAL_HEADERS, HEADERS_WITHOUT_BODY, PARTIAL_BODY).get(i % 3)));
        }
        ServerFixture.awaitCondition("every stalled request accepted", () -> http.openConnections() >= stalled);

        long[] healthNanos = new long[20];
        long[] initNanos = new long[20];
        for (int i = 0; i < healthNanos.length; i++) {
            long started = System.nanoTime();
            HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/health")).GET());
            healthNanos[i] = System.nanoTime() - started;
            assertEquals(200, health.statusCode(), health::body);

            started = System.nanoTime();
            HttpResponse<String> init = send(HttpRequest.newBuilder(uri("/guest/init"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"display_name\":\"Ada\"}")));
            initNanos[i] = System.nanoTime() - started;
            assertEquals(200, init.statusCode(), init::body);
            assertTrue(JsonParser.parseString(init.body()).getAsJsonObject().has("guest_id"), init::body);
        }

        assertTrue(http.openConnections() >= stalled, "the stalled requests were still open throughout");
        System.out.printf("with %d stalled requests open: GET /health %s; POST /guest/init %s%n",
                stalled, summary(healthNanos), summary(initNanos));
    }

    @Test
    void shouldCloseStalledRequestsOnceTheRequestTimeoutPasses() throws Exception {
        start(b -> b.requestTimeout(Duration.ofSeconds(1)).idleTimeout(LONG));
        int perKind = 70;
        List<Socket> partialHeaders = new ArrayList<>();
        List<Socket> missingBodies = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            partialHeaders.add(RawHttp.send(http.port(), PARTIAL_HEADERS));
            missingBodies.add(RawHttp.send(http.port(), HEADERS_WITHOUT_BODY));
            missingBodies.add(RawHttp.send(http.port(), PARTIAL_BODY));
        }
        sockets.addAll(partialHeaders);
        sockets.addAll(missingBodies);

        long deadline = System.nanoTime() + CLOSE_BOUND.toNanos();
        for (Socket socket : partialHeaders) {
            assertEquals("", RawHttp.readUntilClosed(socket, deadline), "closed without a response: no request to answer");
        }
        for (Socket socket : missingBodies) {
            String response = RawHttp.readUntilClosed(socket, deadline);
            assertEquals(408, RawHttp.status(response), response);
            JsonObject error = JsonParser.parseString(RawHttp.body(response)).getAsJsonObject();
            assertEquals("request_timeout", error.get("error").getAsString());
        }
        ServerFixture.awaitCondition("every stalled request counted",
                () -> metrics.httpRefusals(Refusals.REQUEST_TIMEOUT) == 3L * perKind);
        ServerFixture.awaitCondition("no connection left open", () -> http.openConnections() == 0);
    }

    @Test
    void shouldCloseAConnectionThatTricklesItsHeadersOnceTheRequestTimeoutPasses() throws Exception {
        start(b -> b.requestTimeout(Duration.ofSeconds(1)).idleTimeout(LONG));
        Socket socket = RawHttp.send(http.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
        sockets.add(socket);
        AtomicBoolean closed = new AtomicBoolean();
        // a byte every 50 ms keeps Jetty's idle timeout from ever firing; only the request timeout can end it
        Thread trickle = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                long until = System.nanoTime() + CLOSE_BOUND.toNanos();
                while (!closed.get() && System.nanoTime() < until) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(50); // the client's pace, not synchronisation
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the connection
            }
        }, "trickle");
        trickle.start();

        try {
            assertEquals("", RawHttp.readUntilClosed(socket, System.nanoTime() + CLOSE_BOUND.toNanos()));
        } finally {
            closed.set(true);
            trickle.join(TimeUnit.SECONDS.toMillis(5));
        }
        assertEquals(1, metrics.httpRefusals(Refusals.REQUEST_TIMEOUT));
    }

    @Test
    void shouldStopAcceptingAtTheConnectionCapAndCloseIdleConnectionsToMakeRoom() throws Exception {
        int cap = 8;
        start(b -> b.maxConnections(cap).requestTimeout(LONG).idleTimeout(LONG));
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < cap; i++) {
            stalled.add(RawHttp.send(http.port(), PARTIAL_HEADERS));
        }
        sockets.addAll(stalled);
        ServerFixture.awaitCondition("the cap reached", () -> http.openConnections() == cap);

        // the kernel completes this connection, but the server accepts it only once the cap has room
        Socket next = RawHttp.send(http.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        sockets.add(next);
        String response = RawHttp.readUntilClosed(next, System.nanoTime() + CLOSE_BOUND.toNanos());

        assertEquals(200, RawHttp.status(response), response);
        long deadline = System.nanoTime() + CLOSE_BOUND.toNanos();
        for (Socket socket : stalled) {
            // at the cap, idle connections get a 1 s idle timeout instead of the configured 120 s
            assertEquals("", RawHttp.readUntilClosed(socket, deadline));
        }
        assertTrue(metrics.httpRefusals(Refusals.CONNECTION_LIMIT) >= 1, () -> metrics.httpRefusedByReason().toString());
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413WithoutWaitingForIt() throws Exception {
        start(b -> b.maxBodyBytes(1024).requestTimeout(LONG).idleTimeout(LONG));

        // declared too large: answered at once, though not a byte of the body was sent
        Socket declared = RawHttp.send(http.port(), "POST /guest/init HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1025\r\n\r\n");
        sockets.add(declared);
        String response = RawHttp.readUntilClosed(declared, System.nanoTime() + CLOSE_BOUND.toNanos());
        assertEquals(413, RawHttp.status(response), response);
        assertEquals("body_too_large", JsonParser.parseString(RawHttp.body(response)).getAsJsonObject()
                .get("error").getAsString());

        String padded = "{\"display_name\":\"Ada\"}";
        padded += " ".repeat(1024 - padded.length());
        assertEquals(200, post(padded, false).statusCode(), "exactly at the limit");
        assertEquals(413, post(padded + " ", false).statusCode(), "one byte over");
        assertEquals(413, post(padded + " ", true).statusCode(), "one byte over, chunked");
        assertEquals(3, metrics.httpRefusals(Refusals.BODY_TOO_LARGE));
    }

    @Test
    void shouldRefuseHeadersOverTheLimitWith431() throws Exception {
        start(b -> b.maxHeaderBytes(2048));

        Socket socket = RawHttp.send(http.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(3000) + "\r\n\r\n");
        sockets.add(socket);
        String response = RawHttp.readUntilClosed(socket, System.nanoTime() + CLOSE_BOUND.toNanos());

        assertEquals(431, RawHttp.status(response), response);
        assertEquals("headers_too_large", JsonParser.parseString(RawHttp.body(response)).getAsJsonObject()
                .get("error").getAsString());
        assertEquals(1, metrics.httpRefusals(Refusals.HEADERS_TOO_LARGE));
        assertEquals(200, send(HttpRequest.newBuilder(uri("/health")).header("X-Small", "a".repeat(1000)).GET())
                .statusCode(), "headers under the limit are fine");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(CLIENT_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, boolean chunked) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // a publisher of unknown length makes the client send the body chunked, without Content-Length
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return send(HttpRequest.newBuilder(uri("/guest/init")).header("Content-Type", "application/json").POST(publisher));
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return String.format("p50 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
