package org.jetraiders.server.transport;

/**
 * Token bucket for one connection's inbound messages: {@code ratePerSecond} sustained with a burst of
 * one second's worth. Messages beyond it are dropped; when dropping has gone on without a break for
 * {@code closeAfterNanos}, the connection is a flood and gets closed. Only the connection's worker
 * thread uses it, and time is a parameter, so tests drive it.
 */
final class InputRateLimiter {
    enum Verdict { ACCEPT, DROP, CLOSE }

    private final double ratePerNano;
    private final double capacity;
    private final long closeAfterNanos;
    private double tokens;
    private long lastNanos;
    private long droppingSinceNanos;
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
            // a message that fits ends a flood only once the bucket has really refilled a little
            if (dropping && tokens >= 1) {
                dropping = false;
            }
            return Verdict.ACCEPT;
        }
        if (!dropping) {
            dropping = true;
            droppingSinceNanos = nowNanos;
        }
        return nowNanos - droppingSinceNanos >= closeAfterNanos ? Verdict.CLOSE : Verdict.DROP;
    }
}
