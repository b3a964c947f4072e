package org.jetraiders.server.transport;

import java.util.concurrent.TimeUnit;

/**
 * Token bucket for one connection's inbound messages: {@code ratePerSecond} sustained with a burst of
 * one second's worth. Messages beyond it are dropped; when drops keep coming, with no drop-free
 * {@link #QUIET_NANOS} between them, for {@code closeAfterNanos}, the connection is a flood and gets
 * closed. Only the connection's worker thread uses it, and time is a parameter, so tests drive it.
 */
final class InputRateLimiter {
    enum Verdict { ACCEPT, DROP, CLOSE }

    /**
     * A flood ends only after this long without a drop. (It used to end at the first message that
     * found a spare token, so any pause of two token periods — 17 ms at 120/s, a GC or a TCP batch —
     * restarted the flood clock and a client sending 30× the limit was never closed; ProtocolAbuseIT
     * found it.)
     */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double ratePerNano;
    private final double capacity;
    private final long closeAfterNanos;
    private double tokens;
    private long lastNanos;
    private long droppingSinceNanos;
    private long lastDropNanos;
    private boolean dropping;

    InputRateLimiter(int ratePerSecond, long closeAfterNanos, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = ratePerSecond;
        this.closeAfterNanos = closeAfterNanos;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    Verdict onMessage(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * ratePerNano);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        if (!dropping || nowNanos - lastDropNanos >= QUIET_NANOS) {
            dropping = true;
            droppingSinceNanos = nowNanos;
        }
        lastDropNanos = nowNanos;
        return nowNanos - droppingSinceNanos >= closeAfterNanos ? Verdict.CLOSE : Verdict.DROP;
    }
}
