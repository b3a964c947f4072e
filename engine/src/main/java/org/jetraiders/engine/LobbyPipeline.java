package org.jetraiders.engine;

import java.util.concurrent.atomic.AtomicInteger;
import com.lmax.disruptor.RingBuffer;
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
 * One {@link Lobby}'s pipeline, built and wired: its world, the input and output rings, the encoding
 * stage, the game loop, the journal recording, and the thread pools they run on (the lobby's own, or
 * shared ones from its config). It also wires each attached client consumer into the output ring.
 *
 * <p>Built on the thread calling {@link Lobby#create}; its parts are final and published with the
 * lobby. {@link #attach} runs on any caller thread; {@link #closeOwnedPools()} on the thread stopping the
 * lobby. The parts themselves say which threads touch them (see the {@code pipeline} package doc).
 */
final class LobbyPipeline {
    final LobbyConfig config;
    final RingBuffer<InputEvent> input;
    final RingBuffer<SnapshotEvent> output;
    final LobbyLoop gameLoop;
    final EncodingStage encodingStage;
    final ClientThreadPool pool;
    private final boolean ownsPool;
    final GameLoopPool loopPool;
    private final boolean ownsLoopPool;
    final LobbyCounters counters = new LobbyCounters();
    final StatusCell cell = new StatusCell();
    final LobbyPipelineState state = new LobbyPipelineState();
    /** Players joined or about to be: joins reserve here, the game loop gives back on a leave. */
    final AtomicInteger reservedPlayers = new AtomicInteger();
    /** The last player id handed out. */
    final AtomicInteger nextPlayerId = new AtomicInteger();
    /** Null without a journaler. */
    final LobbyRecording recording;

    LobbyPipeline(LobbyConfig config) {
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
        output = RingBuffer.createSingleProducer(SnapshotEvent.factoryForOneRing(encoders), config.outputRingSize(),
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

    /** Any thread: a consumer reading the output ring behind the encoding stage, hosted by a client thread. */
    ClientConsumer attach(ClientSink sink) {
        ClientConsumer consumer = new ClientConsumer(output, encodingStage.sequence(), sink, state, counters,
                config.maxLagSnapshots(), config.maxLagTime());
        consumer.register(); // gate the ring before any thread polls it
        pool.shards().host(consumer);
        return consumer;
    }

    /** Closes the pools this lobby made for itself; shared ones stay with whoever passed them in. */
    void closeOwnedPools() {
        if (ownsPool) {
            pool.close();
        }
        if (ownsLoopPool) {
            loopPool.close();
        }
    }
}
