package org.jetraiders.server.transport;

import java.time.Duration;

/**
 * The WebSocket keep-alive of one connection: a ping every interval, and the connection counts as lost
 * when no pong came for 1.5 intervals (the rule of Java-WebSocket's own check, which we turn off).
 *
 * <p>While the connection is in a lobby, its client thread sends the ping inside the tick's batch: no
 * write, library queue or selector wake-up of its own. The library's check pinged every connection at
 * once through its queue, every interval, and the first round came ~10 s after start-up: the JIT
 * had compiled the send and read paths without that branch and threw the code away (JFR showed ~0.3 s
 * of recompilation in a 20 s load window). Here the first ping goes out a second after joining.
 * Outside a lobby the server's sweep pings through the library (rare: only until Join).
 *
 * <p>{@link #pong} runs on the selector thread; {@link #pingDue} on the client thread; the rest on any.
 */
final class KeepAlive {
    private final long intervalNanos;
    private final long lostAfterNanos;
    private volatile long lastPongNanos;
    private volatile boolean onTicks;
    // client thread only (set up by rideOnTicks before the lobby's first snapshot reaches the sink)
    private long intervalTicks;
    private long firstPingTicks;
    private long nextPingTick = -1;

    KeepAlive(Duration interval, long nowNanos) {
        this.intervalNanos = interval.toNanos();
        this.lostAfterNanos = intervalNanos + intervalNanos / 2;
        this.lastPongNanos = nowNanos;
    }

    /** A keep-alive that never rides on ticks (a sink driven without a connection, in tests and benchmarks). */
    static KeepAlive none() {
        return new KeepAlive(Duration.ofDays(1), 0);
    }

    /** A pong arrived. */
    void pong(long nowNanos) {
        lastPongNanos = nowNanos;
    }

    /** No pong for 1.5 intervals. */
    boolean lost(long nowNanos) {
        return nowNanos - lastPongNanos > lostAfterNanos;
    }

    /** From now on the lobby's ticks carry the pings (called before the sink is attached). */
    void rideOnTicks(int tickRateHz) {
        intervalTicks = Math.max(1, intervalNanos * tickRateHz / 1_000_000_000L);
        firstPingTicks = Math.min(intervalTicks, tickRateHz);
        nextPingTick = -1;
        onTicks = true;
    }

    /** The lobby no longer feeds this connection: the sweep pings again. */
    void offTicks() {
        onTicks = false;
    }

    boolean onTicks() {
        return onTicks;
    }

    /** Client thread, for each tick sent to this connection: whether this one carries a ping. */
    boolean pingDue(long tick) {
        if (!onTicks) {
            return false;
        }
        if (tick >= nextPingTick && nextPingTick >= 0) {
            nextPingTick = tick + intervalTicks;
            return true;
        }
        if (nextPingTick < 0 || nextPingTick - tick > intervalTicks + firstPingTicks) {
            nextPingTick = tick + firstPingTicks; // the first tick, or a tick counter that started over
        }
        return false;
    }
}
