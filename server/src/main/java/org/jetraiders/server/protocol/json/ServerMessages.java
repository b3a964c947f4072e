package org.jetraiders.server.protocol.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.google.gson.stream.JsonWriter;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;

/**
 * Builds the rare server-to-client control messages as JSON text: {@code Identity}, {@code Spectating},
 * {@code GameState}, {@code Lagged}, {@code Error}, {@code Pong}. These are sent once per connection or event, so they use
 * Gson's {@link JsonWriter} (no HTML escaping) rather than the hand-rolled snapshot path; the
 * {@code GameState} of each status and the default {@code Error} of each code are built once and
 * cached. Stateless and thread-safe.
 */
public final class ServerMessages {
    /** Countdowns up to this many seconds are cached (as {@link LobbyStatus} caches them). */
    private static final int CACHED_COUNTDOWN = 60;
    private static final double MAX_EXACT_LONG = 9_007_199_254_740_992d; // 2^53

    private static final String[] UNIT_STATES = new String[LobbyStatus.Phase.values().length];
    private static final byte[][] UNIT_STATES_UTF8 = new byte[UNIT_STATES.length][];
    private static final String[] COUNTDOWN = new String[CACHED_COUNTDOWN + 1];
    private static final byte[][] COUNTDOWN_UTF8 = new byte[CACHED_COUNTDOWN + 1][];
    private static final String[] DEFAULT_ERRORS = new String[ErrorCode.values().length];

    static {
        for (LobbyStatus.Phase phase : LobbyStatus.Phase.values()) {
            if (phase != LobbyStatus.Phase.MATCH_STARTING) {
                UNIT_STATES[phase.ordinal()] = buildGameState(phase, 0);
                UNIT_STATES_UTF8[phase.ordinal()] = UNIT_STATES[phase.ordinal()].getBytes(StandardCharsets.UTF_8);
            }
        }
        for (int s = 0; s <= CACHED_COUNTDOWN; s++) {
            COUNTDOWN[s] = buildGameState(LobbyStatus.Phase.MATCH_STARTING, s);
            COUNTDOWN_UTF8[s] = COUNTDOWN[s].getBytes(StandardCharsets.UTF_8);
        }
        for (ErrorCode code : ErrorCode.values()) {
            DEFAULT_ERRORS[code.ordinal()] = buildError(code, code.defaultMessage());
        }
    }

    private ServerMessages() {
    }

    /** {@code {"type":"Identity","data":{"player_id":"7","lobby_id":"main"}}}; a null lobby id is left out. */
    public static String identity(int playerId, String lobbyId) {
        return write((w) -> {
            w.name("player_id").value(Integer.toString(playerId));
            if (lobbyId != null) {
                w.name("lobby_id").value(lobbyId);
            }
        }, "Identity");
    }

    /**
     * {@code {"type":"Identity","data":{"player_id":"7","lobby_id":"main","resume_token":"...","resumed":false}}}:
     * what a joined player is told, with the token that takes its plane back after a drop and whether
     * this Join did ({@code resumed}).
     */
    public static String identity(int playerId, String lobbyId, String resumeToken, boolean resumed) {
        return write((w) -> {
            w.name("player_id").value(Integer.toString(playerId));
            w.name("lobby_id").value(lobbyId);
            w.name("resume_token").value(resumeToken);
            w.name("resumed").value(resumed);
        }, "Identity");
    }

    /**
     * {@code {"type":"Spectating","data":{"lobby_id":"main","player_id":"7"}}}: a spectator's answer to
     * its Join and to each {@code Spectate}, and the news that its followed player left; {@code player_id}
     * is the player followed, {@code null} when roaming.
     */
    public static String spectating(String lobbyId, int followPlayerId) {
        return write((w) -> {
            w.name("lobby_id").value(lobbyId);
            w.name("player_id");
            if (followPlayerId > 0) {
                w.value(Integer.toString(followPlayerId));
            } else {
                w.nullValue();
            }
        }, "Spectating");
    }

    /**
     * {@code GameState} for a status, in the original server's shape: unit states as a bare string
     * ({@code "Lobby"}, {@code "MatchRunning"}, {@code "MatchEnded"}, {@code "Stopping"}), the countdown as
     * {@code {"MatchStarting":{"in_seconds":3}}}. Cached.
     */
    public static String gameState(LobbyStatus status) {
        int s = status.secondsLeft();
        if (status.phase() != LobbyStatus.Phase.MATCH_STARTING) {
            return UNIT_STATES[status.phase().ordinal()];
        }
        return s <= CACHED_COUNTDOWN ? COUNTDOWN[s] : buildGameState(status.phase(), s);
    }

    /** {@link #gameState} as UTF-8 bytes. Cached and shared: callers must not modify the array. */
    public static byte[] gameStateUtf8(LobbyStatus status) {
        int s = status.secondsLeft();
        if (status.phase() != LobbyStatus.Phase.MATCH_STARTING) {
            return UNIT_STATES_UTF8[status.phase().ordinal()];
        }
        return s <= CACHED_COUNTDOWN ? COUNTDOWN_UTF8[s] : gameState(status).getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] LAGGED_HEAD = JsonBytes.ascii("{\"type\":\"Lagged\",\"data\":{\"missed\":");
    private static final byte[] LAGGED_TAIL = JsonBytes.ascii("}}");

    /**
     * {@code {"type":"Lagged","data":{"missed":12}}}: snapshots this client missed because it read too
     * slowly, as UTF-8 bytes written into {@code out} (reset first) without allocating: a client that
     * cannot keep up hears this on every pass that skipped snapshots, which is when the server is
     * busiest and garbage costs most.
     */
    public static void laggedUtf8(long missed, EncodedBuffer out) {
        out.reset();
        JsonBytes.put(out, LAGGED_HEAD);
        JsonBytes.putLong(out, missed);
        JsonBytes.put(out, LAGGED_TAIL);
    }

    /** {@code {"type":"Error","data":{"code":"invalid_json","message":"..."}}} with the code's default message. Cached. */
    public static String error(ErrorCode code) {
        return DEFAULT_ERRORS[code.ordinal()];
    }

    /** An {@code Error} with a specific message (null means the default). */
    public static String error(ErrorCode code, String message) {
        return message == null ? error(code) : buildError(code, message);
    }

    /**
     * {@code {"type":"Pong","data":{"t":123456,"server_time":1732420000123}}}: echoes the client's
     * {@code t} (left out when NaN, the parser's "absent"), written as an integer when it is one.
     */
    public static String pong(double t, long serverTimeMillis) {
        return write((w) -> {
            if (Double.isFinite(t)) {
                w.name("t");
                if (writtenAsInteger(t)) {
                    w.value((long) t);
                } else {
                    w.value(t);
                }
            }
            w.name("server_time").value(serverTimeMillis);
        }, "Pong");
    }

    /** Whether a Pong writes this finite {@code t} as an integer: it is one, and exact in a double. */
    static boolean writtenAsInteger(double t) {
        return t == Math.rint(t) && Math.abs(t) <= MAX_EXACT_LONG;
    }

    private static String buildGameState(LobbyStatus.Phase phase, int secondsLeft) {
        StringWriter out = new StringWriter(64);
        try (JsonWriter w = new JsonWriter(out)) {
            w.beginObject().name("type").value("GameState").name("data");
            switch (phase) {
                case LOBBY -> w.value("Lobby");
                case MATCH_STARTING -> w.beginObject().name("MatchStarting")
                        .beginObject().name("in_seconds").value(secondsLeft).endObject().endObject();
                case MATCH_RUNNING -> w.value("MatchRunning");
                case MATCH_ENDED -> w.value("MatchEnded");
                case STOPPING -> w.value("Stopping");
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // StringWriter does not throw
        }
        return out.toString();
    }

    private static String buildError(ErrorCode code, String message) {
        return write((w) -> w.name("code").value(code.wireCode()).name("message").value(message), "Error");
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonWriter w) throws IOException;
    }

    private static String write(Body body, String type) {
        StringWriter out = new StringWriter(64);
        try (JsonWriter w = new JsonWriter(out)) {
            w.setHtmlSafe(false);
            w.beginObject().name("type").value(type).name("data").beginObject();
            body.write(w);
            w.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // StringWriter does not throw
        }
        return out.toString();
    }
}
