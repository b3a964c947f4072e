package org.jetraiders.engine.journal;

import static org.jetraiders.engine.journal.JournalDescriptor.*;

/**
 * Reads the ops of EVENTS records back into events, keeping the same {@link InputDictionary} the
 * writer kept (restart it at every snapshot with {@link #restartDictionary()}). The reverse of
 * {@link EventEncoder}.
 */
final class EventDecoder {
    /** Where decoded events go. */
    interface Sink {
        void join(int id, String name, long clientKey);

        void disconnect(int id);

        void leave(int id);

        void input(int id, double thrust, double turn, boolean shoot, long seq);

        /** {@code n} ticks; return false to stop decoding (the rest of the record is skipped). */
        boolean ticks(long n);

        /** A recorded checksum of the world after the last tick; return false to stop decoding. */
        boolean checksum(int crc);

        void stop();
    }

    private final InputDictionary dictionary = new InputDictionary();

    void restartDictionary() {
        dictionary.reset();
    }

    /**
     * Decodes one EVENTS payload.
     *
     * @return false if the sink asked to stop
     * @throws ByteReader.MalformedException when the payload is not valid ops
     */
    boolean decode(ByteReader in, Sink sink) {
        while (in.hasRemaining()) {
            int op = in.getByte();
            if (op < OP_INPUT) {
                repeat(op, sink);
            } else if (op < OP_TICKS) {
                input(op - OP_INPUT, in, sink);
            } else if (op < OP_TICKS_LONG) {
                if (!sink.ticks((op & 0x3F) + 1L)) {
                    return false;
                }
            } else {
                switch (op) {
                    case OP_TICKS_LONG -> {
                        long n = in.getVarLong();
                        if (n < 1) {
                            throw new ByteReader.MalformedException("a run of " + n + " ticks");
                        }
                        if (!sink.ticks(n)) {
                            return false;
                        }
                    }
                    case OP_JOIN -> sink.join(id(in), in.getString(), in.getRawLong());
                    case OP_DISCONNECT -> sink.disconnect(id(in));
                    case OP_LEAVE -> {
                        int id = id(in);
                        dictionary.unbind(id);
                        sink.leave(id);
                    }
                    case OP_BIND -> {
                        int id = id(in);
                        if (dictionary.indexOf(id) != InputDictionary.NONE || dictionary.isFull()) {
                            throw new ByteReader.MalformedException("cannot bind player " + id);
                        }
                        dictionary.bind(id);
                    }
                    case OP_REPEAT_LONG -> repeat(in.getVarInt(MAX_DICTIONARY - 1), sink);
                    case OP_INPUT_LONG -> input(in.getVarInt(MAX_DICTIONARY - 1), in, sink);
                    case OP_INPUT_UNBOUND -> {
                        int id = id(in);
                        int flags = flags(in);
                        double thrust = (flags & FLAG_THRUST) != 0 ? value(in, (flags & FLAG_THRUST_BYTE) != 0) : 0;
                        double turn = (flags & FLAG_TURN) != 0 ? value(in, (flags & FLAG_TURN_BYTE) != 0) : 0;
                        long seq = (flags & FLAG_SEQ) != 0 ? in.getZigZag() : 1;
                        sink.input(id, thrust, turn, (flags & FLAG_SHOOT) != 0, seq);
                    }
                    case OP_CHECKSUM -> {
                        if (!sink.checksum(in.getU32())) {
                            return false;
                        }
                    }
                    case OP_STOP -> sink.stop();
                    default -> throw new ByteReader.MalformedException("unknown op 0x" + Integer.toHexString(op));
                }
            }
        }
        return true;
    }

    private void repeat(int i, Sink sink) {
        if (!dictionary.isBound(i)) {
            throw new ByteReader.MalformedException("repeat of unbound entry " + i);
        }
        dictionary.seq[i]++;
        sink.input(dictionary.idAt(i), dictionary.thrust[i], dictionary.turn[i], dictionary.shoot[i], dictionary.seq[i]);
    }

    private void input(int i, ByteReader in, Sink sink) {
        if (!dictionary.isBound(i)) {
            throw new ByteReader.MalformedException("input of unbound entry " + i);
        }
        int flags = flags(in);
        if ((flags & FLAG_THRUST) != 0) {
            dictionary.thrust[i] = value(in, (flags & FLAG_THRUST_BYTE) != 0);
        }
        if ((flags & FLAG_TURN) != 0) {
            dictionary.turn[i] = value(in, (flags & FLAG_TURN_BYTE) != 0);
        }
        dictionary.shoot[i] = (flags & FLAG_SHOOT) != 0;
        dictionary.seq[i] = (flags & FLAG_SEQ) != 0 ? dictionary.seq[i] + in.getZigZag() : dictionary.seq[i] + 1;
        sink.input(dictionary.idAt(i), dictionary.thrust[i], dictionary.turn[i], dictionary.shoot[i], dictionary.seq[i]);
    }

    private static int flags(ByteReader in) {
        int flags = in.getByte();
        if ((flags & ~KNOWN_FLAGS) != 0 || (flags & (FLAG_THRUST | FLAG_THRUST_BYTE)) == FLAG_THRUST_BYTE
                || (flags & (FLAG_TURN | FLAG_TURN_BYTE)) == FLAG_TURN_BYTE) {
            throw new ByteReader.MalformedException("input flags 0x" + Integer.toHexString(flags));
        }
        return flags;
    }

    private static double value(ByteReader in, boolean oneByte) {
        if (!oneByte) {
            return in.getDouble();
        }
        int k = (byte) in.getByte();
        if (k < -127) {
            throw new ByteReader.MalformedException("input byte " + k);
        }
        return k / 127.0;
    }

    private static int id(ByteReader in) {
        return in.getInt();
    }
}
