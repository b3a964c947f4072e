package org.jetraiders.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.LobbyCounters;
import org.jetraiders.engine.pipeline.LobbyLoop;

/**
 * The publishing side of one {@link Lobby}'s input ring: admits joins against {@code maxPlayers} and
 * hands out player ids, and publishes joins, leaves, disconnects, inputs, manual ticks and the STOP,
 * each behind everything published before it. Holds the lobby's running flag, which every publish
 * checks first.
 *
 * <p>Any caller thread publishes (the WebSocket selector thread for every client input, so
 * {@link #submitInput} never allocates, locks or parks); the slots are read by the game-loop thread
 * hosting the lobby. The running flag is written by the threads starting and stopping the lobby.
 */
final class LobbyInputs {
    private static final long NO_SLOT = -1;
    private static final long LEAVE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RingBuffer<InputEvent> input;
    private final LobbyLoop gameLoop;
    private final LobbyCounters counters;
    private final AtomicInteger reservedPlayers;
    private final AtomicInteger nextPlayerId;
    private final int maxPlayers;
    private final boolean autoTick;
    private volatile boolean running;

    LobbyInputs(LobbyPipeline pipeline) {
        input = pipeline.input;
        gameLoop = pipeline.gameLoop;
        counters = pipeline.counters;
        reservedPlayers = pipeline.reservedPlayers;
        nextPlayerId = pipeline.nextPlayerId;
        maxPlayers = pipeline.config.maxPlayers();
        autoTick = pipeline.config.autoTick();
    }

    boolean isRunning() {
        return running;
    }

    /** From {@code start}, once the encoding stage and journal run: publishing is accepted from now. */
    void markRunning() {
        running = true;
    }

    /** From {@code stop}: publishing is refused from now, and a retrying leave gives up. */
    void markStopped() {
        running = false;
    }

    /** See {@link Lobby#join(String, long)}. */
    int join(String name, long clientKey) {
        if (!running) {
            return Lobby.JOIN_NOT_RUNNING;
        }
        int reserved;
        do {
            reserved = reservedPlayers.get();
            if (reserved >= maxPlayers) {
                return Lobby.JOIN_FULL;
            }
        } while (!reservedPlayers.compareAndSet(reserved, reserved + 1));
        int id = nextPlayerId.incrementAndGet();
        long seq = tryClaimInputSlot();
        if (seq == NO_SLOT) {
            reservedPlayers.decrementAndGet();
            return Lobby.JOIN_RING_FULL;
        }
        input.get(seq).setJoin(id, name == null ? "player-" + id : name, clientKey);
        input.publish(seq);
        runIfManual();
        return id;
    }

    /** A LEAVE or DISCONNECT, retried for up to a second when the ring is full (then counted). */
    boolean publishPlayerEvent(int type, int playerId) {
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

    /** See {@link Lobby#submitInput}: the hot path, one claimed slot and no allocation. */
    InputResult submitInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
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

    /** See {@link Lobby#tickNow()}. */
    InputResult tickNow() {
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
     * From {@code stop}, whether running or not: publishes the STOP and has the game loop run it,
     * retrying a full ring until {@code deadline}.
     *
     * @return false if the ring stayed full until the deadline
     */
    boolean publishStop(long deadline) {
        while (true) {
            try {
                long seq = input.tryNext();
                input.get(seq).setStop();
                input.publish(seq);
                gameLoop.requestRun();
                return true;
            } catch (InsufficientCapacityException e) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(100_000);
            }
        }
    }

    /**
     * A ticking lobby reads its ring on the next beat, so publishing wakes nobody; a lobby without
     * {@code autoTick} has no beat and applies what is published at once.
     */
    private void runIfManual() {
        if (!autoTick) {
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
}
