package org.jetraiders.server;

import java.util.concurrent.CountDownLatch;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.config.ServerOptions;
import org.jetraiders.server.journal.ReplayCommand;
import org.jetraiders.server.warmup.JitWarmup;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar jet-raiders-server.jar [--help]}: starts the server and stops it on SIGTERM / Ctrl-C;
 * {@code java -jar jet-raiders-server.jar replay FILE ...} replays a journal ({@link ReplayCommand}).
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        ServerOptions.Parsed parsed;
        try {
            parsed = ServerOptions.parse(args, System.getenv());
        } catch (ServerOptions.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.helpRequested()) {
            System.out.print(ServerOptions.help());
            return;
        }
        ServerConfig config = parsed.config();
        boolean tuned = config.returnUnusedMemory()
                && MemoryTuning.apply(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (config.warmUp()) {
            warmUp(config.tickRateHz());
        }
        GameServer server;
        try {
            server = new GameServer(config);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            server.start();
        } catch (java.net.BindException e) {
            System.err.println("error: cannot bind " + config.host() + ":" + config.wsPort() + " or :" + config.httpPort()
                    + " (" + e.getMessage() + "); is another server running? Use --port / --http-port.");
            System.exit(1);
            return;
        }
        if (config.returnUnusedMemory()) {
            // Start-up (the warm-up's collection, then Jetty, lobbies, threads) made G1 grow the heap to
            // ~200 MB for ~20 MB live; one full collection now, before any player, shrinks it to the
            // MaxHeapFreeRatio that MemoryTuning set (~60 MB at 70 % free), so play starts from a small young
            // generation: peak RSS at 256 binary clients 178 and 184 MiB instead of 213 and 217 (two runs each).
            System.gc();
            MemoryTuning.startHousekeeping(HOUSEKEEPING_PERIOD_MILLIS,
                    tuned && config.idlePeriodicCollection() ? server::openSockets : null);
        }
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        System.out.printf("%nJet Raiders server is running.%n"
                        + "  Play in a browser:  http://%s:%d/%n"
                        + "  Game WebSocket:     ws://%s:%d/ws  (Godot client: ?lobby_id=NAME to pick a lobby)%n"
                        + "  Lobbies:            http://%s:%d/lobbies%n"
                        + "  Health / metrics:   http://%s:%d/health  http://%s:%d/metrics%n"
                        + "Press Ctrl-C to stop.%n%n",
                host, server.httpPort(), host, server.webSocketPort(), host, server.httpPort(),
                host, server.httpPort(), host, server.httpPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
            System.out.flush();
            // a graceful stop is a success: exit 0 rather than the JVM's 143 for SIGTERM / 130 for Ctrl-C
            Runtime.getRuntime().halt(0);
        }, "jr-shutdown"));
        stopped.await();
    }

    /**
     * How often the native heap is trimmed and the periodic collection gated (see
     * MemoryTuning#startHousekeeping); 5 s, as the JDK's own option suggests for the trim.
     */
    private static final long HOUSEKEEPING_PERIOD_MILLIS = 5_000;

    /** See {@link JitWarmup}: the first players should not share the two cores with the JIT compiler. */
    private static void warmUp(int tickRateHz) {
        JitWarmup.Report r = JitWarmup.run(tickRateHz);
        // The warm-up's garbage (mostly Gson's, from the messages the fast path leaves to it) went through
        // eden regions that would stay resident; a full collection now lets G1 shrink the heap and give
        // them back (see MemoryTuning), before any player is there to notice the pause.
        System.gc();
        LoggerFactory.getLogger(ServerMain.class).info(
                "JIT warm-up: {} ticks, {} frames, {} pipeline ticks, {} messages in {} ms; compiler {} after {} ms more",
                r.ticks(), r.frames(), r.pipelineTicks(), r.messages(), r.runMillis(), r.settled() ? "quiet" : "still busy", r.settleMillis());
    }
}
