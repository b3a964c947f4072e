package org.jetraiders.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.jetraiders.engine.journal.JournalStatus;
import org.jetraiders.engine.journal.LobbyRecording;
import org.jetraiders.engine.pipeline.ClientConsumer;
import org.jetraiders.engine.pipeline.EncodingStage;
import org.jetraiders.engine.pipeline.GameLoopHandler;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.LobbyCounters;
import org.jetraiders.engine.pipeline.LobbyLoop;
import org.jetraiders.engine.pipeline.LobbyPipelineState;
import org.jetraiders.engine.pipeline.NoWakeWaitStrategy;
import org.jetraiders.engine.pipeline.PassSignal;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.pipeline.StatusCell;
import org.jetraiders.engine.pipeline.TickCapture;
import org.jetraiders.engine.sim.World;

/**
 * One running Jet Raiders world and its pipeline: input ring → game loop → output ring → encoding
 * stage → one consumer per attached client.
 *
 * <pre>{@code
 * Lobby lobby = Lobby.create(LobbyConfig.builder().name("arena").build());
 * lobby.start();
 * int me = lobby.join("Ada");
 * lobby.attach(snapshot -> System.out.println(snapshot.tick()));
 * lobby.submitInput(me, 1.0, 0.0, true, 1);
 * lobby.stop();
 * }</pre>
 *
 * <p>Thread-safe: any thread may join, leave, submit input, attach and read status. Publishing never
 * blocks: when the input ring is full the call returns {@link InputResult#RING_FULL} and counts it.
 */
public final class Lobby implements AutoCloseable {
    /** {@link #join} result: the lobby has {@code maxPlayers} players. */
    public static final int JOIN_FULL = -1;
    /** {@link #join} result: the lobby is not running. */
    public static final int JOIN_NOT_RUNNING = -2;
    /** {@link #join} result: the input ring was full; try again. */
    public static final int JOIN_RING_FULL = -3;

    private static final long NO_SLOT = -1;
    private static final long LEAVE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A stop waits at least this long for the journal's last file to reach the disk. */
    private static final long JOURNAL_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final LobbyConfig config;
    private final RingBuffer<InputEvent> input;
    private final RingBuffer<SnapshotEvent> output;
    private final LobbyLoop gameLoop;
    private final EncodingStage encodingStage;
    private final ClientThreadPool pool;
    private final boolean ownsPool;
    private final GameLoopPool loopPool;
    private final boolean ownsLoopPool;
    private final LobbyCounters counters = new LobbyCounters();
    private final StatusCell cell = new StatusCell();
    private final LobbyPipelineState state = new LobbyPipelineState();
    private final AtomicInteger reservedPlayers = new AtomicInteger();
    private final AtomicInteger nextPlayerId = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final LobbyRecording recording;
    private volatile boolean running;

    private Lobby(LobbyConfig config) {
        this.config = config;
        World world = config.restorePoint() != null ? config.restorePoint().takeWorld()
                : new World(config.tuning(), config.tickRateHz(), config.maxPlayers(), config.seed());
        // a restored world keeps its players: count them, and hand out ids above every id it has seen
        reservedPlayers.set(world.playerCount());
        nextPlayerId.set(world.highestPlayerId());
        cell.status = world.status();
        cell.tick = world.tick();
        recording = config.journaler() == null ? null : config.journaler().prepare(config, world);
        // Both rings are polled (the input ring on the game loop's beat, the output ring by the shard
        // threads when signalled), so publishing wakes nobody.
        input = RingBuffer.createMultiProducer(InputEvent::new, config.inputRingSize(), NoWakeWaitStrategy.INSTANCE);
        int encoders = config.encoders().size();
        output = RingBuffer.createSingleProducer(() -> new SnapshotEvent(encoders), config.outputRingSize(),
                NoWakeWaitStrategy.INSTANCE);
        ownsPool = config.clientThreads() == null;
        pool = ownsPool
                ? ClientThreadPool.create("jr-" + config.name() + "-clients", 1, config.sinkBlockTimeout())
                : config.clientThreads();
        ownsLoopPool = config.gameLoops() == null;
        loopPool = ownsLoopPool ? GameLoopPool.create("jr-" + config.name() + "-game-loop", 1) : config.gameLoops();

        encodingStage = new EncodingStage(output, config.encoders().toArray(new SnapshotEncoder[0]), pool.shards());
        encodingStage.register();
        gameLoop = new LobbyLoop(config.name(), input,
                new GameLoopHandler(world, output, counters, cell, state, reservedPlayers, config.tickObserver(),
                        recording == null ? TickCapture.NONE : recording.capture()),
                config.autoTick(), config.tickPeriodNanos(), counters, pool.encoders(),
                recording == null ? PassSignal.NONE : recording.signal());
        if (recording != null) {
            recording.attach(input, gameLoop.consumedSequence());
        }
    }

    /** Builds a lobby; nothing runs until {@link #start()}. */
    public static Lobby create(LobbyConfig config) {
        return new Lobby(config);
    }

    /**
     * Starts the lobby: its encoding stage joins a client thread and its game loop a game-loop thread,
     * which ticks it at {@code tickRateHz} (with {@code autoTick}).
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("lobby " + config.name() + " already started");
        }
        pool.encoders().hostStage(encodingStage);
        if (recording != null) {
            recording.start();
        }
        running = true;
        loopPool.shards().host(gameLoop);
    }

    public String name() {
        return config.name();
    }

    public LobbyConfig config() {
        return config;
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Adds a player; its plane spawns on the next tick.
     *
     * @param name display name (the engine stores it as given; sanitise it at the edge)
     * @return the new player's id (positive, unique in this lobby), or {@link #JOIN_FULL},
     *     {@link #JOIN_NOT_RUNNING}, {@link #JOIN_RING_FULL}
     */
    public int join(String name) {
        return join(name, 0);
    }

    /**
     * {@link #join(String)}, recording {@code clientKey} with the join in the input stream: an opaque
     * number of the embedder's (a server keeps the key a reconnecting client resumes this player
     * by), so that whatever reads the stream, such as a journal, can tell whose player this is.
     * The simulation never reads it.
     */
    public int join(String name, long clientKey) {
        if (!running) {
            return JOIN_NOT_RUNNING;
        }
        int reserved;
        do {
            reserved = reservedPlayers.get();
            if (reserved >= config.maxPlayers()) {
                return JOIN_FULL;
            }
        } while (!reservedPlayers.compareAndSet(reserved, reserved + 1));
        int id = nextPlayerId.incrementAndGet();
        long seq = tryClaimInputSlot();
        if (seq == NO_SLOT) {
            reservedPlayers.decrementAndGet();
            return JOIN_RING_FULL;
        }
        input.get(seq).setJoin(id, name == null ? "player-" + id : name, clientKey);
        input.publish(seq);
        runIfManual();
        return id;
    }

    /**
     * Removes a player, its plane and its projectiles. A leave must not be lost, so when the ring is
     * full this retries for up to a second before giving up (and counting it).
     *
     * @return false if the lobby is not running or the leave could not be published
     */
    public boolean leave(int playerId) {
        return publishPlayerEvent(InputEvent.LEAVE, playerId);
    }

    /**
     * Marks a player disconnected without removing it: its plane stays and flies on with a neutral
     * input (no thrust change, no turn, no fire) until the player's next input or {@link #leave}, and
     * its input sequence numbers start again from 0 (a reconnecting client counts afresh). It goes
     * through the input ring like every change, so a recorded stream replays it. Like a leave it
     * must not be lost: when the ring is full this retries for up to a second.
     *
     * @return false if the lobby is not running or the event could not be published
     */
    public boolean disconnect(int playerId) {
        return publishPlayerEvent(InputEvent.DISCONNECT, playerId);
    }

    /** A LEAVE or DISCONNECT, retried for up to a second when the ring is full (then counted). */
    private boolean publishPlayerEvent(int type, int playerId) {
        long deadline = System.nanoTime() + LEAVE_RETRY_NANOS;
        while (running) {
            try {
                long seq = input.tryNext();
                if (type == InputEvent.LEAVE) {
                    input.get(seq).setLeave(playerId);
                } else {
                    input.get(seq).setDisconnect(playerId);
                }
                input.publish(seq);
                runIfManual();
                return true;
            } catch (InsufficientCapacityException e) {
                if (System.nanoTime() > deadline) {
                    counters.countDroppedRingFull();
                    return false;
                }
                LockSupport.parkNanos(100_000);
            }
        }
        return false;
    }

    /**
     * Publishes a player's latest input; it is held until replaced and applied on the next tick.
     * Out-of-range values are clamped by the simulation; non-finite ones are rejected here.
     *
     * @param inputSeq the client's input number (increasing), echoed per player in snapshots; 0 if unused
     */
    public InputResult submitInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
        if (!Double.isFinite(thrust) || !Double.isFinite(turn)) {
            counters.countRejectedNotFinite();
            return InputResult.REJECTED_NOT_FINITE;
        }
        if (!running) {
            return InputResult.LOBBY_STOPPED;
        }
        long seq = tryClaimInputSlot();
        if (seq == NO_SLOT) {
            return InputResult.RING_FULL;
        }
        input.get(seq).setInput(playerId, thrust, turn, shoot, inputSeq);
        input.publish(seq);
        runIfManual();
        return InputResult.ACCEPTED;
    }

    /**
     * A ticking lobby reads its ring on the next beat, so publishing wakes nobody; a lobby without
     * {@code autoTick} has no beat and applies what is published at once.
     */
    private void runIfManual() {
        if (!config.autoTick()) {
            gameLoop.requestRun();
        }
    }

    /** A claimed input-ring slot, or {@link #NO_SLOT} (counted) when the ring is full: never parks. */
    private long tryClaimInputSlot() {
        try {
            return input.tryNext();
        } catch (InsufficientCapacityException e) {
            counters.countDroppedRingFull();
            return NO_SLOT;
        }
    }

    /** Publishes one TICK now; for lobbies built with {@code autoTick(false)} (tests, replays, tools). */
    public InputResult tickNow() {
        if (!running) {
            return InputResult.LOBBY_STOPPED;
        }
        if (!gameLoop.publishTick(System.nanoTime())) {
            return InputResult.RING_FULL;
        }
        gameLoop.requestRun();
        return InputResult.ACCEPTED;
    }

    /**
     * Attaches a client consumer; it receives every snapshot published from now on (skipping stale
     * ones if it falls behind), each status change, and finally {@link ClientSink#onDetached}.
     *
     * @throws IllegalStateException if the lobby is not running
     */
    public ClientSubscription attach(ClientSink sink) {
        if (!running) {
            throw new IllegalStateException("lobby " + config.name() + " is not running");
        }
        ClientConsumer consumer = new ClientConsumer(output, encodingStage.sequence(), sink, state, counters,
                config.maxLagSnapshots(), config.maxLagTime());
        consumer.register(); // gate the ring before any thread polls it
        pool.shards().host(consumer);
        return consumer;
    }

    /** The latest status, read without locks. */
    public LobbyStatus status() {
        return cell.status;
    }

    /** The latest tick the game loop has stepped. */
    public long tick() {
        return cell.tick;
    }

    /** Whole seconds left in the running match, or -1 when not running or without a limit. */
    public int matchSecondsLeft() {
        return cell.matchSecondsLeft;
    }

    /** Players in the lobby, counting joins not yet applied by the game loop. */
    public int playerCount() {
        return reservedPlayers.get();
    }

    /** Scoreboard of everyone in the lobby; refreshed within a quarter second of a change. Allocates the copy. */
    public List<PlayerScore> scores() {
        return cell.scores();
    }

    public LobbyMetrics metrics() {
        return counters;
    }

    /** The lobby's journal: its file, how far it recorded, its breaks; {@link JournalStatus#NONE} without a journaler. */
    public JournalStatus journal() {
        return recording == null ? JournalStatus.NONE : recording.status();
    }

    /** {@link #stop(Duration)} with 3 seconds. */
    @Override
    public void close() {
        stop();
    }

    /** {@link #stop(Duration)} with 3 seconds. */
    public boolean stop() {
        return stop(Duration.ofSeconds(3));
    }

    /**
     * Graceful stop: the status turns {@link LobbyStatus#STOPPING}, a final snapshot carrying it goes
     * to every consumer, consumers detach with {@link DetachReason#LOBBY_STOPPED}, and every thread
     * this lobby started ends. Idempotent.
     *
     * @return true if everything ended within the timeout (stragglers are cut off either way)
     */
    public boolean stop(Duration timeout) {
        if (!stopping.compareAndSet(false, true)) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        cell.status = LobbyStatus.STOPPING;
        boolean clean = true;
        try {
            if (started.get()) {
                clean = publishStop(deadline) && awaitConsumersDrained(deadline);
                running = false;
                if (!clean) {
                    state.forceStop = true;
                    pool.shards().signalAll();
                    awaitCondition(() -> counters.consumers() == 0, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
                }
            }
        } finally {
            running = false;
            gameLoop.retire();
            if (recording != null && started.get()) {
                recording.lobbyStopped(); // after a STOP it has ended already; else it ends at what was applied
                recording.awaitClosed(Math.max(deadline, System.nanoTime() + JOURNAL_CLOSE_NANOS));
            }
            encodingStage.retire();
            pool.encoders().signalAll();
            pool.shards().signalAll();
            if (ownsPool) {
                pool.close();
            }
            if (ownsLoopPool) {
                loopPool.close();
            }
        }
        return clean;
    }

    private boolean publishStop(long deadline) {
        while (true) {
            try {
                long seq = input.tryNext();
                input.get(seq).setStop();
                input.publish(seq);
                gameLoop.requestRun();
                break;
            } catch (InsufficientCapacityException e) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(100_000);
            }
        }
        return awaitCondition(() -> state.finalSequence != Long.MAX_VALUE
                && encodingStage.sequence().get() >= state.finalSequence, deadline);
    }

    private boolean awaitConsumersDrained(long deadline) {
        pool.shards().signalAll();
        return awaitCondition(() -> counters.consumers() == 0, deadline);
    }

    private static boolean awaitCondition(java.util.function.BooleanSupplier condition, long deadline) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
