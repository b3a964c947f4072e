package org.jetraiders.engine.journal;

import static org.jetraiders.engine.journal.JournalDescriptor.*;

/**
 * Writes the ops of an EVENTS record (docs/JOURNAL.md, "Events"): what changes, not what repeats. Ticks
 * are counted and written as one run when something else happens; an input that repeats its player's
 * previous one with the next sequence number is one byte. Journal thread only; allocates nothing.
 */
final class EventEncoder {
    private final InputDictionary dictionary = new InputDictionary();
    private final ByteWriter out;
    private long pendingTicks;
    private boolean hasOps;

    EventEncoder(ByteWriter out) {
        this.out = out;
    }

    /** Whether the payload holds anything but ticks (ticks alone are not worth a record of their own). */
    boolean hasOps() {
        return hasOps;
    }

    void join(int id, String name, long clientKey) {
        op(OP_JOIN);
        out.putZigZag(id);
        out.putString(name);
        out.putRawLong(clientKey);
    }

    /** The world's input of {@code id} turns neutral with seq 0; the dictionary (the writer's memory) stays. */
    void disconnect(int id) {
        op(OP_DISCONNECT);
        out.putZigZag(id);
    }

    void leave(int id) {
        op(OP_LEAVE);
        out.putZigZag(id);
        dictionary.unbind(id);
    }

    void input(int id, double thrust, double turn, boolean shoot, long seq) {
        flushTicks();
        hasOps = true;
        int i = dictionary.indexOf(id);
        if (i == InputDictionary.NONE) {
            if (dictionary.isFull()) {
                out.putByte(OP_INPUT_UNBOUND);
                out.putZigZag(id);
                fields(0, 0, false, 0, thrust, turn, shoot, seq);
                return;
            }
            i = dictionary.bind(id);
            out.putByte(OP_BIND);
            out.putZigZag(id);
        }
        boolean repeat = same(thrust, dictionary.thrust[i]) && same(turn, dictionary.turn[i])
                && shoot == dictionary.shoot[i] && seq == dictionary.seq[i] + 1;
        if (repeat) {
            if (i < SHORT_INDEXES) {
                out.putByte(OP_REPEAT | i);
            } else {
                out.putByte(OP_REPEAT_LONG);
                out.putVarLong(i);
            }
        } else {
            if (i < SHORT_INDEXES) {
                out.putByte(OP_INPUT | i);
            } else {
                out.putByte(OP_INPUT_LONG);
                out.putVarLong(i);
            }
            fields(dictionary.thrust[i], dictionary.turn[i], dictionary.shoot[i], dictionary.seq[i], thrust, turn, shoot, seq);
        }
        dictionary.thrust[i] = thrust;
        dictionary.turn[i] = turn;
        dictionary.shoot[i] = shoot;
        dictionary.seq[i] = seq;
    }

    private void fields(double lastThrust, double lastTurn, boolean lastShoot, long lastSeq,
                        double thrust, double turn, boolean shoot, long seq) {
        int thrustByte = inputByte(thrust);
        int turnByte = inputByte(turn);
        int flags = 0;
        if (!same(thrust, lastThrust)) {
            flags |= FLAG_THRUST | (thrustByte != Integer.MIN_VALUE ? FLAG_THRUST_BYTE : 0);
        }
        if (!same(turn, lastTurn)) {
            flags |= FLAG_TURN | (turnByte != Integer.MIN_VALUE ? FLAG_TURN_BYTE : 0);
        }
        if (shoot) {
            flags |= FLAG_SHOOT;
        }
        if (seq != lastSeq + 1) {
            flags |= FLAG_SEQ;
        }
        out.putByte(flags);
        if ((flags & FLAG_THRUST) != 0) {
            value(thrust, thrustByte, (flags & FLAG_THRUST_BYTE) != 0);
        }
        if ((flags & FLAG_TURN) != 0) {
            value(turn, turnByte, (flags & FLAG_TURN_BYTE) != 0);
        }
        if ((flags & FLAG_SEQ) != 0) {
            out.putZigZag(seq - lastSeq);
        }
    }

    private void value(double v, int asByte, boolean oneByte) {
        if (oneByte) {
            out.putByte(asByte);
        } else {
            out.putDouble(v);
        }
    }

    private static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    void tick() {
        pendingTicks++;
    }

    void checksum(int crc) {
        op(OP_CHECKSUM);
        out.putU32(crc);
    }

    void stop() {
        op(OP_STOP);
    }

    private void op(int op) {
        flushTicks();
        out.putByte(op);
        hasOps = true;
    }

    /** Writes the ticks counted so far as one run. */
    void flushTicks() {
        long n = pendingTicks;
        if (n == 0) {
            return;
        }
        if (n <= SHORT_TICKS) {
            out.putByte(OP_TICKS | (int) (n - 1));
        } else {
            out.putByte(OP_TICKS_LONG);
            out.putVarLong(n);
        }
        pendingTicks = 0;
        hasOps = true;
    }

    long pendingTicks() {
        return pendingTicks;
    }

    /** The payload was sealed into a record (ticks still pending stay pending). */
    void payloadSealed() {
        out.reset();
        hasOps = false;
    }

    /** A snapshot follows: the dictionary restarts so a reader can start at it. */
    void restartDictionary() {
        dictionary.reset();
    }

    /** Forget everything: the payload, pending ticks and the dictionary (a new file, or a broken one). */
    void clear() {
        out.reset();
        hasOps = false;
        pendingTicks = 0;
        dictionary.reset();
    }
}
