package org.jetraiders.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.jetraiders.engine.pipeline.ClientConsumer;
import org.jetraiders.engine.pipeline.EncodingStageHandler;
import org.jetraiders.engine.pipeline.GameLoopHandler;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.LobbyCounters;
import org.jetraiders.engine.pipeline.LobbyPipelineState;
import org.jetraiders.engine.pipeline.LogAndContinueExceptionHandler;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.pipeline.StatusCell;
import org.jetraiders.engine.pipeline.Ticker;
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

    private final LobbyConfig config;
    private final RingBuffer<InputEvent> input;
    private final RingBuffer<SnapshotEvent> output;
    private final BatchEventProcessor<InputEvent> gameLoop;
    private final BatchEventProcessor<SnapshotEvent> encodingStage;
    private final Ticker ticker;
    private final ClientThreadPool pool;
    private final boolean ownsPool;
    private final LobbyCounters counters = new LobbyCounters();
    private final StatusCell cell = new StatusCell();
    private final LobbyPipelineState state = new LobbyPipelineState();
    private final AtomicInteger reservedPlayers = new AtomicInteger();
    private final AtomicInteger nextPlayerId = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean running;
    private Thread gameLoopThread;
    private Thread encodingThread;

    private Lobby(LobbyConfig config) {
        this.config = config;
        World world = new World(config.tuning(), config.tickRateHz(), config.maxPlayers(), config.seed());
        int encoders = config.encoders().size();
        input = RingBuffer.createMultiProducer(InputEvent::new, config.inputRingSize(), new BlockingWaitStrategy());
        output = RingBuffer.createSingleProducer(() -> new SnapshotEvent(encoders), config.outputRingSize(),
                new BlockingWaitStrategy());
        ownsPool = config.clientThreads() == null;
        pool = ownsPool
                ? ClientThreadPool.create("jr-" + config.name() + "-clients", 1, config.sinkBlockTimeout())
                : config.clientThreads();

        gameLoop = new BatchEventProcessorBuilder().build(input, input.newBarrier(),
                new GameLoopHandler(world, output, counters, cell, state, reservedPlayers));
        gameLoop.setExceptionHandler(new LogAndContinueExceptionHandler<>("game loop of " + config.name()));
        input.addGatingSequences(gameLoop.getSequence());

        encodingStage = new BatchEventProcessorBuilder().build(output, output.newBarrier(),
                new EncodingStageHandler(config.encoders(), pool.shards()));
        encodingStage.setExceptionHandler(new LogAndContinueExceptionHandler<>("encoding stage of " + config.name()));
        output.addGatingSequences(encodingStage.getSequence());

        ticker = config.autoTick() ? new Ticker(input, config.tickPeriodNanos(), counters) : null;
    }

    /** Builds a lobby; nothing runs until {@link #start()}. */
    public static Lobby create(LobbyConfig config) {
        return new Lobby(config);
    }

    /** Starts the game loop, the encoding stage and (with {@code autoTick}) the ticker. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("lobby " + config.name() + " already started");
        }
        String prefix = "jr-" + config.name();
        encodingThread = daemon(encodingStage, prefix + "-encoder");
        gameLoopThread = daemon(gameLoop, prefix + "-game-loop");
        running = true;
        if (ticker != null) {
            ticker.start(prefix + "-ticker");
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
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
        input.get(seq).setJoin(id, name == null ? "player-" + id : name);
        input.publish(seq);
        return id;
    }

    /**
     * Removes a player, its plane and its projectiles. A leave must not be lost, so when the ring is
     * full this retries for up to a second before giving up (and counting it).
     *
     * @return false if the lobby is not running or the leave could not be published
     */
    public boolean leave(int playerId) {
        long deadline = System.nanoTime() + LEAVE_RETRY_NANOS;
        while (running) {
            try {
                long seq = input.tryNext();
                input.get(seq).setLeave(playerId);
                input.publish(seq);
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
        return InputResult.ACCEPTED;
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
        long seq = tryClaimInputSlot();
        if (seq == NO_SLOT) {
            return InputResult.RING_FULL;
        }
        input.get(seq).setTick(System.nanoTime());
        input.publish(seq);
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
        ClientConsumer consumer = new ClientConsumer(output, encodingStage.getSequence(), sink, state, counters,
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
                boolean tickerEnded = ticker == null || ticker.stop();
                clean = publishStop(deadline) && awaitConsumersDrained(deadline) && tickerEnded;
                running = false;
                if (!clean) {
                    state.forceStop = true;
                    pool.shards().signalAll();
                    awaitCondition(() -> counters.consumers() == 0, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
                }
                gameLoop.halt();
                encodingStage.halt();
                gameLoopThread.join(1000);
                encodingThread.join(1000);
                clean &= !gameLoopThread.isAlive() && !encodingThread.isAlive();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        } finally {
            running = false;
            if (ownsPool) {
                pool.close();
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
                break;
            } catch (InsufficientCapacityException e) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(100_000);
            }
        }
        return awaitCondition(() -> state.finalSequence != Long.MAX_VALUE
                && encodingStage.getSequence().get() >= state.finalSequence, deadline);
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
