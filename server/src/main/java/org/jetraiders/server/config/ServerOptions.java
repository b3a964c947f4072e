package org.jetraiders.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jetraiders.server.agones.AgonesSettings;

/**
 * Command-line flags and their environment variables ({@code --http-port} ↔ {@code JR_HTTP_PORT}).
 * Flags win over the environment, which wins over the defaults. One table drives parsing and
 * {@code --help}, so they cannot disagree.
 */
public final class ServerOptions {
    /** Thrown for a bad flag or value; the message is meant for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** The parse result: a config, or a request for help. */
    public record Parsed(ServerConfig config, boolean helpRequested) {
    }

    private record Option(String flag, String help, Function<ServerConfig, Object> current,
                          BiConsumer<ServerConfig.Builder, String> apply) {
        String env() {
            return "JR_" + flag.toUpperCase().replace('-', '_');
        }
    }

    private static final List<Option> OPTIONS = List.of(
            new Option("host", "bind address of both ports", ServerConfig::host, (b, v) -> b.host(v)),
            new Option("port", "WebSocket port (game, path /ws)", ServerConfig::wsPort, (b, v) -> b.wsPort(integer(v))),
            new Option("http-port", "HTTP port (guest login, health, metrics, lobbies, browser client)",
                    ServerConfig::httpPort, (b, v) -> b.httpPort(integer(v))),
            new Option("http-request-timeout-seconds", "seconds to receive a whole HTTP request, headers then body; "
                    + "a late body gets 408, late headers a close",
                    c -> c.httpRequestTimeout().toSeconds(), (b, v) -> b.httpRequestTimeout(seconds(v))),
            new Option("http-idle-timeout-seconds", "seconds an HTTP connection may stay silent before it is closed",
                    c -> c.httpIdleTimeout().toSeconds(), (b, v) -> b.httpIdleTimeout(seconds(v))),
            new Option("http-max-connections", "HTTP connections open at once; at the cap accepting pauses and idle "
                    + "ones close after 1 s", ServerConfig::httpMaxConnections,
                    (b, v) -> b.httpMaxConnections(integer(v))),
            new Option("http-max-header-bytes", "largest HTTP request line plus headers; larger ones get 431 (414)",
                    ServerConfig::httpMaxHeaderBytes, (b, v) -> b.httpMaxHeaderBytes(integer(v))),
            new Option("http-max-body-bytes", "largest HTTP request body; larger ones get 413",
                    ServerConfig::httpMaxBodyBytes, (b, v) -> b.httpMaxBodyBytes(integer(v))),
            new Option("http-threads", "HTTP worker threads (plus one selector thread)", ServerConfig::httpThreads,
                    (b, v) -> b.httpThreads(integer(v))),
            new Option("replay-concurrency", "replay requests (GET /replays, /replays/frames) served at once; more get 503",
                    ServerConfig::replayConcurrency, (b, v) -> b.replayConcurrency(integer(v))),
            new Option("replay-max-frames", "frames one GET /replays/frames request may return",
                    ServerConfig::replayMaxFrames, (b, v) -> b.replayMaxFrames(integer(v))),
            new Option("replay-list-max", "replays one GET /replays page may list",
                    ServerConfig::replayListMax, (b, v) -> b.replayListMax(integer(v))),
            new Option("tick-rate", "simulation ticks per second", ServerConfig::tickRateHz, (b, v) -> b.tickRateHz(integer(v))),
            new Option("bots", "computer-controlled planes in the default lobby", ServerConfig::bots, (b, v) -> b.bots(integer(v))),
            new Option("max-lobbies", "lobbies that may exist at once (created on demand)", ServerConfig::maxLobbies,
                    (b, v) -> b.maxLobbies(integer(v))),
            new Option("max-players", "players per lobby", ServerConfig::maxPlayersPerLobby, (b, v) -> b.maxPlayersPerLobby(integer(v))),
            new Option("max-spectators", "spectators per lobby (they do not count against --max-players); 0 = none",
                    ServerConfig::maxSpectatorsPerLobby, (b, v) -> b.maxSpectatorsPerLobby(integer(v))),
            new Option("reconnect-grace-seconds", "seconds a dropped player's plane waits for it to come back with its "
                    + "session or resume token; 0 = it leaves at once",
                    c -> c.reconnectGrace().toSeconds(), (b, v) -> b.reconnectGrace(Duration.ofSeconds(integer(v)))),
            new Option("match-seconds", "match length in seconds, 0 = no limit", ServerConfig::matchSeconds,
                    (b, v) -> b.matchSeconds(integer(v))),
            new Option("countdown-seconds", "countdown before a match", ServerConfig::countdownSeconds,
                    (b, v) -> b.countdownSeconds(integer(v))),
            new Option("default-lobby", "lobby used when a client names none (always exists)", ServerConfig::defaultLobby,
                    (b, v) -> b.defaultLobby(v)),
            new Option("max-connections", "WebSocket connections in total", ServerConfig::maxConnections,
                    (b, v) -> b.maxConnections(integer(v))),
            new Option("max-connections-per-address", "WebSocket connections from one IP address",
                    ServerConfig::maxConnectionsPerAddress, (b, v) -> b.maxConnectionsPerAddress(integer(v))),
            new Option("handshake-timeout-seconds", "seconds a socket may take to finish its WebSocket handshake before it "
                    + "is closed (sockets mid-handshake count toward both connection caps)",
                    c -> c.handshakeTimeout().toSeconds(), (b, v) -> b.handshakeTimeout(seconds(v))),
            new Option("max-lobbies-per-address", "open lobbies one IP address may have created (joining existing "
                    + "lobbies is not limited); 0 = no limit", ServerConfig::maxLobbiesPerAddress,
                    (b, v) -> b.maxLobbiesPerAddress(integer(v))),
            new Option("max-frame-bytes", "largest inbound frame; bigger ones close with 1009", ServerConfig::maxFrameBytes,
                    (b, v) -> b.maxFrameBytes(integer(v))),
            new Option("max-inputs-per-second", "inbound messages per second per client before excess is dropped",
                    ServerConfig::maxInputsPerSecond, (b, v) -> b.maxInputsPerSecond(integer(v))),
            new Option("flood-close-seconds", "seconds of sustained flooding before close 1008",
                    c -> c.floodCloseAfter().toSeconds(), (b, v) -> b.floodCloseAfter(seconds(v))),
            new Option("join-timeout-seconds", "seconds a connection may wait before sending Join",
                    c -> c.joinTimeout().toSeconds(), (b, v) -> b.joinTimeout(seconds(v))),
            new Option("max-invalid-messages", "invalid messages tolerated before close 1008", ServerConfig::maxInvalidMessages,
                    (b, v) -> b.maxInvalidMessages(integer(v))),
            new Option("send-queue-limit-bytes", "bytes queued to one socket before its snapshots are skipped",
                    ServerConfig::sendQueueLimitBytes, (b, v) -> b.sendQueueLimitBytes(integer(v))),
            new Option("slow-client-seconds", "seconds over the send-queue limit before close 1008 \"too slow\"",
                    c -> c.slowClientTimeout().toSeconds(), (b, v) -> b.slowClientTimeout(seconds(v))),
            new Option("lobby-idle-seconds", "seconds an empty lobby lives before it is closed",
                    c -> c.lobbyIdleTimeout().toSeconds(), (b, v) -> b.lobbyIdleTimeout(seconds(v))),
            new Option("ping-interval-seconds", "WebSocket ping interval; no pong for 1.5x this closes the connection",
                    c -> c.connectionLostTimeout().toSeconds(), (b, v) -> b.connectionLostTimeout(seconds(v))),
            new Option("return-unused-memory", "when the JVM has no heap flags, let G1 give unused heap back to the OS "
                    + "(a concurrent cycle when idle for a minute; true/false)", ServerConfig::returnUnusedMemory,
                    (b, v) -> b.returnUnusedMemory(bool(v))),
            new Option("idle-periodic-collection", "with --return-unused-memory, run G1's periodic collection only while "
                    + "no socket is open (true: fewer pauses during play, but the young generation and resident memory "
                    + "grow over a long session), or also during play (false)", ServerConfig::idlePeriodicCollection,
                    (b, v) -> b.idlePeriodicCollection(bool(v))),
            new Option("warm-up", "before opening the ports, run the simulation, encoders and parsers on a private "
                    + "battle so the JIT has compiled them when players arrive (about a second; true/false)",
                    ServerConfig::warmUp, (b, v) -> b.warmUp(bool(v))),
            new Option("allow-anonymous", "accept Join without a session token (true/false)", ServerConfig::allowAnonymous,
                    (b, v) -> b.allowAnonymous(bool(v))),
            new Option("token-secret", "HMAC secret for session tokens (default: random at start)",
                    c -> c.tokenSecret() == null ? "<random>" : "<set>", (b, v) -> b.tokenSecret(v)),
            new Option("client-threads", "threads that send snapshots to clients", ServerConfig::clientThreads,
                    (b, v) -> b.clientThreads(integer(v))),
            new Option("game-loop-threads", "threads that step every lobby's simulation on the tick's beat",
                    ServerConfig::gameLoopThreads, (b, v) -> b.gameLoopThreads(integer(v))),
            new Option("game-loop-nice", "Linux nice value of the game-loop and encoding threads, -20 to 19, so a busy "
                    + "machine delays sockets and other processes before a tick (below 0 needs root or CAP_SYS_NICE; "
                    + "without it the server logs so and runs on; 0: leave them as they are)",
                    ServerConfig::gameLoopNice, (b, v) -> b.gameLoopNice(integer(v))),
            new Option("game-loop-rt-priority", "Linux real-time (SCHED_FIFO) priority of the game-loop and encoding "
                    + "threads, 1 to 99, so no normal thread of the machine delays a tick (needs root or CAP_SYS_NICE; "
                    + "without it the server logs so and runs on at --game-loop-nice; 0: leave them as they are)",
                    ServerConfig::gameLoopRtPriority, (b, v) -> b.gameLoopRtPriority(integer(v))),
            new Option("read-batch-micros", "the WebSocket selector handles ready sockets at most once per this many "
                    + "microseconds, so one wake-up reads many messages (0: wake for each)",
                    c -> c.readBatch().toNanos() / 1000, (b, v) -> b.readBatch(Duration.ofNanos(1000L * integer(v)))),
            new Option("seed", "random seed of the lobbies (default: time-based)", c -> "<time>", (b, v) -> b.seed(Long.parseLong(v))),
            // Agones (docs/DEPLOY.md); AGONES_SDK_HTTP_PORT, which Agones sets, is read as well (see parse)
            new Option("agones", "run as an Agones game server: Ready, health pings, lobbies list, players counter (true/false)",
                    c -> c.agones().enabled(), (b, v) -> b.agones(b.agones().withEnabled(bool(v)))),
            new Option("agones-sdk-port", "REST port of the Agones SDK sidecar on localhost (default: "
                    + AgonesSettings.SDK_PORT_ENV + " or " + AgonesSettings.DEFAULT_SDK_PORT + ")",
                    c -> c.agones().sdkPort(), (b, v) -> b.agones(b.agones().withSdkPort(integer(v)))),
            new Option("agones-health-millis", "time between Agones health pings (sent only while every lobby ticks on time)",
                    c -> c.agones().healthPeriod().toMillis(), (b, v) -> b.agones(b.agones().withHealthPeriod(millis(v)))),
            new Option("agones-sync-millis", "how often the Agones lobbies list and players counter are updated",
                    c -> c.agones().syncPeriod().toMillis(), (b, v) -> b.agones(b.agones().withSyncPeriod(millis(v)))),
            new Option("agones-shutdown-when-empty", "once Allocated, ask Agones to shut down after this many seconds "
                    + "without players (0 = never)",
                    c -> c.agones().shutdownWhenEmpty().toSeconds(), (b, v) -> b.agones(b.agones().withShutdownWhenEmpty(seconds(v)))),
            new Option("agones-timeout-millis", "longest wait for one call to the Agones sidecar",
                    c -> c.agones().requestTimeout().toMillis(), (b, v) -> b.agones(b.agones().withRequestTimeout(millis(v)))),
            new Option("agones-retry-max-millis", "longest pause between retries of Agones Ready and of the GameServer watch",
                    c -> c.agones().retryMax().toMillis(), (b, v) -> b.agones(b.agones().withRetryMax(millis(v)))),
            // journals (docs/JOURNAL.md)
            new Option("data-dir", "the server's data directory; lobbies are journaled into <data-dir>/journal/<lobby>/",
                    c -> c.journal().dataDir(), (b, v) -> b.journal(b.journal().withDataDir(Path.of(v.trim())))),
            new Option("journal", "record every lobby into a journal file per match, for replays and crash recovery "
                    + "(true/false)", c -> c.journal().enabled(), (b, v) -> b.journal(b.journal().withEnabled(bool(v)))),
            new Option("recover", "at start-up, restore every lobby the server was running when it died (its newest journal "
                    + "did not end), its players held for the reconnect grace; needs --journal (true/false)",
                    c -> c.journal().recover(), (b, v) -> b.journal(b.journal().withRecover(bool(v)))),
            new Option("journal-retention-mb", "total MiB of journal files kept; the oldest are deleted first (0 = keep all)",
                    c -> c.journal().retentionMb(), (b, v) -> b.journal(b.journal().withRetentionMb(integer(v)))),
            new Option("journal-fsync-ms", "each journal file with new bytes is forced to disk at least this often",
                    c -> c.journal().fsyncInterval().toMillis(), (b, v) -> b.journal(b.journal().withFsyncInterval(millis(v)))),
            new Option("journal-snapshot-seconds", "a world snapshot in the journal at least this often (restoring "
                    + "replays at most this much)", c -> c.journal().snapshotInterval().toSeconds(),
                    (b, v) -> b.journal(b.journal().withSnapshotInterval(seconds(v)))),
            new Option("journal-buffer-kb", "each lobby's journal buffer, in KiB: a disk further behind breaks the journal "
                    + "(counted, the game goes on)", c -> c.journal().bufferKb(),
                    (b, v) -> b.journal(b.journal().withBufferKb(integer(v)))));

    private ServerOptions() {
    }

    public static Parsed parse(String[] args, Map<String, String> env) throws UsageException {
        ServerConfig.Builder builder = ServerConfig.builder();
        String sdkPort = env.get(AgonesSettings.SDK_PORT_ENV);
        if (sdkPort != null && !sdkPort.isBlank()) { // Agones' own variable; JR_AGONES_SDK_PORT and the flag still win
            apply(find("agones-sdk-port"), builder, sdkPort.trim(), "environment variable " + AgonesSettings.SDK_PORT_ENV);
        }
        for (Option option : OPTIONS) {
            String value = env.get(option.env());
            if (value != null && !value.isBlank()) {
                apply(option, builder, value.trim(), "environment variable " + option.env());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed(null, true);
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (see --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option option = find(name);
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            apply(option, builder, value, "--" + name);
        }
        try {
            return new Parsed(builder.build(), false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Option find(String name) throws UsageException {
        for (Option option : OPTIONS) {
            if (option.flag.equals(name)) {
                return option;
            }
        }
        throw new UsageException("unknown option --" + name + " (see --help)");
    }

    private static void apply(Option option, ServerConfig.Builder builder, String value, String source)
            throws UsageException {
        try {
            option.apply.accept(builder, value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": invalid value '" + value + "' (" + e.getMessage() + ")");
        }
    }

    /** The --help text: every flag with its environment variable and default. */
    public static String help() {
        ServerConfig defaults = ServerConfig.defaults();
        StringBuilder out = new StringBuilder()
                .append("Jet Raiders Server\n\n")
                .append("Usage: java -jar server/target/jet-raiders-server.jar [options]\n\n")
                .append("Every option can also be set with the environment variable shown.\n\n");
        for (Option option : OPTIONS) {
            out.append(String.format("  --%-30s %s%n  %-32s (env %s, default %s)%n",
                    option.flag + " <value>", option.help, "", option.env(), option.current.apply(defaults)));
        }
        out.append("  --help                           this text\n\n")
                .append("Replaying a recorded match: java -jar server/target/jet-raiders-server.jar replay FILE "
                        + "(replay --help for its options)\n");
        return out.toString();
    }

    private static int integer(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    }

    private static Duration millis(String v) {
        return Duration.ofMillis(integer(v));
    }

    private static Duration seconds(String v) {
        return Duration.ofSeconds(integer(v));
    }

    private static boolean bool(String v) {
        return switch (v.trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
