package org.jetraiders.client.binary;

/**
 * The binary protocol's byte layout as a client needs it: envelope, message kinds, quantization scales
 * and flag bits ({@code docs/PROTOCOL.md}, "Binary protocol"). A copy of the part of the server's
 * {@code BinaryProtocolDescriptor} that clients use, because this library depends on nothing of the
 * server; the server's test {@code ClientProtocolAgreementTest} fails if any value here differs from
 * the server's.
 */
public final class ProtocolDescriptor {
    /** WebSocket subprotocol a client offers to speak the binary protocol. */
    public static final String SUBPROTOCOL = "jetraiders.v1.bin";
    /** Query parameter (name and value) that selects the binary protocol, for clients without subprotocols. */
    public static final String FORMAT_QUERY_NAME = "format";
    public static final String FORMAT_QUERY_VALUE = "bin";

    // ---- envelope -------------------------------------------------------------------------------
    public static final byte VERSION = 1;
    public static final int VERSION_OFFSET = 0;
    public static final int KIND_OFFSET = 1;
    public static final int HEADER_LENGTH = 2;

    // ---- message kinds --------------------------------------------------------------------------
    /** Server to client: every alive plane and every projectile, quantized. */
    public static final int KIND_WORLD_QUANTIZED = 0x01;
    /** Server to client: planes and projectiles relative to baselines (the server's default). */
    public static final int KIND_WORLD_DELTA = 0x02;
    /** Client to server: the player's input plus the last snapshot tick received. */
    public static final int KIND_INPUT = 0x10;

    // ---- quantization ---------------------------------------------------------------------------
    /** Positions are written in 1/8 px. */
    public static final int POSITION_SCALE = 8;
    /** Projectile velocities are written in 1/8 px per second. */
    public static final int VELOCITY_SCALE = 8;
    /** Rotations are written as u16: {@code round(rot * 65536 / 2π) mod 65536}. */
    public static final int ROTATION_UNITS = 65536;

    // ---- WorldDelta: changed-plane field mask ---------------------------------------------------
    public static final int MASK_X = 0x01;
    public static final int MASK_Y = 0x02;
    public static final int MASK_ROT = 0x04;
    public static final int MASK_HP = 0x08;
    public static final int MASK_ALL = MASK_X | MASK_Y | MASK_ROT | MASK_HP;

    // ---- Input ----------------------------------------------------------------------------------
    /** thrust and turn are int8: value / 127. */
    public static final int AXIS_SCALE = 127;
    /** Bit of the Input buttons byte for the trigger. */
    public static final int BUTTON_SHOOT = 0x01;

    // ---- varints --------------------------------------------------------------------------------
    public static final int MAX_VARINT32_BYTES = 5;
    public static final int MAX_VARINT64_BYTES = 10;

    // ---- defaults -------------------------------------------------------------------------------
    /** Received states a client keeps as possible baselines; must be at least the server's history (32). */
    public static final int DEFAULT_CLIENT_HISTORY = 64;

    private static final double ROT_TO_UNITS = ROTATION_UNITS / (2 * Math.PI);

    private ProtocolDescriptor() {
    }

    /** Pixels of a quantized position ({@code q / 8}). */
    public static double positionPx(int q) {
        return q / (double) POSITION_SCALE;
    }

    /** Radians of a quantized rotation, in [0, 2π). */
    public static double rotationRad(int q) {
        return q / ROT_TO_UNITS;
    }
}
