package org.jetraiders.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.auth.GuestIdentity;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.support.FakeLobbyDirectory;
import org.jetraiders.server.support.FakeLobbyMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSideIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000_000L);
    private final GuestAuth auth = new GuestAuth(GuestAuth.randomSecret(), System::currentTimeMillis,
            Duration.ofHours(1));
    private final ServerMetrics metrics = new ServerMetrics();
    private final FakeLobbyMetrics mainMetrics = new FakeLobbyMetrics();
    private final FakeLobbyDirectory directory = new FakeLobbyDirectory();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private HttpSide http;

    @BeforeEach
    void start() throws IOException {
        mainMetrics.ticks = 1234;
        mainMetrics.lastTickNanos = nanoTime.get();
        directory.set(new LobbyView("main", 3, 64, LobbyStatus.MATCH_RUNNING, 540, 1234, mainMetrics));
        http = HttpSide.builder()
                .bind("127.0.0.1", 0)
                .auth(auth)
                .lobbies(directory)
                .metrics(metrics)
                .healthCheck(new HealthCheck(nanoTime::get))
                .webSocket(3001, "/ws")
                .build();
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response::toString);
        JsonElement element = JsonParser.parseString(response.body());
        assertTrue(element.isJsonObject(), response::body);
        return element.getAsJsonObject();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals(code, body.get("error").getAsString());
        assertFalse(body.get("message").getAsString().isBlank());
    }

    @Test
    void shouldLogAGuestInLikeTheGodotClient() throws Exception {
        HttpResponse<String> init = post("/guest/init", "{\"display_name\": \"Ada\"}");
        assertEquals(200, init.statusCode(), init::body);
        JsonObject initBody = json(init);
        assertTrue(initBody.get("guest_id").getAsJsonPrimitive().isString());
        String guestId = initBody.get("guest_id").getAsString();
        assertTrue(guestId.matches("[1-9][0-9]*"), guestId);

        HttpResponse<String> login = post("/guest/login",
                "{\"guest_id\": \"" + guestId + "\", \"display_name\": \"Ada\"}");
        assertEquals(200, login.statusCode(), login::body);
        JsonObject loginBody = json(login);
        String token = loginBody.get("session_token").getAsString();
        assertFalse(token.isBlank());
        assertEquals(guestId, loginBody.get("guest_id").getAsString());
        assertEquals("Ada", loginBody.get("display_name").getAsString());
        assertEquals(new GuestIdentity(Long.parseLong(guestId), "Ada"), auth.verify(token).orElseThrow());
        assertEquals("*", login.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void shouldAcceptANumericGuestIdAndSanitizeTheName() throws Exception {
        long id = auth.newGuestId();

        HttpResponse<String> login = post("/guest/login",
                "{\"guest_id\": " + id + ", \"display_name\": \" <b>Ada</b>\\u202e\\n \"}");

        assertEquals(200, login.statusCode(), login::body);
        assertEquals("<b>Ada</b>", json(login).get("display_name").getAsString());
        assertTrue(login.body().contains("<b>Ada</b>"), "no HTML escaping: " + login.body());
    }

    @Test
    void shouldGiveADefaultNameWhenNoneIsUsable() throws Exception {
        long id = auth.newGuestId();

        HttpResponse<String> login = post("/guest/login", "{\"guest_id\": \"" + id + "\", \"display_name\": \" \"}");

        assertEquals(200, login.statusCode(), login::body);
        assertEquals("guest-" + id, json(login).get("display_name").getAsString());
    }

    @Test
    void shouldLogInAGuestIdRememberedFromBeforeARestart() throws Exception {
        HttpResponse<String> login = post("/guest/login", "{\"guest_id\": \"41\", \"display_name\": \"Ada\"}");

        assertEquals(200, login.statusCode(), login::body);
        assertEquals("41", json(login).get("guest_id").getAsString());
        assertTrue(auth.verify(json(login).get("session_token").getAsString()).isPresent());
    }

    @Test
    void shouldRefuseLoginForAnInvalidGuestId() throws Exception {
        assertError(post("/guest/login", "{\"guest_id\": \"0\", \"display_name\": \"Ada\"}"), 401, "invalid_guest_id");
        assertError(post("/guest/login", "{\"guest_id\": \"-1\"}"), 401, "invalid_guest_id");
        assertError(post("/guest/login", "{\"guest_id\": \"abc\"}"), 401, "invalid_guest_id");
    }

    @Test
    void shouldAnswerBadJsonWith400() throws Exception {
        assertError(post("/guest/init", "{display_name: Ada"), 400, "invalid_json");
        assertError(post("/guest/init", "[\"Ada\"]"), 400, "invalid_json");
        assertError(post("/guest/init", ""), 400, "invalid_json");
        assertError(post("/guest/init", "{}"), 400, "missing_field");
        assertError(post("/guest/login", "{\"display_name\": \"Ada\"}"), 400, "missing_field");
        assertError(post("/guest/init", "{\"display_name\": {}}"), 400, "invalid_field");
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413() throws Exception {
        String huge = "{\"display_name\": \"" + "a".repeat(HttpLimits.DEFAULTS.maxBodyBytes()) + "\"}";

        assertError(post("/guest/init", huge), 413, "body_too_large");
    }

    @Test
    void shouldAnswerAnOversizedChunkedBodyWith413() throws Exception {
        String huge = "{\"display_name\": \"" + "a".repeat(HttpLimits.DEFAULTS.maxBodyBytes()) + "\"}";
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        // a publisher of unknown length makes the client send the body chunked, without Content-Length
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(bytes));

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/guest/init")).POST(chunked));

        assertError(response, 413, "body_too_large");
    }

    @Test
    void shouldAnswerAWrongMethodWith405AndAllow() throws Exception {
        HttpResponse<String> response = get("/guest/init");
        assertError(response, 405, "method_not_allowed");
        assertEquals("POST, OPTIONS", response.headers().firstValue("Allow").orElse(null));

        HttpResponse<String> postHealth = post("/health", "{}");
        assertError(postHealth, 405, "method_not_allowed");
        assertEquals("GET, OPTIONS", postHealth.headers().firstValue("Allow").orElse(null));

        assertEquals(405, send(HttpRequest.newBuilder(uri("/index.html")).DELETE()).statusCode());
    }

    @Test
    void shouldAnswerCorsPreflightWith204() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/guest/login"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://example.com")
                .header("Access-Control-Request-Method", "POST"));

        assertEquals(204, response.statusCode());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
    }

    @Test
    void shouldReportHealthyWhenLobbiesTickOnTime() throws Exception {
        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("ok", body.get("status").getAsString());
        JsonObject lobby = body.getAsJsonArray("lobbies").get(0).getAsJsonObject();
        assertEquals("main", lobby.get("name").getAsString());
        assertTrue(lobby.get("on_time").getAsBoolean());
    }

    @Test
    void shouldReportDegradedWhenALobbyStalls() throws Exception {
        nanoTime.addAndGet(Duration.ofSeconds(2).toNanos());

        HttpResponse<String> response = get("/health");

        assertEquals(503, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("degraded", body.get("status").getAsString());
        assertFalse(body.getAsJsonArray("lobbies").get(0).getAsJsonObject().get("on_time").getAsBoolean());
    }

    @Test
    void shouldServePrometheusMetrics() throws Exception {
        metrics.connectionOpened();
        metrics.messageIn(42);

        HttpResponse<String> response = get("/metrics");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("")
                .startsWith("text/plain; version=0.0.4"));
        // the client library writes counter and gauge values as doubles
        assertTrue(response.body().contains("# TYPE jetraiders_connections gauge\njetraiders_connections 1.0\n"));
        assertTrue(response.body().contains("jetraiders_bytes_in_total 42.0\n"));
        assertTrue(response.body().contains("jetraiders_players{lobby=\"main\"} 3.0\n"));
    }

    @Test
    void shouldListLobbies() throws Exception {
        FakeLobbyMetrics m = new FakeLobbyMetrics();
        directory.set(new LobbyView("main", 3, 64, LobbyStatus.MATCH_RUNNING, 540, 1234, mainMetrics),
                new LobbyView("second", 1, 8, LobbyStatus.matchStarting(3), -1, 7, m),
                new LobbyView("third", 0, 8, LobbyStatus.LOBBY, -1, 0, m));

        HttpResponse<String> response = get("/lobbies");

        assertEquals(200, response.statusCode());
        JsonArray lobbies = json(response).getAsJsonArray("lobbies");
        assertEquals(3, lobbies.size());
        assertEquals(JsonParser.parseString("{\"name\":\"main\",\"players\":3,\"max_players\":64,"
                + "\"status\":\"MatchRunning\",\"seconds_left\":540,\"tick\":1234}"), lobbies.get(0));
        assertEquals(JsonParser.parseString("{\"name\":\"second\",\"players\":1,\"max_players\":8,"
                + "\"status\":\"MatchStarting\",\"in_seconds\":3,\"tick\":7}"), lobbies.get(1));
        assertEquals("Lobby", lobbies.get(2).getAsJsonObject().get("status").getAsString());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void shouldServeTheClientConfig() throws Exception {
        HttpResponse<String> response = get("/config.json");

        assertEquals(200, response.statusCode());
        assertEquals(JsonParser.parseString("{\"ws_port\":3001,\"ws_path\":\"/ws\",\"tick_rate\":60}"), json(response));
    }

    @Test
    void shouldServeTheIndexPage() throws Exception {
        for (String path : new String[] {"/", "/index.html"}) {
            HttpResponse<String> response = get(path);

            assertEquals(200, response.statusCode(), path);
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
            assertTrue(response.body().contains("Jet Raiders server is running"));
            assertTrue(response.body().contains("/health") && response.body().contains("/metrics")
                    && response.body().contains("/lobbies"));
        }
    }

    @Test
    void shouldAnswerUnknownFilesWith404() throws Exception {
        assertError(get("/nope.html"), 404, "not_found");
        assertError(get("/healthz"), 404, "not_found");
        assertError(get("/logback-test.xml"), 404, "not_found");
    }

    @Test
    void shouldRejectPathTraversal() throws Exception {
        assertError(get("/%2e%2e/logback-test.xml"), 400, "bad_path");
        assertError(get("/..%2flogback-test.xml"), 400, "bad_path");
        assertEquals(400, rawGetStatus("/../logback-test.xml"));
        assertEquals(400, rawGetStatus("/web/../../org/jetraiders/server/http/HttpSide.class"));
    }

    @Test
    void shouldRefuseConnectionsAfterStopAndStopOnlyOnce() throws Exception {
        int port = http.port();
        assertEquals(200, get("/config.json").statusCode());

        http.stop();
        http.stop();

        assertThrows(IllegalStateException.class, http::port);
        assertThrows(IllegalStateException.class, http::start);
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void shouldNameItsWorkerThreads() throws Exception {
        assertEquals(200, get("/config.json").statusCode());

        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("jr-http-")));
    }

    @Test
    void shouldCloseTheConnectionAfterAnsweringARequestWhoseBodyItDidNotRead() throws Exception {
        // the body is declared but not sent yet when the 405 is written: it would be left in the connection
        String refused = rawResponseHead("POST /health HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n");
        assertTrue(refused.startsWith("HTTP/1.1 405"), refused);
        assertTrue(refused.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), refused);

        String plain = rawResponseHead("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(plain.startsWith("HTTP/1.1 200"), plain);
        assertFalse(plain.toLowerCase(java.util.Locale.ROOT).contains("connection: close"),
                "a request without a body keeps its connection: " + plain);
    }

    /** Writes {@code head} on a fresh socket and returns the response's status line and headers. */
    private String rawResponseHead(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            while (response.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                response.append((char) b);
            }
            return response.toString();
        }
    }

    /** Sends a request line exactly as written (HttpClient would not send "/../" unchanged). */
    private int rawGetStatus(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }
}
