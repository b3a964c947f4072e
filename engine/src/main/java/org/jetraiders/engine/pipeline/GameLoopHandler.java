package org.jetraiders.engine.pipeline;

import java.util.concurrent.atomic.AtomicInteger;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.TickObserver;
import org.jetraiders.engine.sim.World;

/**
 * The lobby's single consumer of the input ring. Joins, leaves, disconnects and inputs update the
 * world's held state; a TICK steps the world and publishes the snapshot into the output ring with {@code tryNext}
 * (never {@code next()}, which would park forever behind a stuck consumer). It never serializes,
 * never does I/O, never waits on a client.
 */
public final class GameLoopHandler implements EventHandler<InputEvent> {
    /** The scoreboard for {@code Lobby.scores()} is rewritten at most this often (ticks), or at match end. */
    private static final int SCOREBOARD_REFRESH_TICKS = 15;

    private final World world;
    private final RingBuffer<SnapshotEvent> output;
    private final LobbyCounters counters;
    private final StatusCell cell;
    private final LobbyPipelineState state;
    private final AtomicInteger reservedPlayers;
    private final ScoreTable scores;
    private final TickObserver tickObserver;
    private final TickCapture capture;

    private long publishedScoresVersion = -1;
    private long lastScoresTick;
    private boolean stopped;

    public GameLoopHandler(World world, RingBuffer<SnapshotEvent> output, LobbyCounters counters, StatusCell cell,
                           LobbyPipelineState state, AtomicInteger reservedPlayers) {
        this(world, output, counters, cell, state, reservedPlayers, TickObserver.NONE);
    }

    public GameLoopHandler(World world, RingBuffer<SnapshotEvent> output, LobbyCounters counters, StatusCell cell,
                           LobbyPipelineState state, AtomicInteger reservedPlayers, TickObserver tickObserver) {
        this(world, output, counters, cell, state, reservedPlayers, tickObserver, TickCapture.NONE);
    }

    /** @param capture told about every tick after the step, before its snapshot is published (the journal's) */
    public GameLoopHandler(World world, RingBuffer<SnapshotEvent> output, LobbyCounters counters, StatusCell cell,
                           LobbyPipelineState state, AtomicInteger reservedPlayers, TickObserver tickObserver,
                           TickCapture capture) {
        this.tickObserver = tickObserver;
        this.capture = capture;
        this.world = world;
        this.output = output;
        this.counters = counters;
        this.cell = cell;
        this.state = state;
        this.reservedPlayers = reservedPlayers;
        this.scores = new ScoreTable(world.slotCapacity());
        cell.scoreTable = scores;
    }

    @Override
    public void onEvent(InputEvent event, long sequence, boolean endOfBatch) {
        if (stopped) {
            return;
        }
        switch (event.type) {
            case InputEvent.INPUT -> applyInput(event);
            case InputEvent.TICK -> tick(event);
            case InputEvent.JOIN -> {
                if (world.addPlayer(event.playerId, event.name, event.clientKey) == World.NO_SLOT) {
                    reservedPlayers.decrementAndGet(); // cannot happen while reservations match slots
                }
            }
            case InputEvent.LEAVE -> {
                if (world.removePlayer(event.playerId)) {
                    reservedPlayers.decrementAndGet();
                }
            }
            case InputEvent.DISCONNECT -> disconnect(event.playerId);
            case InputEvent.STOP -> stop();
            default -> { }
        }
        // a JOIN keeps its name in the slot: the journal reads the slot after us (a publisher resets it)
    }

    private void applyInput(InputEvent event) {
        int result = world.applyInput(event.playerId, event.thrust, event.turn, event.shoot, event.inputSeq);
        if (result == World.INPUT_UNKNOWN_PLAYER) {
            counters.inputsUnknownPlayer++;
        } else if (result == World.INPUT_STALE) {
            counters.inputsStale++;
        }
    }

    /** The plane stays, flying on with a neutral input; the next client's sequence numbers start afresh. */
    private void disconnect(int playerId) {
        if (!world.disconnect(playerId)) {
            counters.inputsUnknownPlayer++;
        }
    }

    private void tick(InputEvent event) {
        long started = System.nanoTime(); // metrics only; the simulation never reads the clock
        world.step();
        capture.afterStep(world, event);
        publish(null);
        LobbyStatus status = world.status();
        if (cell.status != status) {
            cell.status = status;
        }
        cell.tick = world.tick();
        cell.matchSecondsLeft = world.matchSecondsLeft();
        refreshScoreboard(status);
        long finished = System.nanoTime();
        counters.tickDurations.record(finished - started);
        counters.lastTickNanos = finished;
        counters.ticks++;
        tickObserver.onTick(counters, finished - started);
    }

    private void publish(LobbyStatus override) {
        long seq;
        try {
            seq = output.tryNext();
        } catch (InsufficientCapacityException e) {
            counters.snapshotsDroppedRingFull++;
            return;
        }
        try {
            output.get(seq).copyFrom(world, seq, override);
        } finally {
            output.publish(seq);
        }
        counters.snapshotsPublished++;
    }

    private void refreshScoreboard(LobbyStatus status) {
        long version = world.scoresVersion();
        if (version == publishedScoresVersion) {
            return;
        }
        boolean due = world.tick() - lastScoresTick >= SCOREBOARD_REFRESH_TICKS
                || status.phase() == LobbyStatus.Phase.MATCH_ENDED || publishedScoresVersion < 0;
        if (due) {
            scores.write(world);
            publishedScoresVersion = version;
            lastScoresTick = world.tick();
        }
    }

    private void stop() {
        cell.status = LobbyStatus.STOPPING;
        publish(LobbyStatus.STOPPING);
        stopped = true;
        state.finalSequence = output.getCursor();
    }
}
