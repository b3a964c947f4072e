package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * EVENTS ops decode to exactly the events encoded, whatever their values (every double bit for bit,
 * -0.0 included), sequence numbers (stale, zero, jumps, negative), player ids (64+ players in the
 * dictionary, ids past its capacity) and runs of ticks; and what repeats costs one byte.
 */
class EventCodecTest {
    /** Events as text, doubles as raw bits: two lists are equal only if every bit is. */
    private static final class Log implements EventDecoder.Sink {
        final List<String> events = new ArrayList<>();

        @Override public void join(int id, String name, long key) { events.add("J" + id + ":" + name + ":" + key); }
        @Override public void disconnect(int id) { events.add("D" + id); }
        @Override public void leave(int id) { events.add("L" + id); }
        @Override public void input(int id, double thrust, double turn, boolean shoot, long seq) {
            events.add(text(id, thrust, turn, shoot, seq));
        }
        @Override public boolean ticks(long n) {
            for (long i = 0; i < n; i++) {
                events.add("T");
            }
            return true;
        }
        @Override public boolean checksum(int crc) { events.add("C" + crc); return true; }
        @Override public void stop() { events.add("S"); }

        static String text(int id, double thrust, double turn, boolean shoot, long seq) {
            return "I" + id + ":" + Double.doubleToRawLongBits(thrust) + ":" + Double.doubleToRawLongBits(turn) + ":"
                    + shoot + ":" + seq;
        }
    }

    private static double value(SplittableRandom r) {
        return switch (r.nextInt(7)) {
            case 0 -> r.nextInt(-127, 128) / 127.0;
            case 1 -> -0.0;
            case 2 -> 0.0;
            case 3 -> r.nextBoolean() ? 1.0 : -1.0;
            case 4 -> r.nextDouble(-3, 3);
            case 5 -> Double.longBitsToDouble(r.nextLong()); // any bits a publisher could put in the slot
            default -> 0.5;
        };
    }

    @Test
    void shouldDecodeExactlyWhatWasEncoded() {
        SplittableRandom r = new SplittableRandom(17);
        ByteWriter payload = new ByteWriter(1024);
        EventEncoder encoder = new EventEncoder(payload);
        List<String> expected = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        List<Boolean> restarts = new ArrayList<>();
        long[] seqs = new long[5000];
        double[][] last = new double[5000][2];
        for (int step = 0; step < 60_000; step++) {
            int id = step < 20_000 ? 1 + r.nextInt(100) : 1 + r.nextInt(4999); // later ids overflow the dictionary
            switch (r.nextInt(12)) {
                case 0 -> {
                    String name = r.nextBoolean() ? "p" + id : "\uD83D\uDE80 \uD800"; // a rocket and a lone surrogate
                    long key = r.nextInt(3) == 0 ? 0 : r.nextLong(); // any 64 bits, or none
                    encoder.join(id, name, key);
                    expected.add("J" + id + ":" + name + ":" + key);
                }
                case 1 -> {
                    if (r.nextBoolean()) {
                        encoder.leave(id);
                        expected.add("L" + id);
                    } else {
                        encoder.disconnect(id);
                        expected.add("D" + id);
                    }
                }
                case 2 -> {
                    int n = r.nextInt(1, 200);
                    for (int i = 0; i < n; i++) {
                        encoder.tick();
                        expected.add("T");
                    }
                }
                case 3 -> {
                    int crc = r.nextInt();
                    encoder.checksum(crc);
                    expected.add("C" + crc);
                }
                default -> {
                    boolean repeat = r.nextInt(3) > 0;
                    double thrust = repeat ? last[id][0] : value(r);
                    double turn = repeat ? last[id][1] : value(r);
                    long seq = repeat ? seqs[id] + 1 : switch (r.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> seqs[id] - r.nextInt(5);
                        case 2 -> r.nextLong();
                        default -> seqs[id] + 1;
                    };
                    boolean shoot = r.nextBoolean();
                    last[id][0] = thrust;
                    last[id][1] = turn;
                    seqs[id] = seq;
                    encoder.input(id, thrust, turn, shoot, seq);
                    expected.add(Log.text(id, thrust, turn, shoot, seq));
                }
            }
            if (r.nextInt(100) == 0) { // a record ends; now and then a snapshot follows it
                encoder.flushTicks();
                boolean snapshot = r.nextInt(5) == 0;
                records.add(payload.toByteArray());
                restarts.add(snapshot);
                encoder.payloadSealed();
                if (snapshot) {
                    encoder.restartDictionary();
                }
            }
        }
        encoder.stop();
        expected.add("S");
        records.add(payload.toByteArray());
        restarts.add(false);

        Log log = new Log();
        EventDecoder decoder = new EventDecoder();
        for (int i = 0; i < records.size(); i++) {
            byte[] record = records.get(i);
            decoder.decode(new ByteReader(record, 0, record.length), log);
            if (restarts.get(i)) {
                decoder.restartDictionary();
            }
        }
        assertEquals(expected.size(), log.events.size());
        assertEquals(expected, log.events);
    }

    @Test
    void shouldSpendOneByteOnAnInputThatRepeatsAndOneOnARunOfTicks() {
        ByteWriter payload = new ByteWriter(64);
        EventEncoder encoder = new EventEncoder(payload);
        encoder.input(5, 1, 0, false, 1);
        int first = payload.length();
        assertEquals(1 + 1 + 1 + 1 + 1, first, "BIND id, INPUT, flags, thrust as one byte (127/127)");
        encoder.input(5, 1, 0, false, 2);
        assertEquals(first + 1, payload.length(), "a repeat is one byte");
        for (int i = 0; i < 64; i++) {
            encoder.tick();
        }
        encoder.flushTicks();
        assertEquals(first + 2, payload.length(), "64 ticks are one byte");
        encoder.input(5, 1, -1, true, 3);
        assertEquals(first + 2 + 3, payload.length(), "a changed turn: INPUT, flags, one byte");
    }

    @Test
    void shouldRefuseOpsNoWriterWrites() {
        EventDecoder decoder = new EventDecoder();
        Log log = new Log();
        for (byte[] bad : new byte[][] {
                {0x05},                         // a repeat of an entry never bound
                {(byte) 0xC3, 2, (byte) 0xC3, 2}, // the same id bound twice
                {(byte) 0xC3, 2, 0x40, (byte) 0x80}, // unknown flag bits
                {(byte) 0xC9},                  // an unknown op
                {(byte) 0xC0, 0},               // a run of zero ticks
                {(byte) 0xC7, 1, 2},            // a checksum cut short
        }) {
            assertThrows(ByteReader.MalformedException.class,
                    () -> decoder.decode(new ByteReader(bad, 0, bad.length), log), java.util.Arrays.toString(bad));
            decoder.restartDictionary();
        }
    }
}
