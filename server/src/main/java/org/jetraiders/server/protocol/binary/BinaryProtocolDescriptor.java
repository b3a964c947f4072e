package org.jetraiders.server.protocol.binary;

/**
 * The binary protocol's byte layout in one place (Agrona's {@code RecordDescriptor} style): envelope
 * offsets, message kinds, quantization scales and flag bits. {@code docs/PROTOCOL.md} ("Binary
 * protocol") documents every field in order; the encoders and decoders use only these constants.
 *
 * <p>All fixed-width fields are little-endian. {@code varint} is unsigned LEB128 (7 bits per byte,
 * low group first, high bit = more); {@code zigzag} maps a signed 32-bit n to {@code (n << 1) ^ (n >> 31)}
 * before writing it as a varint. Id lists are strictly ascending and written as gaps (first id, then
 * the difference to the previous id).
 */
public final class BinaryProtocolDescriptor {
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
    /** Server to client: every alive plane and every projectile, quantized (step 1). */
    public static final int KIND_WORLD_QUANTIZED = 0x01;
    /** Server to client: planes and projectiles relative to baselines (steps 2 and 3). */
    public static final int KIND_WORLD_DELTA = 0x02;
    /** Client to server: the player's input plus the last snapshot tick received. */
    public static final int KIND_INPUT = 0x10;

    // ---- quantization ---------------------------------------------------------------------------
    /** Positions are written in 1/8 px: {@code round(x * 8)}. */
    public static final int POSITION_SCALE = 8;
    /** Projectile velocities are written in 1/8 px per second: {@code round(vx * 8)}. */
    public static final int VELOCITY_SCALE = 8;
    /** Rotations are written as u16: {@code round(rot * 65536 / 2π) mod 65536}. */
    public static final int ROTATION_UNITS = 65536;
    /** Hit points are a u8; larger values are clamped. */
    public static final int MAX_HP = 255;
    /** Quantized positions and velocities are clamped to ±2^29 so differences fit a signed 32-bit int. */
    public static final int MAX_QUANTIZED = 1 << 29;

    // ---- WorldDelta: changed-plane field mask ---------------------------------------------------
    public static final int MASK_X = 0x01;
    public static final int MASK_Y = 0x02;
    public static final int MASK_ROT = 0x04;
    public static final int MASK_HP = 0x08;
    public static final int MASK_ALL = MASK_X | MASK_Y | MASK_ROT | MASK_HP;

    // ---- Input ----------------------------------------------------------------------------------
    /** thrust and turn are int8: value / 127; -128 counts as -127 (clamped). */
    public static final int AXIS_SCALE = 127;
    /** Bit of the Input buttons byte for the trigger; the other bits are reserved (ignored). */
    public static final int BUTTON_SHOOT = 0x01;
    /** Offsets inside an Input message. */
    public static final int INPUT_THRUST_OFFSET = 2;
    public static final int INPUT_TURN_OFFSET = 3;
    public static final int INPUT_BUTTONS_OFFSET = 4;
    public static final int INPUT_SEQ_OFFSET = 5;
    /** Largest Input: header, 3 bytes, two 10-byte varints. */
    public static final int INPUT_MAX_LENGTH = INPUT_SEQ_OFFSET + 2 * 10;

    // ---- varints --------------------------------------------------------------------------------
    public static final int MAX_VARINT32_BYTES = 5;
    public static final int MAX_VARINT64_BYTES = 10;

    // ---- defaults -------------------------------------------------------------------------------
    /** Sent snapshots a {@link BinaryClientEncoder} keeps as possible baselines. */
    public static final int DEFAULT_HISTORY = 32;
    /** Received states a client keeps; must be at least the server's history. */
    public static final int DEFAULT_CLIENT_HISTORY = 64;

    private BinaryProtocolDescriptor() {
    }
}
