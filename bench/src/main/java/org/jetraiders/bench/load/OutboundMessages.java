package org.jetraiders.bench.load;

import java.nio.charset.StandardCharsets;
import org.jetraiders.client.binary.BinaryWriter;

/**
 * Builds the client-to-server JSON text messages. Hand-written (no Gson) because an input is sent
 * rate × clients times per second: {@link #input} and {@link #ping} write ASCII straight into a
 * reused {@link BinaryWriter}, allocating nothing. Numbers are small integers, so no escaping is
 * needed except in names, which we generate ourselves.
 */
final class OutboundMessages {

    private static final byte[] INPUT_HEAD = ascii("{\"type\":\"Input\",\"data\":{\"thrust\":");
    private static final byte[] TURN = ascii(",\"turn\":");
    private static final byte[] SHOOT_TRUE = ascii(",\"shoot\":true,\"seq\":");
    private static final byte[] SHOOT_FALSE = ascii(",\"shoot\":false,\"seq\":");
    private static final byte[] PING_HEAD = ascii("{\"type\":\"Ping\",\"data\":{\"t\":");
    private static final byte[] END = ascii("}}");

    private OutboundMessages() {
    }

    static String join(String name, String lobbyId) {
        return "{\"type\":\"Join\",\"data\":{\"name\":\"" + name + "\",\"lobby_id\":\"" + lobbyId + "\"}}";
    }

    /** Writes {@code {"type":"Input","data":{"thrust":..,"turn":..,"shoot":..,"seq":..}}} into {@code out} (reset first). */
    static void input(BinaryWriter out, int thrust, int turn, boolean shoot, long seq) {
        out.reset();
        put(out, INPUT_HEAD);
        number(out, thrust);
        put(out, TURN);
        number(out, turn);
        put(out, shoot ? SHOOT_TRUE : SHOOT_FALSE);
        number(out, seq);
        put(out, END);
    }

    /** Writes {@code {"type":"Ping","data":{"t":clientNanos}}} into {@code out} (reset first). */
    static void ping(BinaryWriter out, long clientNanos) {
        out.reset();
        put(out, PING_HEAD);
        number(out, clientNanos);
        put(out, END);
    }

    private static void put(BinaryWriter out, byte[] ascii) {
        out.ensureRemaining(ascii.length);
        for (byte b : ascii) {
            out.u8(b);
        }
    }

    /** Decimal digits of {@code v}, without allocating. */
    static void number(BinaryWriter out, long v) {
        if (v < 0) {
            out.u8('-');
            if (v == Long.MIN_VALUE) {
                put(out, ascii("9223372036854775808"));
                return;
            }
            v = -v;
        }
        long div = 1;
        while (v / div >= 10) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            out.u8((int) ('0' + (v / div) % 10));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
