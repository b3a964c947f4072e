package org.jetraiders.server.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP side: guest login, health, metrics, lobby list, client config and static files,
 * on an embedded Jetty with a small thread pool ({@code jr-http-N}). Every request is bounded: in time
 * (its headers and body must arrive within the request timeout; a silent connection is closed after
 * the idle timeout), in size (headers, body) and in number (connections); see {@link Builder}.
 *
 * <pre>{@code
 * HttpSide http = HttpSide.builder()
 *         .bind("0.0.0.0", 3000)
 *         .auth(new GuestAuth(GuestAuth.randomSecret(), System::currentTimeMillis, Duration.ofHours(12)))
 *         .lobbies(directory)
 *         .metrics(serverMetrics)
 *         .webSocket(3001, "/ws")
 *         .requestTimeout(Duration.ofSeconds(10))
 *         .build();
 * http.start();
 * ...
 * http.stop();
 * }</pre>
 *
 * <p>Routes: {@code POST /guest/init}, {@code POST /guest/login}, {@code GET /health},
 * {@code GET /metrics}, {@code GET /lobbies}, {@code GET /config.json}, {@code GET /replays} and
 * {@code GET /replays/frames} (with {@link Builder#replays}), and {@code GET /} or
 * {@code GET /<file>} from the classpath folder {@code /web/}. {@code start} and {@code stop} may be
 * called from any thread, once each. Stalled or slow clients hold no thread: bodies are read as they
 * arrive and responses are written without blocking, so they cannot starve {@code /health}.
 */
public final class HttpSide {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSide.class);

    private final String host;
    private final int requestedPort;
    private final HttpLimits limits;
    private final ServerMetrics metrics;
    private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("jr-http-timer", true);
    private final RequestDeadlines deadlines;
    private final Router router;
    private final ReplayRoutes replays;
    private final Object lock = new Object();
    private Server server;
    private boolean stopped;

    private HttpSide(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.limits = b.limits();
        this.metrics = b.metrics;
        this.deadlines = new RequestDeadlines(scheduler, limits.requestTimeout().toNanos(), metrics);
        GuestRoutes guest = new GuestRoutes(b.auth);
        InfoRoutes info = new InfoRoutes(b.lobbies, b.metrics, b.healthCheck, b.wsPort, b.wsPath, b.tickRateHz);
        StaticFiles files = new StaticFiles(HttpSide.class.getClassLoader());
        this.router = new Router(files::serve, deadlines, scheduler, limits, metrics)
                .add("POST", "/guest/init", guest::init)
                .add("POST", "/guest/login", guest::login)
                .add("GET", "/health", info::health)
                .add("GET", "/metrics", info::metrics)
                .add("GET", "/lobbies", info::lobbies)
                .add("GET", "/config.json", info::config);
        this.replays = b.journalDirectory == null ? null
                : new ReplayRoutes(b.journalDirectory, b.replayLimits(), b.metrics);
        if (replays != null) {
            router.add("GET", "/replays", replays::list)
                    .add("GET", "/replays/frames", replays::frames);
        }
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
            Server s = JettyServerFactory.create(host, requestedPort, limits, router, deadlines, scheduler, metrics);
            try {
                s.start();
            } catch (Exception e) {
                stopQuietly(s);
                throw e instanceof IOException io ? io
                        : new IOException("HTTP side could not start on " + host + ":" + requestedPort, e);
            }
            server = s;
            LOG.info("HTTP side listening on {}:{} (request timeout {} s, idle timeout {} s, at most {} connections)",
                    host, boundPort(s), limits.requestTimeout().toSeconds(), limits.idleTimeout().toSeconds(),
                    limits.maxConnections());
        }
    }

    /** The bound port (the ephemeral one when built with port 0). */
    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("HttpSide not started");
            }
            return boundPort(server);
        }
    }

    /** The replay routes, or null without {@link Builder#replays}; for tests. */
    ReplayRoutes replayRoutes() {
        return replays;
    }

    /** Connections open right now, stalled ones included. */
    int openConnections() {
        return deadlines.tracked();
    }

    /**
     * Answers new requests with 503, gives those being answered up to a second, then closes the
     * listener, every connection and the threads. Idempotent; a stopped side cannot be started again.
     */
    public void stop() {
        Server s;
        synchronized (lock) {
            stopped = true;
            s = server;
            server = null;
        }
        if (s == null) {
            return;
        }
        try {
            if (!router.drain(1, TimeUnit.SECONDS)) {
                LOG.warn("HTTP side stopping with requests still in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopQuietly(s);
        LOG.info("HTTP side stopped");
    }

    private static int boundPort(Server s) {
        return ((ServerConnector) s.getConnectors()[0]).getLocalPort();
    }

    private static void stopQuietly(Server s) {
        try {
            s.stop();
        } catch (Exception e) {
            LOG.warn("HTTP side did not stop cleanly", e);
        }
    }

    /** Configuration of an {@link HttpSide}; {@link #build()} checks every value. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 3000;
        private int threads = HttpLimits.DEFAULTS.threads();
        private Duration requestTimeout = HttpLimits.DEFAULTS.requestTimeout();
        private Duration idleTimeout = HttpLimits.DEFAULTS.idleTimeout();
        private int maxConnections = HttpLimits.DEFAULTS.maxConnections();
        private int maxHeaderBytes = HttpLimits.DEFAULTS.maxHeaderBytes();
        private int maxBodyBytes = HttpLimits.DEFAULTS.maxBodyBytes();
        private GuestAuth auth;
        private LobbyDirectory lobbies;
        private ServerMetrics metrics;
        private HealthCheck healthCheck;
        private int wsPort = 3001;
        private String wsPath = "/ws";
        private int tickRateHz = 60;
        private java.nio.file.Path journalDirectory;
        private int replayConcurrency = ReplayLimits.DEFAULTS.concurrency();
        private int replayMaxFrames = ReplayLimits.DEFAULTS.maxFrames();
        private int replayListMax = ReplayLimits.DEFAULTS.maxListed();

        private Builder() {
        }

        /** Address to listen on; default {@code 0.0.0.0:3000}. Port 0 picks an ephemeral port. */
        public Builder bind(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        /** Worker threads that run routes, 1 to 64 (Jetty adds its selector thread); default 2. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Longest time to receive a whole request, headers and body, from the connection opening or
         * its previous response; default 10 s. A late body gets 408; late headers close the connection.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Longest silence on a connection while it is read or written; default 30 s. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * Connections open at once; default 512. At the cap the server stops accepting until one closes,
         * and open connections get an idle timeout of a second so stalled ones make room.
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Largest request line plus headers, in bytes; default 8192. Larger ones get 431 (414 for the URI). */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            this.maxHeaderBytes = maxHeaderBytes;
            return this;
        }

        /** Largest request body, in bytes; default 4096. Larger ones get 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
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

        /** The lobbies' ticks per second, served in /config.json for the browser's prediction; default 60. */
        public Builder tickRate(int hz) {
            this.tickRateHz = hz;
            return this;
        }

        /**
         * Optional: where the recorded matches are ({@code <data-dir>/journal}); serves {@code GET /replays}
         * and {@code GET /replays/frames}. Without it those paths are not routes.
         */
        public Builder replays(java.nio.file.Path journalDirectory) {
            this.journalDirectory = journalDirectory;
            return this;
        }

        /** Replay requests served at once, 1 to 64; more get 503 {@code replay_busy}. Default 2. */
        public Builder replayConcurrency(int n) {
            this.replayConcurrency = n;
            return this;
        }

        /** Frames one {@code /replays/frames} request may ask for, 1 to 10000; default 600. */
        public Builder replayMaxFrames(int n) {
            this.replayMaxFrames = n;
            return this;
        }

        /** Replays one {@code /replays} page may list, 1 to 10000; default 100. */
        public Builder replayListMax(int n) {
            this.replayListMax = n;
            return this;
        }

        private ReplayLimits replayLimits() {
            return new ReplayLimits(replayConcurrency, replayMaxFrames, replayListMax);
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
            if (tickRateHz < 1) {
                throw new IllegalArgumentException("tickRate must be >= 1: " + tickRateHz);
            }
            limits(); // checks threads, timeouts and sizes
            replayLimits();
            if (healthCheck == null) {
                healthCheck = new HealthCheck(System::nanoTime);
            }
            return new HttpSide(this);
        }

        private HttpLimits limits() {
            return new HttpLimits(threads, requestTimeout, idleTimeout, maxConnections, maxHeaderBytes, maxBodyBytes);
        }
    }
}
