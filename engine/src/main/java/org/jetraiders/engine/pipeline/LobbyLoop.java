package org.jetraiders.engine.pipeline;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

/**
 * One lobby's game loop as a {@link LoopTask}: when a tick falls due it publishes a TICK into the
 * lobby's input ring (so inputs and ticks stay one totally ordered stream, which is what makes replay
 * exact), then runs the {@link GameLoopHandler} over everything published so far. Inputs wait in the
 * ring until then: publishing one wakes nobody.
 *
 * <p>Lobbies without a schedule ({@code autoTick(false)}) run only when asked ({@link #requestRun()}),
 * after {@code tickNow()} or a stop.
 */
public final class LobbyLoop implements LoopTask {
    private static final System.Logger LOG = System.getLogger(LobbyLoop.class.getName());

    private final String lobbyName;
    private final RingBuffer<InputEvent> input;
    private final EventPoller<InputEvent> poller;
    private final EventPoller.Handler<InputEvent> handler;
    private final GameLoopHandler gameLoop;
    private final boolean autoTick;
    private final long periodNanos;
    private final LobbyCounters counters;
    private final ConsumerShards consumers;
    private final PassSignal journal;

    private volatile boolean runRequested;
    private volatile boolean retired;
    private volatile GameLoopShard host;

    // game-loop shard thread only
    private TickSchedule schedule;
    private long failures;

    public LobbyLoop(String lobbyName, RingBuffer<InputEvent> input, GameLoopHandler gameLoop, boolean autoTick,
                     long periodNanos, LobbyCounters counters, ConsumerShards consumers) {
        this(lobbyName, input, gameLoop, autoTick, periodNanos, counters, consumers, PassSignal.NONE);
    }

    /** @param journal signalled with the consumers after each pass that stepped this lobby */
    public LobbyLoop(String lobbyName, RingBuffer<InputEvent> input, GameLoopHandler gameLoop, boolean autoTick,
                     long periodNanos, LobbyCounters counters, ConsumerShards consumers, PassSignal journal) {
        this.journal = journal;
        this.lobbyName = lobbyName;
        this.input = input;
        this.gameLoop = gameLoop;
        this.autoTick = autoTick;
        this.periodNanos = periodNanos;
        this.counters = counters;
        this.consumers = consumers;
        this.poller = input.newPoller();
        input.addGatingSequences(poller.getSequence());
        this.handler = this::onEvent;
    }

    @Override
    public void hostedBy(GameLoopShard shard, long nowNanos) {
        if (autoTick) {
            schedule = new TickSchedule(periodNanos, shard.epochNanos(), nowNanos, counters);
        }
        host = shard;
    }

    @Override
    public boolean run(long nowNanos) {
        boolean due = runRequested;
        if (schedule != null) {
            long deadline;
            while ((deadline = schedule.pollDue(nowNanos)) >= 0) {
                publishTick(deadline);
                due = true;
            }
        }
        if (!due) {
            return false;
        }
        runRequested = false;
        long publishedBefore = counters.snapshotsPublished;
        try {
            poller.poll(handler);
        } catch (Exception e) {
            logFailure(e); // not reached: onEvent catches; kept so a poller bug cannot kill the shard
        }
        return counters.snapshotsPublished != publishedBefore;
    }

    private boolean onEvent(InputEvent event, long sequence, boolean endOfBatch) {
        try {
            gameLoop.onEvent(event, sequence, endOfBatch);
        } catch (Throwable t) {
            logFailure(t);
        }
        return true;
    }

    private void logFailure(Throwable t) {
        if (failures++ % 1000 == 0) {
            LOG.log(System.Logger.Level.ERROR, "game loop of " + lobbyName + " failed on an event ("
                    + failures + " so far); it goes on with the next", t);
        }
    }

    /**
     * Any thread: publishes a TICK for {@code deadline} into the input ring, behind every input published
     * before it. Never parks: a full ring drops the tick and counts it.
     *
     * @return false when the ring was full
     */
    public boolean publishTick(long deadline) {
        long seq;
        try {
            seq = input.tryNext();
        } catch (InsufficientCapacityException e) {
            counters.countDroppedRingFull();
            return false;
        }
        input.get(seq).setTick(deadline);
        input.publish(seq);
        return true;
    }

    /** Any thread: run this lobby's game loop at the shard's next pass, due tick or not. */
    public void requestRun() {
        runRequested = true;
        GameLoopShard shard = host;
        if (shard != null) {
            shard.wake();
        }
    }

    @Override
    public long nextDeadline() {
        TickSchedule s = schedule;
        return s == null ? Long.MAX_VALUE : s.nextDeadline();
    }

    @Override
    public void signalConsumers(long passId) {
        consumers.signalAll(passId);
        journal.signal();
    }

    /**
     * The game loop's position in the input ring: every event up to it has been applied. The journal
     * reads behind it without gating the ring (see {@code journal.LobbyJournal}).
     */
    public Sequence consumedSequence() {
        return poller.getSequence();
    }

    /** Any thread: the shard drops this loop at its next pass; nothing reads the input ring after. */
    public void retire() {
        retired = true;
        GameLoopShard shard = host;
        if (shard != null) {
            shard.wake();
        }
    }

    @Override
    public boolean isRetired() {
        return retired;
    }
}
