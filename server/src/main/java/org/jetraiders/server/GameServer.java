package org.jetraiders.server;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jetraiders.engine.ClientThreadPool;
import org.jetraiders.engine.GameLoopPool;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.journal.JournalConfig;
import org.jetraiders.engine.journal.Journaler;
import org.jetraiders.server.agones.AgonesAgent;
import org.jetraiders.server.agones.ServerLobbies;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.auth.ResumeKeys;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.http.HealthCheck;
import org.jetraiders.server.http.HttpSide;
import org.jetraiders.server.http.LobbyDirectory;
import org.jetraiders.server.http.LobbyView;
import org.jetraiders.server.journal.CrashRecovery;
import org.jetraiders.server.journal.JournalSettings;
import org.jetraiders.server.journal.ServerVersion;
import org.jetraiders.server.lobby.BotSquadron;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.sched.PipelinePriorities;
import org.jetraiders.server.transport.GameWebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server in one object: client threads, lobbies, bots, the WebSocket endpoint and the
 * HTTP side. {@link #start()} binds both ports; {@link #stop()} sends every client the Stopping
 * state and a 1001 close, then ends every thread. Tests create it with ports 0.
 */
public final class GameServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GameServer.class);

    private final ServerConfig config;
    private final ServerMetrics metrics = new ServerMetrics();
    private final GuestAuth auth;
    private final ResumeKeys resumeKeys;
    private final ClientThreadPool clientThreads;
    private final GameLoopPool gameLoops;
    private final Journaler journaler;
    private final LobbyManager lobbies;
    private final ScheduledExecutorService timers;
    private final GameWebSocketServer webSocket;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private HttpSide http;
    private BotSquadron bots;
    private AgonesAgent agones;

    public GameServer(ServerConfig config) {
        this.config = config;
        byte[] secret = config.tokenSecret() != null
                ? config.tokenSecret().getBytes(StandardCharsets.UTF_8) : GuestAuth.randomSecret();
        this.auth = new GuestAuth(secret, System::currentTimeMillis, Duration.ofDays(7));
        this.resumeKeys = new ResumeKeys(secret); // the same secret: a restart with it keeps both kinds of token valid
        PipelinePriorities priorities = new PipelinePriorities(config.gameLoopNice(), config.gameLoopRtPriority(),
                metrics::pipelineThreadNice, metrics::pipelineThreadRtPriority);
        this.clientThreads = ClientThreadPool.create("jr-clients", config.clientThreads(), Duration.ofSeconds(1),
                priorities);
        this.gameLoops = GameLoopPool.create("jr-game-loop", config.gameLoopThreads(), priorities);
        // the crashed journals are read before the journaler starts: its retention never deletes one mid-read
        List<CrashRecovery.Found> recovered = config.journal().recovers()
                ? new CrashRecovery(config.journal().journalDirectory(), config.tickRateHz(),
                        (file, reason) -> metrics.lobbyRestoreFailed(reason)).scan()
                : List.of();
        this.journaler = config.journal().enabled() ? startJournaler(config.journal(), metrics) : null;
        this.lobbies = new LobbyManager(config, clientThreads, gameLoops, metrics, journaler, recovered);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jr-timers");
            t.setDaemon(true);
            return t;
        });
        this.webSocket = new GameWebSocketServer(config, lobbies, auth, resumeKeys, metrics, timers);
    }

    /**
     * The journal threads (docs/JOURNAL.md), before any lobby exists: each lobby is recorded from its
     * first tick.
     *
     * @throws UncheckedIOException when the journal directory cannot be created
     */
    private static Journaler startJournaler(JournalSettings settings, ServerMetrics metrics) {
        JournalConfig config = JournalConfig.builder(settings.journalDirectory())
                .retentionBytes(settings.retentionMb() << 20)
                .fsyncInterval(settings.fsyncInterval())
                .snapshotInterval(settings.snapshotInterval())
                .bufferBytes(settings.bufferKb() << 10)
                .serverVersion(ServerVersion.current())
                .observer(metrics.journal())
                .build();
        try {
            Journaler journaler = Journaler.start(config);
            LOG.info("journaling lobbies into {} (--journal false turns it off)", config.directory().toAbsolutePath());
            return journaler;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + config.directory().toAbsolutePath()
                    + " (" + e + "); set --data-dir, or --journal false", e);
        }
    }

    /** Binds both ports and starts everything; returns once clients can connect. */
    public void start() throws Exception {
        webSocket.startAndAwait();
        http = HttpSide.builder()
                .bind(config.host(), config.httpPort())
                .auth(auth)
                .lobbies(directory())
                .metrics(metrics)
                .webSocket(webSocket.boundPort(), "/ws")
                .tickRate(config.tickRateHz())
                .threads(config.httpThreads())
                .replays(config.journal().journalDirectory())
                .replayConcurrency(config.replayConcurrency())
                .replayMaxFrames(config.replayMaxFrames())
                .replayListMax(config.replayListMax())
                .requestTimeout(config.httpRequestTimeout())
                .idleTimeout(config.httpIdleTimeout())
                .maxConnections(config.httpMaxConnections())
                .maxHeaderBytes(config.httpMaxHeaderBytes())
                .maxBodyBytes(config.httpMaxBodyBytes())
                .build();
        http.start();
        if (config.bots() > 0) {
            bots = BotSquadron.launch(lobbies.defaultLobby().lobby(), config.bots());
        }
        timers.scheduleWithFixedDelay(() -> lobbies.retireIdle(System.nanoTime()), 1, 1, TimeUnit.SECONDS);
        if (!config.reconnectGrace().isZero()) {
            long period = seatSweepPeriodMillis(config.reconnectGrace());
            timers.scheduleWithFixedDelay(() -> lobbies.expireHeldSeats(System.nanoTime()), period, period,
                    TimeUnit.MILLISECONDS);
        }
        if (config.agones().enabled()) {
            startAgones();
        }
        LOG.info("Jet Raiders server started: game ws://{}:{}/ws, http://{}:{}/ ({} Hz, {} bots in lobby {})",
                config.host(), webSocket.boundPort(), config.host(), http.port(), config.tickRateHz(),
                config.bots(), config.defaultLobby());
    }

    /** How often to look for planes whose reconnect grace is over: a tenth of it, within 0.1 to 1 s. */
    static long seatSweepPeriodMillis(Duration grace) {
        return Math.max(100, Math.min(1000, grace.toMillis() / 10));
    }

    public int webSocketPort() {
        return webSocket.boundPort();
    }

    public int httpPort() {
        return http.port();
    }

    /** Sockets holding a place under the connection caps: open WebSocket connections and those mid-handshake. */
    public int openSockets() {
        return webSocket.openSockets();
    }

    public ServerConfig config() {
        return config;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public LobbyManager lobbies() {
        return lobbies;
    }

    public GuestAuth auth() {
        return auth;
    }

    /** Agones (docs/DEPLOY.md): its own thread and HTTP client; nothing here runs on a game or client thread. */
    private void startAgones() {
        HealthCheck health = new HealthCheck(System::nanoTime); // its own: /health's late-tick window is per caller
        LobbyDirectory directory = directory();
        String local = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
        long playersCapacity = Math.min((long) config.maxLobbies() * config.maxPlayersPerLobby(), config.maxConnections());
        agones = new AgonesAgent(config.agones(), new ServerLobbies(lobbies, () -> health.evaluate(directory.lobbies()).healthy()),
                metrics, List.of(new InetSocketAddress(local, webSocket.boundPort()), new InetSocketAddress(local, http.port())),
                config.maxLobbies(), playersCapacity);
        lobbies.listener(agones);
        agones.start();
    }

    /** The lobby list the HTTP side reports. */
    private LobbyDirectory directory() {
        return () -> {
            List<LobbyView> views = new ArrayList<>();
            for (ManagedLobby managed : lobbies.all()) {
                Lobby lobby = managed.lobby();
                views.add(new LobbyView(lobby.name(), lobby.playerCount(), lobby.config().maxPlayers(), lobby.status(),
                        lobby.matchSecondsLeft(), lobby.tick(), lobby.metrics(), managed.recentTicks()));
            }
            return views;
        };
    }

    /**
     * Graceful stop: every lobby sends its clients the Stopping state and detaches them (their
     * sockets close with 1001 "server stopping"), then the endpoints and threads stop. Idempotent.
     */
    @Override
    public void close() {
        stop();
    }

    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        if (agones != null) {
            lobbies.listener(null);
            agones.close(); // no more pings: Agones is stopping us, or we asked it to
        }
        if (bots != null) {
            bots.stop();
        }
        lobbies.close(); // each lobby's journal ends its file as the lobby stops
        if (journaler != null) {
            journaler.close();
        }
        try {
            webSocket.stop(1000, "server stopping"); // closes anyone left with 1001 and joins its threads
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) {
            http.stop();
        }
        timers.shutdownNow();
        clientThreads.close();
        gameLoops.close();
        LOG.info("Jet Raiders server stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
