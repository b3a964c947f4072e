package org.jetraiders.engine.journal;

/**
 * Byte layout of a journal file (the full description, with a worked example, is docs/JOURNAL.md):
 *
 * <pre>
 *  file     = preamble record*
 *  preamble = MAGIC (8 bytes) version (u16 big-endian)
 *  record   = type (u8) length (varint) payload (length bytes) crc (u32 big-endian, CRC-32C of type, length and payload)
 *  records  : HEADER, SNAPSHOT, then EVENTS and SNAPSHOT records, then END when the file was closed cleanly
 * </pre>
 *
 * A file whose last record is cut short or fails its CRC was torn by a crash: it is read up to the last
 * complete record. The EVENTS ops are listed below; the values of {@code INPUT} flags too.
 */
public final class JournalDescriptor {
    /** PNG-style: a high byte, the name, CR LF, Ctrl-Z, LF catch text-mode transfers and {@code type}. */
    public static final byte[] MAGIC = {(byte) 0x89, 'J', 'R', 'J', '\r', '\n', 0x1A, '\n'};
    /**
     * Version 2: this layout (version 1 had no client keys, in JOIN or in the world image, and no
     * DISCONNECT). A reader refuses versions it does not know.
     */
    public static final int FORMAT_VERSION = 2;
    public static final int PREAMBLE_BYTES = MAGIC.length + 2;
    /** File name extension. */
    public static final String EXTENSION = ".jrj";

    public static final int RECORD_HEADER = 'H';
    public static final int RECORD_SNAPSHOT = 'S';
    public static final int RECORD_EVENTS = 'E';
    public static final int RECORD_END = 'Z';
    /** Type byte, up to 5 bytes of length, CRC. */
    public static final int MAX_FRAME_OVERHEAD = 1 + 5 + 4;
    /** Longest payload a reader accepts; a longer length is taken for a torn or corrupt record. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 26;

    // ---- EVENTS ops ------------------------------------------------------------------------------
    /** 0x00-0x3F: the input of dictionary entry (op &amp; 0x3F) repeats: same values, seq = previous + 1. */
    public static final int OP_REPEAT = 0x00;
    /** 0x40-0x7F: an input of dictionary entry (op &amp; 0x3F): flags, then the fields the flags announce. */
    public static final int OP_INPUT = 0x40;
    /** 0x80-0xBF: (op &amp; 0x3F) + 1 ticks. */
    public static final int OP_TICKS = 0x80;
    /** Entries below this index fit in the op byte. */
    public static final int SHORT_INDEXES = 64;
    /** Ticks a one-byte TICKS op holds. */
    public static final int SHORT_TICKS = 64;
    /** varint n: n ticks. */
    public static final int OP_TICKS_LONG = 0xC0;
    /** zigzag id, string name, raw long client key (0: none). */
    public static final int OP_JOIN = 0xC1;
    /** zigzag id; also drops the id from the dictionary. */
    public static final int OP_LEAVE = 0xC2;
    /** zigzag id: the id takes the lowest free dictionary entry, its previous input 0, 0, no shoot, seq 0. */
    public static final int OP_BIND = 0xC3;
    /** varint entry: as OP_REPEAT, for entries from 64. */
    public static final int OP_REPEAT_LONG = 0xC4;
    /** varint entry, flags, fields: as OP_INPUT, for entries from 64. */
    public static final int OP_INPUT_LONG = 0xC5;
    /** zigzag id, flags, fields: an input of an id outside the dictionary, relative to 0, 0, no shoot, seq 0. */
    public static final int OP_INPUT_UNBOUND = 0xC6;
    /** u32: CRC-32C of the world image after the last tick. */
    public static final int OP_CHECKSUM = 0xC7;
    /** The lobby stopped: nothing after this op changes the world. */
    public static final int OP_STOP = 0xC8;
    /** zigzag id: the player's input turns neutral (thrust 0, turn 0, no shoot) and its input seq 0; the plane stays. */
    public static final int OP_DISCONNECT = 0xC9;

    /** Dictionary entries at most; inputs of further ids use {@link #OP_INPUT_UNBOUND}. */
    public static final int MAX_DICTIONARY = 4096;

    // ---- INPUT flags -------------------------------------------------------------------------------
    public static final int FLAG_THRUST = 0x01;
    /** The thrust is one signed byte k, meaning k / 127.0 (the binary protocol's inputs); else 8 raw bytes. */
    public static final int FLAG_THRUST_BYTE = 0x02;
    public static final int FLAG_TURN = 0x04;
    public static final int FLAG_TURN_BYTE = 0x08;
    public static final int FLAG_SHOOT = 0x10;
    /** A zigzag varint (seq - previous seq) follows; without it seq = previous + 1. */
    public static final int FLAG_SEQ = 0x20;
    public static final int KNOWN_FLAGS = 0x3F;

    // ---- END reasons -------------------------------------------------------------------------------
    /** The lobby stopped. */
    public static final int END_STOPPED = 1;
    /** The journal goes on in a new file (a new match, or this one grew past the rotation size). */
    public static final int END_ROTATED = 2;
    /** The journal fell behind (or its disk failed); it goes on in a new file from a later snapshot. */
    public static final int END_BROKEN = 3;
    /** The journaler was closed while the lobby still ran. */
    public static final int END_CLOSED = 4;

    private JournalDescriptor() {
    }

    /** A name for an END reason, for people. */
    public static String endReason(int reason) {
        return switch (reason) {
            case END_STOPPED -> "lobby stopped";
            case END_ROTATED -> "continued in the next file";
            case END_BROKEN -> "journal broken (fell behind or disk failed)";
            case END_CLOSED -> "journaler closed";
            default -> "reason " + reason;
        };
    }

    /** The one-byte form of an input value, or {@code Integer.MIN_VALUE} when it has none. */
    static int inputByte(double v) {
        double scaled = Math.rint(v * 127);
        if (!(scaled >= -127 && scaled <= 127)) {
            return Integer.MIN_VALUE;
        }
        int k = (int) scaled;
        return Double.doubleToRawLongBits(k / 127.0) == Double.doubleToRawLongBits(v) ? k : Integer.MIN_VALUE;
    }
}
