package org.jetraiders.server.it.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jetraiders.client.GuestLogin;
import org.jetraiders.client.LoginFailedException;
import org.jetraiders.client.WireFormat;
import org.jetraiders.engine.LobbyMetrics;
import org.jetraiders.server.GameServer;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.metrics.RecentTicks;

/**
 * A real {@link GameServer} on ephemeral ports, plus what tests need around it: clients that are
 * closed with the server, HTTP calls, and polling a condition with a deadline (never a fixed sleep).
 */
public final class ServerFixture implements AutoCloseable {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final GameServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final List<TestClient> clients = new ArrayList<>();

    private ServerFixture(GameServer server) {
        this.server = server;
    }

    /** Test defaults: ports 0, a fixed seed, no countdown, journals under target/; then the caller's changes. */
    public static ServerConfig.Builder config() {
        ServerConfig.Builder b = ServerConfig.builder().wsPort(0).httpPort(0).seed(42).countdownSeconds(0).clientThreads(2);
        return b.journal(b.journal().withDataDir(dataDir()));
    }

    /** A fresh --data-dir under target/ (never the working directory's ./data) for one server. */
    public static Path dataDir() {
        try {
            Path base = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(base, "server-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ServerFixture start(ServerConfig.Builder config) throws Exception {
        GameServer server = new GameServer(config.build());
        server.start();
        return new ServerFixture(server);
    }

    public GameServer server() {
        return server;
    }

    /** The live counters of a lobby (null: the default lobby); fails if it does not exist. */
    public LobbyMetrics lobbyMetrics(String lobby) {
        ManagedLobby managed = lobby == null ? server.lobbies().defaultLobby() : server.lobbies().find(lobby);
        if (managed == null) {
            throw new AssertionError("no lobby " + lobby);
        }
        return managed.lobby().metrics();
    }

    public URI wsUri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.webSocketPort() + pathAndQuery);
    }

    /** A JSON client, not yet connected, closed with the fixture. */
    public TestClient client(String pathAndQuery) {
        return client(pathAndQuery, WireFormat.JSON);
    }

    /** A client asking for {@code format}, not yet connected, closed with the fixture. */
    public TestClient client(String pathAndQuery, WireFormat format) {
        TestClient client = new TestClient(wsUri(pathAndQuery), format);
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** A connected client on /ws (optionally in a lobby). */
    public TestClient connect(String lobby) throws InterruptedException {
        TestClient client = client(lobby == null ? "/ws" : "/ws?lobby_id=" + URLEncoder.encode(lobby, StandardCharsets.UTF_8));
        if (!client.open()) {
            throw new AssertionError("could not connect: " + client.closeCode() + " " + client.closeReason());
        }
        return client;
    }

    /** A connected, joined client; returns it with its player id known. */
    public TestClient joined(String lobby, String name) throws InterruptedException {
        TestClient client = connect(lobby);
        client.joinAs(name);
        return client;
    }

    // ---- HTTP

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(httpUri(path)).timeout(HTTP_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(httpUri(path)).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonObject json(HttpResponse<String> response) {
        JsonElement element = JsonParser.parseString(response.body());
        return element.getAsJsonObject();
    }

    /** The guest login the Godot client does (init, then login), by the client library; returns the session token. */
    public String guestLogin(String displayName) throws InterruptedException {
        try {
            return GuestLogin.login(httpUri("/"), displayName, HTTP_TIMEOUT).sessionToken();
        } catch (LoginFailedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Polls GET /health until it answers 200 and returns that answer; fails with the last answer if
     * none does in time. The server judges each lobby's late ticks over its recent window, so a burst
     * of late ticks on a loaded machine (a CPU-time question, not a behaviour) ages out once it leaves
     * the window, while a lobby that stopped ticking, or a health rule that is broken, never answers 200.
     */
    public HttpResponse<String> awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RecentTicks.DEFAULT_WINDOW.plusSeconds(1).plus(TestClient.TIMEOUT).toNanos();
        while (true) {
            HttpResponse<String> health = get("/health");
            if (health.statusCode() == 200) {
                return health;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/health did not answer 200 within the health window and "
                        + TestClient.TIMEOUT.toMillis() + " ms; last answer " + health.statusCode() + " " + health.body());
            }
            Thread.sleep(20); // polling interval, not synchronisation: the answer decides
        }
    }

    /** Names of the lobbies GET /lobbies lists. */
    public List<String> lobbyNames() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (JsonElement e : json(get("/lobbies")).getAsJsonArray("lobbies")) {
            names.add(e.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    private URI httpUri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    // ---- waiting

    /** Polls {@code condition} every 20 ms until it holds; fails after {@code timeout}. */
    public static void awaitCondition(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(20); // polling interval, not synchronisation: the condition decides
        }
    }

    public static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        awaitCondition(what, TestClient.TIMEOUT, condition);
    }

    @Override
    public void close() {
        List<TestClient> all;
        synchronized (clients) {
            all = new ArrayList<>(clients);
        }
        for (TestClient c : all) {
            c.closeQuietly();
        }
        server.stop();
    }
}
