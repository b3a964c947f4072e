package org.jetraiders.server.config;

import java.time.Duration;
import org.jetraiders.server.agones.AgonesSettings;
import org.jetraiders.server.journal.JournalSettings;

/**
 * Everything the server is started with. Immutable; every value has a default and a command-line
 * flag (see {@link ServerOptions}); {@link Builder#build()} validates them all.
 */
public final class ServerConfig {
    private final String host;
    private final int wsPort;
    private final int httpPort;
    private final int httpThreads;
    private final int replayConcurrency;
    private final int replayMaxFrames;
    private final int replayListMax;
    private final Duration httpRequestTimeout;
    private final Duration httpIdleTimeout;
    private final int httpMaxConnections;
    private final int httpMaxHeaderBytes;
    private final int httpMaxBodyBytes;
    private final int tickRateHz;
    private final int maxLobbies;
    private final int maxPlayersPerLobby;
    private final int maxSpectatorsPerLobby;
    private final Duration reconnectGrace;
    private final int matchSeconds;
    private final int countdownSeconds;
    private final int bots;
    private final int maxConnections;
    private final int maxConnectionsPerAddress;
    private final Duration handshakeTimeout;
    private final int maxLobbiesPerAddress;
    private final int maxFrameBytes;
    private final int maxInputsPerSecond;
    private final Duration floodCloseAfter;
    private final Duration joinTimeout;
    private final int maxInvalidMessages;
    private final int sendQueueLimitBytes;
    private final Duration slowClientTimeout;
    private final Duration lobbyIdleTimeout;
    private final Duration connectionLostTimeout;
    private final Duration readBatch;
    private final boolean allowAnonymous;
    private final boolean returnUnusedMemory;
    private final boolean idlePeriodicCollection;
    private final boolean warmUp;
    private final String tokenSecret;
    private final int clientThreads;
    private final int gameLoopThreads;
    private final int gameLoopNice;
    private final int gameLoopRtPriority;
    private final String defaultLobby;
    private final long seed;
    private final AgonesSettings agones;
    private final JournalSettings journal;

    private ServerConfig(Builder b) {
        host = b.host;
        wsPort = b.wsPort;
        httpPort = b.httpPort;
        httpThreads = b.httpThreads;
        replayConcurrency = b.replayConcurrency;
        replayMaxFrames = b.replayMaxFrames;
        replayListMax = b.replayListMax;
        httpRequestTimeout = b.httpRequestTimeout;
        httpIdleTimeout = b.httpIdleTimeout;
        httpMaxConnections = b.httpMaxConnections;
        httpMaxHeaderBytes = b.httpMaxHeaderBytes;
        httpMaxBodyBytes = b.httpMaxBodyBytes;
        tickRateHz = b.tickRateHz;
        maxLobbies = b.maxLobbies;
        maxPlayersPerLobby = b.maxPlayersPerLobby;
        maxSpectatorsPerLobby = b.maxSpectatorsPerLobby;
        reconnectGrace = b.reconnectGrace;
        matchSeconds = b.matchSeconds;
        countdownSeconds = b.countdownSeconds;
        bots = b.bots;
        maxConnections = b.maxConnections;
        maxConnectionsPerAddress = b.maxConnectionsPerAddress;
        handshakeTimeout = b.handshakeTimeout;
        maxLobbiesPerAddress = b.maxLobbiesPerAddress;
        maxFrameBytes = b.maxFrameBytes;
        maxInputsPerSecond = b.maxInputsPerSecond;
        floodCloseAfter = b.floodCloseAfter;
        joinTimeout = b.joinTimeout;
        maxInvalidMessages = b.maxInvalidMessages;
        sendQueueLimitBytes = b.sendQueueLimitBytes;
        slowClientTimeout = b.slowClientTimeout;
        lobbyIdleTimeout = b.lobbyIdleTimeout;
        connectionLostTimeout = b.connectionLostTimeout;
        readBatch = b.readBatch;
        allowAnonymous = b.allowAnonymous;
        returnUnusedMemory = b.returnUnusedMemory;
        idlePeriodicCollection = b.idlePeriodicCollection;
        warmUp = b.warmUp;
        tokenSecret = b.tokenSecret;
        clientThreads = b.clientThreads;
        gameLoopThreads = b.gameLoopThreads;
        gameLoopNice = b.gameLoopNice;
        gameLoopRtPriority = b.gameLoopRtPriority;
        defaultLobby = b.defaultLobby;
        seed = b.seed;
        agones = b.agones;
        journal = b.journal;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ServerConfig defaults() {
        return builder().build();
    }

    public String host() { return host; }
    public int wsPort() { return wsPort; }
    public int httpPort() { return httpPort; }
    /** Worker threads of the HTTP side (Jetty adds a selector thread). */
    public int httpThreads() { return httpThreads; }
    /** Replay requests ({@code GET /replays}, {@code /replays/frames}) served at once; more get 503. */
    public int replayConcurrency() { return replayConcurrency; }
    /** Frames one {@code GET /replays/frames} may return. */
    public int replayMaxFrames() { return replayMaxFrames; }
    /** Replays one {@code GET /replays} page may list. */
    public int replayListMax() { return replayListMax; }
    /** Longest time an HTTP request may take to arrive, headers and body. */
    public Duration httpRequestTimeout() { return httpRequestTimeout; }
    /** Longest silence on an HTTP connection. */
    public Duration httpIdleTimeout() { return httpIdleTimeout; }
    public int httpMaxConnections() { return httpMaxConnections; }
    public int httpMaxHeaderBytes() { return httpMaxHeaderBytes; }
    public int httpMaxBodyBytes() { return httpMaxBodyBytes; }
    public int tickRateHz() { return tickRateHz; }
    public int maxLobbies() { return maxLobbies; }
    public int maxPlayersPerLobby() { return maxPlayersPerLobby; }
    /** Spectators per lobby; they do not count against {@link #maxPlayersPerLobby()}. */
    public int maxSpectatorsPerLobby() { return maxSpectatorsPerLobby; }
    /** How long a dropped player's plane waits for it to reconnect; zero: it leaves at once. */
    public Duration reconnectGrace() { return reconnectGrace; }
    public int matchSeconds() { return matchSeconds; }
    public int countdownSeconds() { return countdownSeconds; }
    public int bots() { return bots; }
    public int maxConnections() { return maxConnections; }
    public int maxConnectionsPerAddress() { return maxConnectionsPerAddress; }
    /** Time from accepting a socket to the end of its WebSocket handshake; a socket still mid-handshake then is closed. */
    public Duration handshakeTimeout() { return handshakeTimeout; }
    /** Open lobbies one remote address may have created; 0 means no limit. */
    public int maxLobbiesPerAddress() { return maxLobbiesPerAddress; }
    public int maxFrameBytes() { return maxFrameBytes; }
    public int maxInputsPerSecond() { return maxInputsPerSecond; }
    public Duration floodCloseAfter() { return floodCloseAfter; }
    public Duration joinTimeout() { return joinTimeout; }
    public int maxInvalidMessages() { return maxInvalidMessages; }
    public int sendQueueLimitBytes() { return sendQueueLimitBytes; }
    public Duration slowClientTimeout() { return slowClientTimeout; }
    public Duration lobbyIdleTimeout() { return lobbyIdleTimeout; }
    /** Ping interval of the lost-connection check; a connection silent for 1.5x this is closed. */
    public Duration connectionLostTimeout() { return connectionLostTimeout; }
    /** Shortest pass of the WebSocket selector loop: inbound messages are read in batches this far apart. */
    public Duration readBatch() { return readBatch; }
    public boolean allowAnonymous() { return allowAnonymous; }
    /** Whether {@code ServerMain} tunes G1 to give unused heap back to the OS (when no heap flags are set). */
    public boolean returnUnusedMemory() { return returnUnusedMemory; }
    /** G1's periodic collection only while no socket is open (see {@code IdleCollectionGate}); false: also during play. */
    public boolean idlePeriodicCollection() { return idlePeriodicCollection; }
    /** Whether the runnable server runs its JIT warm-up before opening its ports (ServerMain only). */
    public boolean warmUp() { return warmUp; }
    /** HMAC secret for session tokens, or null to generate one at start. */
    public String tokenSecret() { return tokenSecret; }
    public int clientThreads() { return clientThreads; }
    public int gameLoopThreads() { return gameLoopThreads; }
    /** Nice value of the game-loop and encoding threads (Linux); 0 leaves them at the default. */
    public int gameLoopNice() { return gameLoopNice; }
    /** SCHED_FIFO priority of the game-loop and encoding threads (Linux); 0 leaves their policy as it is. */
    public int gameLoopRtPriority() { return gameLoopRtPriority; }
    public String defaultLobby() { return defaultLobby; }
    /** Seed of the first lobby; later lobbies derive theirs from it. */
    public long seed() { return seed; }
    /** Agones integration ({@code --agones}, off by default). */
    public AgonesSettings agones() { return agones; }
    /** Recording lobbies into journals ({@code --data-dir}, {@code --journal*}; on by default). */
    public JournalSettings journal() { return journal; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.wsPort = wsPort;
        b.httpPort = httpPort;
        b.httpThreads = httpThreads;
        b.replayConcurrency = replayConcurrency;
        b.replayMaxFrames = replayMaxFrames;
        b.replayListMax = replayListMax;
        b.httpRequestTimeout = httpRequestTimeout;
        b.httpIdleTimeout = httpIdleTimeout;
        b.httpMaxConnections = httpMaxConnections;
        b.httpMaxHeaderBytes = httpMaxHeaderBytes;
        b.httpMaxBodyBytes = httpMaxBodyBytes;
        b.tickRateHz = tickRateHz;
        b.maxLobbies = maxLobbies;
        b.maxPlayersPerLobby = maxPlayersPerLobby;
        b.maxSpectatorsPerLobby = maxSpectatorsPerLobby;
        b.reconnectGrace = reconnectGrace;
        b.matchSeconds = matchSeconds;
        b.countdownSeconds = countdownSeconds;
        b.bots = bots;
        b.maxConnections = maxConnections;
        b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        b.handshakeTimeout = handshakeTimeout;
        b.maxLobbiesPerAddress = maxLobbiesPerAddress;
        b.maxFrameBytes = maxFrameBytes;
        b.maxInputsPerSecond = maxInputsPerSecond;
        b.floodCloseAfter = floodCloseAfter;
        b.joinTimeout = joinTimeout;
        b.maxInvalidMessages = maxInvalidMessages;
        b.sendQueueLimitBytes = sendQueueLimitBytes;
        b.slowClientTimeout = slowClientTimeout;
        b.lobbyIdleTimeout = lobbyIdleTimeout;
        b.connectionLostTimeout = connectionLostTimeout;
        b.readBatch = readBatch;
        b.allowAnonymous = allowAnonymous;
        b.returnUnusedMemory = returnUnusedMemory;
        b.idlePeriodicCollection = idlePeriodicCollection;
        b.warmUp = warmUp;
        b.tokenSecret = tokenSecret;
        b.clientThreads = clientThreads;
        b.gameLoopThreads = gameLoopThreads;
        b.gameLoopNice = gameLoopNice;
        b.gameLoopRtPriority = gameLoopRtPriority;
        b.defaultLobby = defaultLobby;
        b.seed = seed;
        b.agones = agones;
        b.journal = journal;
        return b;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int wsPort = 3001;
        private int httpPort = 3000;
        private int httpThreads = 2;
        private int replayConcurrency = 2;
        private int replayMaxFrames = 600;
        private int replayListMax = 100;
        private Duration httpRequestTimeout = Duration.ofSeconds(10);
        private Duration httpIdleTimeout = Duration.ofSeconds(30);
        private int httpMaxConnections = 512;
        private int httpMaxHeaderBytes = 8 * 1024;
        private int httpMaxBodyBytes = 4 * 1024;
        private int tickRateHz = 60;
        private int maxLobbies = 64;
        private int maxPlayersPerLobby = 64;
        private int maxSpectatorsPerLobby = 32;
        private Duration reconnectGrace = Duration.ofSeconds(30);
        private int matchSeconds = 600;
        private int countdownSeconds = 3;
        private int bots = 0;
        private int maxConnections = 2000;
        private int maxConnectionsPerAddress = 1100;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private int maxLobbiesPerAddress = 4;
        private int maxFrameBytes = 4096;
        private int maxInputsPerSecond = 120;
        private Duration floodCloseAfter = Duration.ofSeconds(3);
        private Duration joinTimeout = Duration.ofSeconds(5);
        private int maxInvalidMessages = 10;
        private int sendQueueLimitBytes = 64 * 1024;
        private Duration slowClientTimeout = Duration.ofSeconds(5);
        private Duration lobbyIdleTimeout = Duration.ofSeconds(30);
        private Duration connectionLostTimeout = Duration.ofSeconds(10);
        private Duration readBatch = Duration.ofMillis(1);
        private boolean allowAnonymous = true;
        private boolean returnUnusedMemory = true;
        private boolean idlePeriodicCollection = false;
        private boolean warmUp = true;
        private String tokenSecret;
        private int clientThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int gameLoopThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        private int gameLoopNice = -10;
        private int gameLoopRtPriority = 10;
        private String defaultLobby = "main";
        private long seed = System.nanoTime();
        private AgonesSettings agones = AgonesSettings.defaults();
        private JournalSettings journal = JournalSettings.defaults();

        private Builder() {
        }

        public Builder host(String v) { host = v; return this; }
        public Builder wsPort(int v) { wsPort = v; return this; }
        public Builder httpPort(int v) { httpPort = v; return this; }
        public Builder httpThreads(int v) { httpThreads = v; return this; }
        public Builder replayConcurrency(int v) { replayConcurrency = v; return this; }
        public Builder replayMaxFrames(int v) { replayMaxFrames = v; return this; }
        public Builder replayListMax(int v) { replayListMax = v; return this; }
        public Builder httpRequestTimeout(Duration v) { httpRequestTimeout = v; return this; }
        public Builder httpIdleTimeout(Duration v) { httpIdleTimeout = v; return this; }
        public Builder httpMaxConnections(int v) { httpMaxConnections = v; return this; }
        public Builder httpMaxHeaderBytes(int v) { httpMaxHeaderBytes = v; return this; }
        public Builder httpMaxBodyBytes(int v) { httpMaxBodyBytes = v; return this; }
        public Builder tickRateHz(int v) { tickRateHz = v; return this; }
        public Builder maxLobbies(int v) { maxLobbies = v; return this; }
        public Builder maxPlayersPerLobby(int v) { maxPlayersPerLobby = v; return this; }
        public Builder maxSpectatorsPerLobby(int v) { maxSpectatorsPerLobby = v; return this; }
        public Builder reconnectGrace(Duration v) { reconnectGrace = v; return this; }
        public Builder matchSeconds(int v) { matchSeconds = v; return this; }
        public Builder countdownSeconds(int v) { countdownSeconds = v; return this; }
        public Builder bots(int v) { bots = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder maxConnectionsPerAddress(int v) { maxConnectionsPerAddress = v; return this; }
        public Builder handshakeTimeout(Duration v) { handshakeTimeout = v; return this; }
        public Builder maxLobbiesPerAddress(int v) { maxLobbiesPerAddress = v; return this; }
        public Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
        public Builder maxInputsPerSecond(int v) { maxInputsPerSecond = v; return this; }
        public Builder floodCloseAfter(Duration v) { floodCloseAfter = v; return this; }
        public Builder joinTimeout(Duration v) { joinTimeout = v; return this; }
        public Builder maxInvalidMessages(int v) { maxInvalidMessages = v; return this; }
        public Builder sendQueueLimitBytes(int v) { sendQueueLimitBytes = v; return this; }
        public Builder slowClientTimeout(Duration v) { slowClientTimeout = v; return this; }
        public Builder lobbyIdleTimeout(Duration v) { lobbyIdleTimeout = v; return this; }
        public Builder connectionLostTimeout(Duration v) { connectionLostTimeout = v; return this; }
        public Builder readBatch(Duration v) { readBatch = v; return this; }
        public Builder allowAnonymous(boolean v) { allowAnonymous = v; return this; }
        public Builder returnUnusedMemory(boolean v) { returnUnusedMemory = v; return this; }
        public Builder idlePeriodicCollection(boolean v) { idlePeriodicCollection = v; return this; }
        public Builder warmUp(boolean v) { warmUp = v; return this; }
        public Builder tokenSecret(String v) { tokenSecret = v; return this; }
        public Builder clientThreads(int v) { clientThreads = v; return this; }
        public Builder gameLoopThreads(int v) { gameLoopThreads = v; return this; }
        public Builder gameLoopNice(int v) { gameLoopNice = v; return this; }
        public Builder gameLoopRtPriority(int v) { gameLoopRtPriority = v; return this; }
        public Builder defaultLobby(String v) { defaultLobby = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder agones(AgonesSettings v) { agones = v; return this; }
        /** The Agones settings so far, to change one of them. */
        public AgonesSettings agones() { return agones; }
        public Builder journal(JournalSettings v) { journal = v; return this; }
        /** The journal settings so far, to change one of them. */
        public JournalSettings journal() { return journal; }

        /** @throws IllegalArgumentException naming the first invalid value */
        public ServerConfig build() {
            require(host != null && !host.isBlank(), "host must not be blank");
            requirePort("port", wsPort);
            requirePort("http-port", httpPort);
            require(wsPort == 0 || wsPort != httpPort, "port and http-port must differ");
            requireRange("http-threads", httpThreads, 1, 64);
            requireRange("replay-concurrency", replayConcurrency, 1, 64);
            requireRange("replay-max-frames", replayMaxFrames, 1, 10_000);
            requireRange("replay-list-max", replayListMax, 1, 10_000);
            requirePositive("http-request-timeout", httpRequestTimeout);
            requirePositive("http-idle-timeout", httpIdleTimeout);
            requireRange("http-max-connections", httpMaxConnections, 1, 1_000_000);
            requireRange("http-max-header-bytes", httpMaxHeaderBytes, 1024, 1 << 20);
            requireRange("http-max-body-bytes", httpMaxBodyBytes, 64, 1 << 24);
            requireRange("tick-rate", tickRateHz, 1, 1000);
            requireRange("max-lobbies", maxLobbies, 1, 10_000);
            requireRange("max-players", maxPlayersPerLobby, 1, 10_000);
            requireRange("max-spectators", maxSpectatorsPerLobby, 0, 10_000);
            require(reconnectGrace != null && !reconnectGrace.isNegative() && reconnectGrace.toSeconds() <= 3600,
                    "reconnect-grace-seconds must be in [0, 3600], was " + (reconnectGrace == null ? null : reconnectGrace.toSeconds()));
            requireRange("match-seconds", matchSeconds, 0, 86_400);
            requireRange("countdown-seconds", countdownSeconds, 0, 60);
            requireRange("bots", bots, 0, maxPlayersPerLobby);
            requireRange("max-connections", maxConnections, 1, 1_000_000);
            requireRange("max-connections-per-address", maxConnectionsPerAddress, 1, 1_000_000);
            requirePositive("handshake-timeout-seconds", handshakeTimeout);
            require(handshakeTimeout.toSeconds() <= 3600, "handshake-timeout-seconds must be at most 3600, was "
                    + handshakeTimeout.toSeconds());
            requireRange("max-lobbies-per-address", maxLobbiesPerAddress, 0, 10_000);
            requireRange("max-frame-bytes", maxFrameBytes, 256, 1 << 20);
            requireRange("max-inputs-per-second", maxInputsPerSecond, 1, 10_000);
            requirePositive("flood-close-after", floodCloseAfter);
            requirePositive("join-timeout", joinTimeout);
            requireRange("max-invalid-messages", maxInvalidMessages, 0, 1_000_000);
            requireRange("send-queue-limit-bytes", sendQueueLimitBytes, 1024, 1 << 30);
            requirePositive("slow-client-timeout", slowClientTimeout);
            requirePositive("lobby-idle-timeout", lobbyIdleTimeout);
            requirePositive("ping-interval-seconds", connectionLostTimeout);
            require(readBatch != null && !readBatch.isNegative() && readBatch.toMillis() <= 50,
                    "read-batch-micros must be in [0, 50000], was " + (readBatch == null ? null : readBatch.toNanos() / 1000));
            requireRange("client-threads", clientThreads, 1, 256);
            requireRange("game-loop-threads", gameLoopThreads, 1, 256);
            requireRange("game-loop-nice", gameLoopNice, -20, 19);
            requireRange("game-loop-rt-priority", gameLoopRtPriority, 0, 99);
            require(defaultLobby != null && defaultLobby.matches("[A-Za-z0-9_.-]{1,32}"),
                    "default-lobby must be 1-32 characters of [A-Za-z0-9_.-]");
            require(tokenSecret == null || tokenSecret.length() >= 16, "token-secret must be at least 16 characters");
            require(agones != null, "agones settings must be set");
            require(journal != null, "journal settings must be set");
            return new ServerConfig(this);
        }

        private static void requirePort(String name, int port) {
            requireRange(name, port, 0, 65_535);
        }

        private static void requireRange(String name, long value, long min, long max) {
            require(value >= min && value <= max, name + " must be in [" + min + ", " + max + "], was " + value);
        }

        private static void requirePositive(String name, Duration d) {
            require(d != null && !d.isNegative() && !d.isZero(), name + " must be > 0");
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
