package org.jetraiders.bench.load;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Input-to-effect latency probe for one client: a state machine driven by the client's input
 * timer (which asks what turn to send) and its frame handler (which reports its own plane's
 * rotation from each snapshot), both on the client's I/O thread. Time is a parameter, so tests
 * drive it directly.
 *
 * <pre>
 *  SETTLING --rot unchanged for 3 snapshots--> READY --next input: turn=1, t0--> IN_FLIGHT
 *     ^                                                                        |
 *     +---- cooldown 100-300 ms (turn=0) <-- COOLDOWN <-- rot changed: record now - t0
 *                                                         plane missing: skip round
 *                                                         no change in 2 s: time out
 * </pre>
 *
 * While IN_FLIGHT the probe keeps sending turn=1, so a server that applies only the latest input
 * of a tick still sees it. Thread-safe: every method is synchronized (only a handful of probes, and
 * the lock is uncontended since one I/O thread drives each probe).
 */
final class LatencyProbe {

    static final int STABLE_SNAPSHOTS = 3;
    static final double ROT_EPSILON = 1e-6;
    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long MIN_COOLDOWN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long MAX_COOLDOWN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    enum State { SETTLING, READY, IN_FLIGHT, COOLDOWN }

    /** Where a probe reports its outcomes; called with the probe's lock held, so keep it cheap. */
    interface Sink {
        void effectLatency(long nanos);

        void ackLatency(long nanos);

        void roundSkipped();

        void roundTimedOut();
    }

    private final Sink sink;
    private final SplittableRandom random;

    private State state = State.SETTLING;
    private double lastRot = Double.NaN;
    private int stableCount;
    private double baselineRot;
    private long sentAtNanos;
    private long probeSeq;
    private boolean ackPending;
    private long cooldownUntilNanos;

    LatencyProbe(Sink sink, long seed) {
        this.sink = sink;
        this.random = new SplittableRandom(seed);
    }

    /** Called by the input timer just before the client sends input {@code seq}; returns the turn to send. */
    synchronized int turnForInput(long nowNanos, long seq) {
        switch (state) {
            case READY:
                state = State.IN_FLIGHT;
                baselineRot = lastRot;
                sentAtNanos = nowNanos;
                probeSeq = seq;
                ackPending = true;
                return 1;
            case IN_FLIGHT:
                if (nowNanos - sentAtNanos > TIMEOUT_NANOS) {
                    sink.roundTimedOut();
                    startCooldown(nowNanos);
                    return 0;
                }
                return 1;
            case COOLDOWN:
                if (nowNanos - cooldownUntilNanos >= 0) {
                    settle();
                }
                return 0;
            default:
                return 0;
        }
    }

    /** Called by the client's frame handler for each world frame. {@code ack} is -1 when absent. */
    synchronized void onSnapshot(long nowNanos, boolean ownPresent, double rot, long ack) {
        switch (state) {
            case SETTLING:
            case READY:
                if (!ownPresent) {
                    settle();
                    return;
                }
                if (!Double.isNaN(lastRot) && Math.abs(rot - lastRot) <= ROT_EPSILON) {
                    if (++stableCount >= STABLE_SNAPSHOTS - 1) {
                        state = State.READY;
                    }
                } else {
                    stableCount = 0;
                    state = State.SETTLING;
                }
                lastRot = rot;
                return;
            case IN_FLIGHT:
                if (ackPending && ack >= probeSeq) {
                    ackPending = false;
                    sink.ackLatency(nowNanos - sentAtNanos);
                }
                if (!ownPresent) {
                    sink.roundSkipped();
                    startCooldown(nowNanos);
                } else if (Math.abs(rot - baselineRot) > ROT_EPSILON) {
                    sink.effectLatency(nowNanos - sentAtNanos);
                    startCooldown(nowNanos);
                }
                return;
            default:
                return;
        }
    }

    synchronized State state() {
        return state;
    }

    private void startCooldown(long nowNanos) {
        state = State.COOLDOWN;
        cooldownUntilNanos = nowNanos + random.nextLong(MIN_COOLDOWN_NANOS, MAX_COOLDOWN_NANOS + 1);
    }

    private void settle() {
        state = State.SETTLING;
        lastRot = Double.NaN;
        stableCount = 0;
    }
}
