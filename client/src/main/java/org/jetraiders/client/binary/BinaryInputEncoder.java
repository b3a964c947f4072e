package org.jetraiders.client.binary;

import static org.jetraiders.client.binary.ProtocolDescriptor.AXIS_SCALE;
import static org.jetraiders.client.binary.ProtocolDescriptor.BUTTON_SHOOT;
import static org.jetraiders.client.binary.ProtocolDescriptor.KIND_INPUT;
import static org.jetraiders.client.binary.ProtocolDescriptor.VERSION;

/** Writes a binary {@code Input} message. Stateless. */
public final class BinaryInputEncoder {
    private BinaryInputEncoder() {
    }

    /**
     * Appends an Input message to {@code out} (not reset).
     *
     * @param thrust    in [-1, 1] (clamped; NaN is sent as 0), sent as round(thrust * 127)
     * @param turn      in [-1, 1], likewise
     * @param seq       the input sequence number (negative is sent as 0)
     * @param ackedTick the latest snapshot tick received, 0 for none
     */
    public static void encode(double thrust, double turn, boolean shoot, long seq, long ackedTick, BinaryWriter out) {
        out.u8(VERSION);
        out.u8(KIND_INPUT);
        out.u8(axis(thrust));
        out.u8(axis(turn));
        out.u8(shoot ? BUTTON_SHOOT : 0);
        out.varint(Math.max(0, seq));
        out.varint(Math.max(0, ackedTick));
    }

    static int axis(double v) {
        if (!(v == v)) {
            return 0;
        }
        double c = v < -1 ? -1 : (v > 1 ? 1 : v);
        return (int) Math.round(c * AXIS_SCALE);
    }
}
