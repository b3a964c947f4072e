package org.jetraiders.server.protocol.binary;

/** A decoded binary {@code Input} message; mutable and reused. Belongs to one thread at a time. */
public final class BinaryInput {
    double thrust;
    double turn;
    boolean shoot;
    long seq;
    long ackedTick;

    /** In [-1, 1], a multiple of 1/127. */
    public double thrust() {
        return thrust;
    }

    /** In [-1, 1], a multiple of 1/127. */
    public double turn() {
        return turn;
    }

    public boolean shoot() {
        return shoot;
    }

    /** The client's input sequence number (non-negative). */
    public long seq() {
        return seq;
    }

    /** The latest snapshot tick the client received; 0 when none. */
    public long ackedTick() {
        return ackedTick;
    }
}
