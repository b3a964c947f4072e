package org.jetraiders.client.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers a client's inputs and follows the server's acknowledgements: every input gets the next
 * sequence number (1, 2, ...); every world snapshot says the latest one the simulation used
 * ({@code ack}). The inputs sent but not yet acknowledged are what a predicting client re-applies on
 * top of the server's state ({@link #pending()}), and the time from sending an input to its ack is the
 * input's round trip as the game sees it ({@link #lastAckDelayNanos()}).
 *
 * <p>Keeps the last {@code capacity} unacknowledged inputs; older ones are forgotten (the server has
 * then stopped acknowledging, e.g. it never got them). Thread-safe: a game thread sends while the
 * connection's read thread acknowledges.
 */
public final class InputTracker {
    private final SentInput[] ring;
    private long lastSeq;
    private long acked;
    private long lastAckDelayNanos = -1;
    /** Ring index of the oldest pending input, and how many are pending. */
    private int head;
    private int size;

    /** @param capacity unacknowledged inputs remembered, at least 1 (256 is four seconds at 60 Hz) */
    public InputTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " < 1");
        }
        ring = new SentInput[capacity];
    }

    public InputTracker() {
        this(256);
    }

    /** Records an input about to be sent and returns it with its sequence number. */
    public synchronized SentInput next(double thrust, double turn, boolean shoot, long nowNanos) {
        SentInput input = new SentInput(++lastSeq, clamp(thrust), clamp(turn), shoot, nowNanos);
        if (size == ring.length) {
            head = (head + 1) % ring.length;
            size--;
        }
        ring[(head + size) % ring.length] = input;
        size++;
        return input;
    }

    /**
     * The server used every input up to {@code ack} (from a world snapshot received at
     * {@code nowNanos}). Acks never go back: an older one arriving late changes nothing.
     */
    public synchronized void acknowledge(long ack, long nowNanos) {
        if (ack <= acked) {
            return;
        }
        acked = Math.min(ack, lastSeq);
        while (size > 0 && ring[head].seq() <= acked) {
            if (ring[head].seq() == acked) {
                lastAckDelayNanos = nowNanos - ring[head].sentNanos();
            }
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
        }
    }

    /** The sequence number of the last input sent, 0 before any. */
    public synchronized long lastSentSeq() {
        return lastSeq;
    }

    /** The latest input sequence number the server acknowledged, 0 before any. */
    public synchronized long ackedSeq() {
        return acked;
    }

    /** The inputs sent after {@link #ackedSeq()}, oldest first (at most {@code capacity}). */
    public synchronized List<SentInput> pending() {
        List<SentInput> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(head + i) % ring.length]);
        }
        return out;
    }

    /** Nanoseconds from sending the last acknowledged input to receiving its ack, -1 before the first. */
    public synchronized long lastAckDelayNanos() {
        return lastAckDelayNanos;
    }

    /** Clamped to [-1, 1], NaN as 0: what the server will use. */
    static double clamp(double v) {
        if (!(v == v)) {
            return 0;
        }
        return v < -1 ? -1 : (v > 1 ? 1 : v);
    }
}
