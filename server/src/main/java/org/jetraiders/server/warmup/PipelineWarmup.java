package org.jetraiders.server.warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
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
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * Private lobbies run through the engine's real pipeline, as a server lobby is built (the same four
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
    /** Players per lobby: a full default lobby. */
    static final int PLAYERS = 16;
    /** Lobbies on the one game-loop thread. */
    static final int LOBBIES = 4;
    /**
     * The server's rings hold 1,024 events; these a few more, so the journal, kept within
     * {@link #JOURNAL_LAG_TICKS} of the game loop, never falls a lap behind (17 events a tick). Small on
     * purpose: the warm-up's memory counts in the process's peak RSS.
     */
    private static final int INPUT_RING_SIZE = 4096;
    /** How far the journal may fall behind a lobby's game loop before the warm-up waits for it. */
    private static final int JOURNAL_LAG_TICKS = 120;
    /**
     * How far the clients' sinks may fall behind: well inside the lobby's {@code maxLagSnapshots} (8), so
     * no consumer skips. Unwaited, a client thread slower than the hand-ticked lobbies (a busy machine,
     * code not yet compiled) skipped most snapshots and the client path ran a fraction of the ticks.
     */
    private static final int CLIENT_LAG_TICKS = 4;
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
     * @param ticks        ticks the lobbies stepped, all together
     * @param snapshots    snapshots the clients' sinks took
     * @param journalBytes bytes the journals wrote (then deleted)
     * @param journalBreaks times a journal broke (fell a lap behind, or the disk failed): none, normally
     */
    record Result(long ticks, long snapshots, long journalBytes, long journalBreaks, long inputRounds) {
    }

    /**
     * Runs {@code ticks} ticks of {@link #LOBBIES} full lobbies on one game-loop thread (so its pass and
     * the journal thread's loop over lobbies run as live, not over a single one), whose players join,
     * fly, shoot and leave in waves.
     */
    static Result run(int tickRateHz, int ticks) {
        Path dir = createTempDirectory();
        try (GameLoopPool loops = GameLoopPool.create("jr-warmup-game-loop", 1);
             ClientThreadPool clients = ClientThreadPool.create("jr-warmup-clients", 1, Duration.ofSeconds(5));
             // read every millisecond: the feeder floods the rings far beyond any player's rate, and a
             // journal left to its 50 ms beat would be lapped (and the warm-up would wait for it in vain)
             Journaler journaler = Journaler.start(JournalConfig.builder(dir).threadName("jr-warmup-journal")
                     .readInterval(Duration.ofMillis(1)).build())) {
            Table[] tables = new Table[LOBBIES];
            for (int i = 0; i < LOBBIES; i++) {
                tables[i] = new Table(i, tickRateHz, loops, clients, journaler);
            }
            try {
                drive(tables, ticks, tickRateHz);
            } finally {
                for (Table t : tables) {
                    t.lobby.stop(STOP_TIMEOUT);
                }
            }
            long stepped = 0;
            long snapshots = 0;
            long journalBytes = 0;
            long journalBreaks = 0;
            long inputRounds = 0;
            for (Table t : tables) {
                stepped += t.lobby.tick();
                inputRounds += t.inputRounds;
                journalBytes += t.lobby.journal().bytesWritten();
                journalBreaks += t.lobby.journal().breaks();
                for (Sink s : t.sinks) {
                    snapshots += s.snapshots;
                }
            }
            return new Result(stepped, snapshots, journalBytes, journalBreaks, inputRounds);
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up journal in " + dir, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** One warm-up lobby, built as {@code LobbyManager} builds a server's, with its players' sinks. */
    private static final class Table {
        final Lobby lobby;
        final Sink[] sinks = new Sink[PLAYERS];
        final AtomicIntegerArray ids = new AtomicIntegerArray(PLAYERS);
        // the feeder's thread only (read after it is joined): the tick its last round went in at, and rounds so far
        long fedTick = -1;
        long inputRounds;

        Table(int index, int tickRateHz, GameLoopPool loops, ClientThreadPool clients, Journaler journaler) {
            int ringSize = LobbyManager.outputRingSize(tickRateHz); // the stage has a state per ring slot
            BinaryQuantizeStage quantize = new BinaryQuantizeStage(ringSize, tickRateHz);
            JsonWorldUpdateEncoder jsonWorld = JsonWorldUpdateEncoder.onDemand();
            quantize.markInUse();
            jsonWorld.markInUse();
            for (int i = 0; i < PLAYERS; i++) {
                sinks[i] = new Sink(i + 1, i % 2 == 0 ? quantize : null, tickRateHz);
            }
            lobby = Lobby.create(LobbyConfig.builder()
                    .name("warm-up-" + (index + 1))
                    .tickRateHz(tickRateHz)
                    .tuning(Tuning.defaults())
                    .seed(SEED + index)
                    .maxPlayers(PLAYERS)
                    .autoTick(false)
                    .inputRingSize(INPUT_RING_SIZE)
                    .outputRingSize(ringSize)
                    .encoders(WireEncodings.encoders(jsonWorld, quantize, tickRateHz))
                    .clientThreads(clients)
                    .gameLoops(loops)
                    .tickObserver(new TickRecorder(new ServerMetrics().tickDurations(), new RecentTicks()))
                    .journaler(journaler)
                    .build());
            lobby.start();
        }

        /**
         * The oldest latest tick among the sinks that have taken a snapshot ({@link Long#MAX_VALUE} when
         * none has): a sink just attached starts at whatever snapshot its consumer first sees.
         */
        long slowestSinkTick() {
            long slowest = Long.MAX_VALUE;
            for (Sink sink : sinks) {
                long seen = sink.lastTick;
                if (seen > 0) {
                    slowest = Math.min(slowest, seen);
                }
            }
            return slowest;
        }

        /** Seats players {@code 0..target-1} and unseats the rest; each sink is attached at its first join. */
        void reseat(int target) {
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
                    lobby.leave(ids.getAndSet(i, 0));
                }
            }
        }
    }

    /**
     * Ticks on this thread while another publishes the inputs, as a server's selector thread does
     * beside the ticker: the ring's claim then sees the contention it sees live (code compiled without it
     * is thrown away at the first contended claim, and everything inlined with it recompiled).
     */
    private static void drive(Table[] tables, int ticks, int tickRateHz) {
        AtomicBoolean done = new AtomicBoolean();
        Thread feeder = new Thread(() -> feed(tables, tickRateHz, done), "jr-warmup-inputs");
        feeder.setDaemon(true);
        feeder.start();
        try {
            for (int t = 0; t < ticks; t++) {
                for (int i = 0; i < tables.length; i++) {
                    if (t % BattleWarmup.WAVE_TICKS == 0) {
                        tables[i].reseat(BattleWarmup.targetPlayers(t / BattleWarmup.WAVE_TICKS + i));
                    }
                    if (tables[i].lobby.tickNow() != InputResult.ACCEPTED) {
                        return; // stopped: a warm-up is best effort, the server starts anyway
                    }
                }
                for (Table table : tables) {
                    Lobby lobby = table.lobby;
                    if (!awaitAtLeast(lobby::tick, t + 1, 10_000)
                            || !awaitAtLeast(table::slowestSinkTick, t + 1 - CLIENT_LAG_TICKS, 10_000)
                            || !awaitAtLeast(() -> lobby.journal().recordedTick(), t + 1 - JOURNAL_LAG_TICKS, 50_000)) {
                        return; // stuck: as above
                    }
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

    /**
     * Every seated player's input, one round per tick of each lobby (as clients send), until
     * {@code done}. Never more than one a tick: a feeder paced by the clock alone went on publishing
     * while the ticking thread waited for a journal starved of CPU, lapped the journal's read of the
     * ring (17 events a tick fill {@link #INPUT_RING_SIZE} in 240 ticks, rounds every 20 µs in 5 ms)
     * and broke it, and the warm-up gave up half-way (seen on a loaded machine).
     */
    private static void feed(Table[] tables, int tickRateHz, AtomicBoolean done) {
        long inputSeq = 0;
        while (!done.get()) {
            inputSeq++;
            for (Table table : tables) {
                long tick = table.lobby.tick();
                if (tick == table.fedTick) {
                    continue; // this tick's round is in
                }
                table.fedTick = tick;
                table.inputRounds++;
                for (int i = 0; i < PLAYERS; i++) {
                    int id = table.ids.get(i);
                    if (id > 0) {
                        table.lobby.submitInput(id, 1.0, BattleWarmup.botTurn(i),
                                BattleWarmup.botShoots(tick, tickRateHz, i), inputSeq);
                    }
                }
            }
            LockSupport.parkNanos(FEED_PAUSE_NANOS);
        }
    }

    /**
     * Waits until {@code progress} reaches {@code target}, at most {@link #TICK_WAIT_LIMIT_NANOS}: the
     * game loop steps a hand-ticked lobby on its own thread (the next tick is a few microseconds away),
     * and the journal thread reads behind it on its own (on two busy cores it can fall far back).
     */
    private static boolean awaitAtLeast(LongSupplier progress, long target, long pauseNanos) {
        long deadline = System.nanoTime() + TICK_WAIT_LIMIT_NANOS;
        while (progress.getAsLong() < target) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(pauseNanos);
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
        /** The tick of the last snapshot taken, for the ticking thread to wait on. */
        volatile long lastTick;

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
                binary.encode(quantize, snapshot, ack, Math.max(0, snapshot.tick() - BattleWarmup.ACK_LAG_TICKS), frame);
            } else {
                JsonWorldUpdateFrame.withAck(snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE), ack, frame);
            }
            lastTick = snapshot.tick();
        }
    }
}
