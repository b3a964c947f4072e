package org.jetraiders.server.protocol.binary;

import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MAX_HP;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.MAX_QUANTIZED;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.POSITION_SCALE;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.ROTATION_UNITS;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.VELOCITY_SCALE;

/** The protocol's quantization rules, for encoders and client decoders alike. Stateless. */
public final class BinaryQuantizer {
    private static final double ROT_TO_UNITS = ROTATION_UNITS / (2 * Math.PI);

    private BinaryQuantizer() {
    }

    /** {@code round(x * 8)}, clamped to ±2^29; NaN becomes 0. */
    public static int position(double x) {
        return clamp(Math.round(x * POSITION_SCALE));
    }

    /** {@code round(v * 8)} (1/8 px per second), clamped to ±2^29; NaN becomes 0. */
    public static int velocity(double v) {
        return clamp(Math.round(v * VELOCITY_SCALE));
    }

    /** {@code round(rot * 65536 / 2π) mod 65536}, that is rot normalized to [0, 2π) in 16 bits. */
    public static int rotation(double rot) {
        return (int) Math.floorMod(Math.round(rot * ROT_TO_UNITS), (long) ROTATION_UNITS);
    }

    /** hp clamped to [0, 255]. */
    public static int hp(int hp) {
        return hp < 0 ? 0 : Math.min(hp, MAX_HP);
    }

    /** The signed shortest difference {@code to - from} of two u16 rotations, in [-32768, 32767]. */
    public static int rotationDelta(int from, int to) {
        return (short) (to - from);
    }

    public static double positionPx(int q) {
        return q / (double) POSITION_SCALE;
    }

    public static double rotationRad(int q) {
        return q / ROT_TO_UNITS;
    }

    private static int clamp(long q) {
        return (int) Math.max(-MAX_QUANTIZED, Math.min(MAX_QUANTIZED, q));
    }
}
