package org.jetraiders.server.protocol.json;

import static org.jetraiders.server.protocol.json.JsonBytes.MAX_LONG_CHARS;
import static org.jetraiders.server.protocol.json.JsonBytes.ascii;

/**
 * The reply to a client's keep-alive as bytes, without allocating: the same text that
 * {@link ServerMessages#pong} builds with Gson, for every {@code t} that {@link PingFastPath} yields
 * (none, or an integer up to 2<sup>53</sup>). Every client may ping (the browser client does every
 * 2 s), so the reply should cost no garbage either; any other {@code t} still goes through
 * {@link ServerMessages#pong}.
 *
 * <p>Stateless and thread-safe; the caller owns the array.
 */
public final class PongBytes {
    private static final byte[] HEAD = ascii("{\"type\":\"Pong\",\"data\":{");
    private static final byte[] T = ascii("\"t\":");
    private static final byte[] SERVER_TIME = ascii("\"server_time\":");
    private static final byte[] TAIL = ascii("}}");

    /** The most bytes {@link #write} writes. */
    public static final int MAX_LENGTH =
            HEAD.length + T.length + MAX_LONG_CHARS + 1 + SERVER_TIME.length + MAX_LONG_CHARS + TAIL.length;

    private PongBytes() {
    }

    /**
     * Writes the Pong for {@code t} (NaN: absent) into {@code dst}, which holds {@link #MAX_LENGTH}.
     *
     * @return its length, or -1 when {@code t} is a number this does not write (a fraction, an
     *         infinity, beyond 2<sup>53</sup>): send {@link ServerMessages#pong}'s text instead
     */
    public static int write(byte[] dst, double t, long serverTimeMillis) {
        int p = JsonBytes.write(dst, 0, HEAD);
        if (Double.isFinite(t)) {
            if (!ServerMessages.writtenAsInteger(t)) {
                return -1;
            }
            p = JsonBytes.write(dst, p, T);
            p = JsonBytes.writeLong(dst, p, (long) t);
            dst[p++] = ',';
        } else if (!Double.isNaN(t)) {
            return -1;
        }
        p = JsonBytes.write(dst, p, SERVER_TIME);
        p = JsonBytes.writeLong(dst, p, serverTimeMillis);
        return JsonBytes.write(dst, p, TAIL);
    }
}
