package org.jetraiders.server.warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientThreadPool;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.GameLoopPool;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.journal.JournalConfig;
import org.jetraiders.engine.journal.Journaler;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.lobby.WireEncodings;
import org.jetraiders.server.metrics.RecentTicks;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.metrics.TickRecorder;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonKillFeedEncoder;
import org.jetraiders.server.protocol.json.JsonScoreboardEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * A private lobby run through the engine's real pipeline, as a server lobby is built (the same four
 * encoders, a tick recorder, a journal), ticked by hand as fast as it goes: the input ring, the game
 * loop's pass, the encoding stage, client consumers and the journal's encoder and writer all run the
 * thousands of times the compiler waits for. {@link BattleWarmup} reaches the simulation and encoders
 * but none of this machinery; without it, the journal and the game loop's pass were compiled while
 * the first 256 players played (0.35 s of C2 in a 19-second window, half of it the journal's).
 *
 * <p>Its threads, pools and journal directory (a temporary one, deleted after) are its own, so nothing
 * of it is left behind for crash recovery or the metrics. Main thread, before the ports open.
 */
final class PipelineWarmup {
    /** Players in the lobby: a full default lobby. */
    static final int PLAYERS = 16;
    /** Every input of a tick and the tick itself fit many times over: the journal never falls a lap behind. */
    private static final int INPUT_RING_SIZE = 1 << 17;
    private static final long SEED = 0xC0FFEE;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** The feeder's pause between rounds of inputs: about a tick of the hand-ticked lobby. */
    private static final long FEED_PAUSE_NANOS = 20_000;
    private static final long TICK_WAIT_LIMIT_NANOS = Duration.ofSeconds(2).toNanos();

    private PipelineWarmup() {
    }

    /**
     * What the run did.
     *
     * @param ticks        ticks the lobby stepped
     * @param snapshots    snapshots the clients' sinks took
     * @param journalBytes bytes the journal wrote (then deleted)
     */
    record Result(long ticks, long snapshots, long journalBytes) {
    }

    /** Runs {@code ticks} ticks of a full lobby whose players join, fly, shoot and leave in waves. */
    static Result run(int tickRateHz, int ticks) {
        Path dir = createTempDirectory();
        try (GameLoopPool loops = GameLoopPool.create("jr-warmup-game-loop", 1);
             ClientThreadPool clients = ClientThreadPool.create("jr-warmup-clients", 1, Duration.ofSeconds(5));
             Journaler journaler = Journaler.start(JournalConfig.builder(dir).threadName("jr-warmup-journal").build())) {
            Sink[] sinks = new Sink[PLAYERS];
            long journalBytes;
            Lobby lobby = Lobby.create(config(tickRateHz, loops, clients, journaler, sinks));
            lobby.start();
            try {
                drive(lobby, ticks, tickRateHz, sinks);
            } finally {
                lobby.stop(STOP_TIMEOUT);
                journalBytes = lobby.journal() == null ? 0 : lobby.journal().bytesWritten();
            }
            long snapshots = 0;
            for (Sink s : sinks) {
                snapshots += s.snapshots;
            }
            return new Result(lobby.tick(), snapshots, journalBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up journal in " + dir, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static LobbyConfig config(int tickRateHz, GameLoopPool loops, ClientThreadPool clients, Journaler journaler,
                                      Sink[] sinks) {
        BinaryQuantizeStage quantize = new BinaryQuantizeStage(LobbyManager.OUTPUT_RING_SIZE, tickRateHz);
        JsonWorldUpdateEncoder jsonWorld = JsonWorldUpdateEncoder.onDemand();
        quantize.markInUse();
        jsonWorld.markInUse();
        for (int i = 0; i < PLAYERS; i++) {
            sinks[i] = new Sink(i + 1, i % 2 == 0 ? quantize : null, tickRateHz);
        }
        return LobbyConfig.builder()
                .name("warm-up")
                .tickRateHz(tickRateHz)
                .tuning(Tuning.defaults())
                .seed(SEED)
                .maxPlayers(PLAYERS)
                .autoTick(false)
                .inputRingSize(INPUT_RING_SIZE)
                .outputRingSize(LobbyManager.OUTPUT_RING_SIZE)
                .encoders(List.of(jsonWorld, new JsonScoreboardEncoder(tickRateHz), new JsonKillFeedEncoder(), quantize))
                .clientThreads(clients)
                .gameLoops(loops)
                .tickObserver(new TickRecorder(new ServerMetrics().tickDurations(), new RecentTicks()))
                .journaler(journaler)
                .build();
    }

    /**
     * Ticks on this thread while another publishes the inputs, as a server's selector thread does
     * beside the ticker: the ring's claim then sees the contention it sees live (code compiled without it
     * is thrown away at the first contended claim, and everything inlined with it recompiled).
     */
    private static void drive(Lobby lobby, int ticks, int tickRateHz, Sink[] sinks) {
        AtomicIntegerArray ids = new AtomicIntegerArray(PLAYERS);
        AtomicBoolean done = new AtomicBoolean();
        Thread feeder = new Thread(() -> feed(lobby, ids, tickRateHz, done), "jr-warmup-inputs");
        feeder.setDaemon(true);
        feeder.start();
        try {
            for (int t = 0; t < ticks; t++) {
                if (t % BattleWarmup.WAVE_TICKS == 0) {
                    reseat(lobby, ids, sinks, BattleWarmup.targetPlayers(t / BattleWarmup.WAVE_TICKS));
                }
                long before = lobby.tick();
                if (lobby.tickNow() != InputResult.ACCEPTED || !awaitTick(lobby, before + 1)) {
                    return; // stopped or stuck: a warm-up is best effort, the server starts anyway
                }
            }
        } finally {
            done.set(true);
            try {
                feeder.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every seated player's input, over and over (about one round per tick), until {@code done}. */
    private static void feed(Lobby lobby, AtomicIntegerArray ids, int tickRateHz, AtomicBoolean done) {
        long inputSeq = 0;
        while (!done.get()) {
            inputSeq++;
            long tick = lobby.tick();
            for (int i = 0; i < PLAYERS; i++) {
                int id = ids.get(i);
                if (id > 0) {
                    double turn = -0.6 + 1.2 * i / (PLAYERS - 1);
                    boolean shoot = ((tick / tickRateHz) + i) % 3 == 0;
                    lobby.submitInput(id, 1.0, turn, shoot, inputSeq);
                }
            }
            LockSupport.parkNanos(FEED_PAUSE_NANOS);
        }
    }

    private static void reseat(Lobby lobby, AtomicIntegerArray ids, Sink[] sinks, int target) {
        for (int i = 0; i < PLAYERS; i++) {
            boolean wanted = i < target;
            if (wanted && ids.get(i) == 0) {
                int id = lobby.join("warm-up " + (i + 1), i + 1);
                if (id > 0) {
                    sinks[i].playerId = id;
                    ids.set(i, id);
                    if (!sinks[i].attached) {
                        lobby.attach(sinks[i]);
                        sinks[i].attached = true;
                    }
                }
            } else if (!wanted && ids.get(i) != 0) {
                int id = ids.getAndSet(i, 0);
                lobby.leave(id);
            }
        }
    }

    /** The game loop steps a hand-ticked lobby on its own thread: the next tick is a few microseconds away. */
    private static boolean awaitTick(Lobby lobby, long tick) {
        long deadline = System.nanoTime() + TICK_WAIT_LIMIT_NANOS;
        while (lobby.tick() < tick) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(10_000);
        }
        return true;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("jr-warmup-journal");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the warm-up journal", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory: the OS cleans up what is left
        }
    }

    /** A client's share of the work: its JSON frame with its ack, or its binary delta frame. */
    private static final class Sink implements ClientSink {
        private final BinaryQuantizeStage quantize; // null: a JSON client
        private final BinaryClientEncoder binary;
        private final EncodedBuffer frame = new EncodedBuffer(4096);
        volatile int playerId;
        boolean attached;
        long snapshots;

        Sink(int playerId, BinaryQuantizeStage quantize, int tickRateHz) {
            this.playerId = playerId;
            this.quantize = quantize;
            this.binary = new BinaryClientEncoder(BinaryMode.DELTA, tickRateHz);
        }

        @Override
        public void onSnapshot(Snapshot snapshot) {
            snapshots++;
            int index = snapshot.indexOfPlane(playerId);
            long ack = index >= 0 ? snapshot.planeLastInputSeq(index) : -1;
            if (quantize != null) {
                binary.encode(quantize, snapshot, ack, Math.max(0, snapshot.tick() - 3), frame);
            } else {
                JsonWorldUpdateFrame.withAck(snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE), ack, frame);
            }
        }
    }
}
