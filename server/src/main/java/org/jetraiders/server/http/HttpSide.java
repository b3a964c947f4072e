package org.jetraiders.server.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP side: guest login, health, metrics, lobby list, client config and static files,
 * on the JDK's built-in HTTP server with its own small worker pool ({@code jr-http-N}).
 *
 * <pre>{@code
 * HttpSide http = HttpSide.builder()
 *         .bind("0.0.0.0", 3000)
 *         .auth(new GuestAuth(GuestAuth.randomSecret(), System::currentTimeMillis, Duration.ofHours(12)))
 *         .lobbies(directory)
 *         .metrics(serverMetrics)
 *         .webSocket(3001, "/ws")
 *         .build();
 * http.start();
 * ...
 * http.stop();
 * }</pre>
 *
 * <p>Routes: {@code POST /guest/init}, {@code POST /guest/login}, {@code GET /health},
 * {@code GET /metrics}, {@code GET /lobbies}, {@code GET /config.json}, and {@code GET /} or
 * {@code GET /<file>} from the classpath folder {@code /web/}. {@code start} and {@code stop} may be
 * called from any thread, once each.
 */
public final class HttpSide {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSide.class);
    private static final int QUEUED_REQUESTS = 256;

    private final String host;
    private final int requestedPort;
    private final int threads;
    private final Router router;
    private final Object lock = new Object();
    private HttpServer server;
    private ThreadPoolExecutor executor;
    private boolean stopped;

    private HttpSide(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.threads = b.threads;
        GuestRoutes guest = new GuestRoutes(b.auth);
        InfoRoutes info = new InfoRoutes(b.lobbies, b.metrics, b.healthCheck, b.wsPort, b.wsPath);
        StaticFiles files = new StaticFiles(HttpSide.class.getClassLoader());
        this.router = new Router(files::serve)
                .add("POST", "/guest/init", guest::init)
                .add("POST", "/guest/login", guest::login)
                .add("GET", "/health", info::health)
                .add("GET", "/metrics", info::metrics)
                .add("GET", "/lobbies", info::lobbies)
                .add("GET", "/config.json", info::config);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException if the address cannot be bound
     * @throws IllegalStateException if already started
     */
    public void start() throws IOException {
        synchronized (lock) {
            if (server != null || stopped) {
                throw new IllegalStateException("HttpSide already started");
            }
            HttpServer s = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(QUEUED_REQUESTS), new WorkerFactory(),
                    new ThreadPoolExecutor.CallerRunsPolicy()); // a full queue slows the dispatcher down
            s.createContext("/", router);
            s.setExecutor(pool);
            s.start();
            server = s;
            executor = pool;
            LOG.info("HTTP side listening on {}:{}", host, s.getAddress().getPort());
        }
    }

    /** The bound port (the ephemeral one when built with port 0). */
    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("HttpSide not started");
            }
            return server.getAddress().getPort();
        }
    }

    /**
     * Answers new requests with 503, gives those in flight up to a second, then closes the listener,
     * the connections and the workers. Idempotent; a stopped side cannot be started again.
     */
    public void stop() {
        HttpServer s;
        ThreadPoolExecutor pool;
        synchronized (lock) {
            stopped = true;
            s = server;
            pool = executor;
            server = null;
            executor = null;
        }
        if (s == null) {
            return;
        }
        try {
            // the JDK 17 server's stop(delay) always waits the whole delay, so drain ourselves
            if (!router.drain(1, TimeUnit.SECONDS)) {
                LOG.warn("HTTP side stopping with requests still in flight");
            }
            s.stop(0);
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.stop(0);
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("HTTP side stopped");
    }

    private static final class WorkerFactory implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "jr-http-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }

    /** Configuration of an {@link HttpSide}; {@link #build()} checks every value. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 3000;
        private int threads = 2;
        private GuestAuth auth;
        private LobbyDirectory lobbies;
        private ServerMetrics metrics;
        private HealthCheck healthCheck;
        private int wsPort = 3001;
        private String wsPath = "/ws";

        private Builder() {
        }

        /** Address to listen on; default {@code 0.0.0.0:3000}. Port 0 picks an ephemeral port. */
        public Builder bind(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        /** Worker threads, 1 to 16; default 2. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Required: issues guest ids and session tokens. */
        public Builder auth(GuestAuth auth) {
            this.auth = auth;
            return this;
        }

        /** Required: the lobbies shown by /lobbies, /health and /metrics. */
        public Builder lobbies(LobbyDirectory lobbies) {
            this.lobbies = lobbies;
            return this;
        }

        /** Required: the transport's counters for /metrics. */
        public Builder metrics(ServerMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        /** Optional: health rules; default {@code new HealthCheck(System::nanoTime)}. */
        public Builder healthCheck(HealthCheck healthCheck) {
            this.healthCheck = healthCheck;
            return this;
        }

        /** Where browser clients find the WebSocket, served as /config.json; default 3001 and "/ws". */
        public Builder webSocket(int port, String path) {
            this.wsPort = port;
            this.wsPath = path;
            return this;
        }

        public HttpSide build() {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(lobbies, "lobbies");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(wsPath, "wsPath");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
            }
            if (wsPort < 1 || wsPort > 65535) {
                throw new IllegalArgumentException("wsPort must be in [1, 65535]: " + wsPort);
            }
            if (!wsPath.startsWith("/")) {
                throw new IllegalArgumentException("wsPath must start with '/': " + wsPath);
            }
            if (threads < 1 || threads > 16) {
                throw new IllegalArgumentException("threads must be in [1, 16]: " + threads);
            }
            if (healthCheck == null) {
                healthCheck = new HealthCheck(System::nanoTime);
            }
            return new HttpSide(this);
        }
    }
}
