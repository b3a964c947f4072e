package org.jetraiders.server.protocol.json;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Parses one inbound text frame, {@code {"type":"<Name>","data":{...}}}, into a reusable
 * {@link ClientMessage}: {@code Join}, {@code Input}, {@code Ping}, {@code Spectate} or {@code Leave}. Never throws: every input, however malformed, gives a {@link ParseResult}.
 *
 * <p>Rules: strict JSON (Gson {@link Strictness#STRICT}), at most {@value #NESTING_LIMIT} levels deep,
 * nothing after the object; {@code type} and {@code data} in either order, each at most once; unknown
 * fields ignored; a {@code null} field counts as absent. Input: {@code thrust} and {@code turn} are
 * numbers, clamped to [-1, 1]; {@code shoot} a boolean; {@code seq} a non-negative integer. A
 * {@code NaN}/{@code Infinity} literal anywhere, or a number that overflows a double (1e999), gives
 * {@link ParseResult#NOT_FINITE}; a value of the wrong JSON type (including {@code "0.5"} and
 * {@code "NaN"} as strings) gives {@link ParseResult#INVALID_FIELD}. {@code seq} written with a fraction
 * or exponent ({@code 12.0}, {@code 1e3}) is read exactly, so a non-integer is refused however close.
 * Gson itself refuses, in STRICT mode, number literals longer than its 1 KiB buffer and integer literals
 * whose digits wrap its 64-bit counter to 0 before the last digit (1 followed by 65 zeros; a Gson bug):
 * those give {@link ParseResult#INVALID_JSON}.
 *
 * <p>When {@code data} comes before {@code type} the text is read twice (the Godot client sends
 * {@code type} first). Stateless and thread-safe.
 */
public final class ClientMessageParser {
    /** Longest type name kept in {@link ClientMessage#unknownType()}. */
    public static final int MAX_TYPE_CHARS = 32;
    /** Deepest nesting accepted: the envelope, data, and two levels inside data. */
    public static final int NESTING_LIMIT = 4;

    private static final Reject NOT_AN_OBJECT = new Reject(ParseResult.INVALID_JSON, "message must be a JSON object");
    private static final Reject MALFORMED = new Reject(ParseResult.INVALID_JSON, "malformed JSON");
    private static final Reject NON_FINITE_LITERAL = new Reject(ParseResult.NOT_FINITE, "NaN and Infinity are not allowed");
    private static final Reject TYPE_MISSING = new Reject(ParseResult.INVALID_FIELD, "type is missing");
    private static final Reject TYPE_NOT_STRING = new Reject(ParseResult.INVALID_FIELD, "type must be a string");
    private static final Reject DUPLICATE_TYPE = new Reject(ParseResult.INVALID_FIELD, "type given twice");
    private static final Reject DUPLICATE_DATA = new Reject(ParseResult.INVALID_FIELD, "data given twice");
    private static final Reject DATA_NOT_OBJECT = new Reject(ParseResult.INVALID_FIELD, "data must be an object");
    private static final Reject UNKNOWN = new Reject(ParseResult.UNKNOWN_TYPE, "unknown message type");
    private static final Reject SESSION_TOKEN = new Reject(ParseResult.INVALID_FIELD, "session_token must be a string");
    private static final Reject NAME = new Reject(ParseResult.INVALID_FIELD, "name must be a string");
    private static final Reject LOBBY_ID = new Reject(ParseResult.INVALID_FIELD, "lobby_id must be a string");
    private static final Reject RESUME_TOKEN = new Reject(ParseResult.INVALID_FIELD, "resume_token must be a string");
    private static final Reject SPECTATE = new Reject(ParseResult.INVALID_FIELD, "spectate must be a boolean");
    private static final Reject PLAYER_ID = new Reject(ParseResult.INVALID_FIELD,
            "player_id must be a player id (a decimal string such as \"7\") or null");
    private static final Reject THRUST = new Reject(ParseResult.INVALID_FIELD, "thrust must be a number");
    private static final Reject THRUST_NOT_FINITE = new Reject(ParseResult.NOT_FINITE, "thrust must be finite");
    private static final Reject TURN = new Reject(ParseResult.INVALID_FIELD, "turn must be a number");
    private static final Reject TURN_NOT_FINITE = new Reject(ParseResult.NOT_FINITE, "turn must be finite");
    private static final Reject SHOOT = new Reject(ParseResult.INVALID_FIELD, "shoot must be a boolean");
    private static final Reject SEQ = new Reject(ParseResult.INVALID_FIELD, "seq must be a non-negative integer");
    private static final Reject T = new Reject(ParseResult.INVALID_FIELD, "t must be a number");
    private static final Reject T_NOT_FINITE = new Reject(ParseResult.NOT_FINITE, "t must be finite");

    /**
     * Parses {@code text} into {@code out} (reset first). On {@link ParseResult#OK} {@code out.kind()} is
     * JOIN, INPUT, PING, SPECTATE or LEAVE; on {@link ParseResult#UNKNOWN_TYPE} it is UNKNOWN with
     * {@link ClientMessage#unknownType()} set; on any other result {@link ClientMessage#errorDetail()}
     * says what was wrong.
     */
    public ParseResult parse(CharSequence text, ClientMessage out) {
        out.reset();
        if (text != null) {
            if (InputFastPath.tryParse(text, out)) {
                return ParseResult.OK; // the common Input, without Gson's ~3 KB of garbage per message
            }
            out.reset(); // a declined fast path may have written part of it
            if (PingFastPath.tryParse(text, out)) {
                return ParseResult.OK; // the keep-alive, likewise
            }
        }
        return parseStrict(text == null ? null : text.toString(), out);
    }

    /**
     * The strict Gson parse alone, without the fast paths for Input and Ping: what {@link #parse} does
     * with any text they decline. Public for tests and benchmarks, which compare the two.
     */
    public ParseResult parseStrict(String text, ClientMessage out) {
        out.reset();
        try {
            if (text == null) {
                throw MALFORMED;
            }
            parseEnvelope(text, out);
            return ParseResult.OK;
        } catch (Reject r) {
            return reject(out, r);
        } catch (IOException | RuntimeException e) {
            // MalformedJsonException, EOFException, IllegalStateException, NumberFormatException, ...
            return reject(out, containsNonFiniteLiteral(text) ? NON_FINITE_LITERAL : MALFORMED);
        }
    }

    private static ParseResult reject(ClientMessage out, Reject r) {
        String unknownType = out.unknownType();
        out.reset();
        if (r == UNKNOWN) {
            out.unknownType(unknownType);
        }
        out.errorDetail(r.detail);
        return r.result;
    }

    private static JsonReader reader(String text) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        r.setNestingLimit(NESTING_LIMIT);
        return r;
    }

    private static void parseEnvelope(String text, ClientMessage out) throws IOException, Reject {
        JsonReader r = reader(text);
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw NOT_AN_OBJECT;
        }
        r.beginObject();
        String type = null;
        boolean dataSeen = false;
        boolean dataParsed = false;
        while (r.hasNext()) {
            String key = r.nextName();
            if ("type".equals(key)) {
                if (type != null) {
                    throw DUPLICATE_TYPE;
                }
                if (r.peek() != JsonToken.STRING) {
                    throw TYPE_NOT_STRING;
                }
                type = r.nextString();
            } else if ("data".equals(key)) {
                if (dataSeen) {
                    throw DUPLICATE_DATA;
                }
                dataSeen = true;
                ClientMessage.Kind kind = type == null ? ClientMessage.Kind.UNKNOWN : kindOf(type);
                if (kind != ClientMessage.Kind.UNKNOWN) {
                    parseData(r, kind, out);
                    dataParsed = true;
                } else {
                    r.skipValue();
                }
            } else {
                r.skipValue();
            }
        }
        r.endObject();
        if (r.peek() != JsonToken.END_DOCUMENT) {
            throw MALFORMED;
        }
        if (type == null) {
            throw TYPE_MISSING;
        }
        ClientMessage.Kind kind = kindOf(type);
        if (kind == ClientMessage.Kind.UNKNOWN) {
            out.unknownType(truncate(type));
            throw UNKNOWN;
        }
        if (dataSeen && !dataParsed) {
            // data came before type: read it again now that the type is known
            JsonReader again = reader(text);
            again.beginObject();
            while (again.hasNext()) {
                if ("data".equals(again.nextName())) {
                    parseData(again, kind, out);
                } else {
                    again.skipValue();
                }
            }
        }
        out.kind(kind);
    }

    private static ClientMessage.Kind kindOf(String type) {
        return switch (type) {
            case "Join" -> ClientMessage.Kind.JOIN;
            case "Input" -> ClientMessage.Kind.INPUT;
            case "Ping" -> ClientMessage.Kind.PING;
            case "Spectate" -> ClientMessage.Kind.SPECTATE;
            case "Leave" -> ClientMessage.Kind.LEAVE;
            default -> ClientMessage.Kind.UNKNOWN;
        };
    }

    private static void parseData(JsonReader r, ClientMessage.Kind kind, ClientMessage out) throws IOException, Reject {
        JsonToken token = r.peek();
        if (token == JsonToken.NULL) {
            r.nextNull();
            return;
        }
        if (token != JsonToken.BEGIN_OBJECT) {
            throw DATA_NOT_OBJECT;
        }
        r.beginObject();
        while (r.hasNext()) {
            String key = r.nextName();
            switch (kind) {
                case JOIN -> {
                    switch (key) {
                        case "session_token" -> out.sessionToken(readString(r, SESSION_TOKEN));
                        case "name" -> out.name(readString(r, NAME));
                        case "lobby_id" -> out.lobbyId(readString(r, LOBBY_ID));
                        case "resume_token" -> out.resumeToken(readString(r, RESUME_TOKEN));
                        case "spectate" -> out.spectate(readBoolean(r, SPECTATE));
                        default -> r.skipValue();
                    }
                }
                case INPUT -> {
                    switch (key) {
                        case "thrust" -> out.thrust(clampUnit(readFinite(r, THRUST, THRUST_NOT_FINITE)));
                        case "turn" -> out.turn(clampUnit(readFinite(r, TURN, TURN_NOT_FINITE)));
                        case "shoot" -> out.shoot(readBoolean(r, SHOOT));
                        case "seq" -> out.seq(readSeq(r));
                        default -> r.skipValue();
                    }
                }
                case PING -> {
                    if ("t".equals(key)) {
                        out.pingT(readFinite(r, T, T_NOT_FINITE));
                    } else {
                        r.skipValue();
                    }
                }
                case SPECTATE -> {
                    if ("player_id".equals(key)) {
                        out.followPlayerId(readPlayerId(r));
                    } else {
                        r.skipValue();
                    }
                }
                default -> r.skipValue();
            }
        }
        r.endObject();
    }

    private static String readString(JsonReader r, Reject wrongType) throws IOException, Reject {
        JsonToken token = r.peek();
        if (token == JsonToken.NULL) {
            r.nextNull();
            return null;
        }
        if (token != JsonToken.STRING) {
            throw wrongType;
        }
        return r.nextString();
    }

    /** A player id as the server writes them, a decimal string of a positive int; 0 for {@code null}. */
    private static int readPlayerId(JsonReader r) throws IOException, Reject {
        String s = readString(r, PLAYER_ID);
        if (s == null) {
            return 0;
        }
        if (s.isEmpty() || s.length() > 10 || s.charAt(0) == '0') {
            throw PLAYER_ID;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw PLAYER_ID;
            }
        }
        long id = Long.parseLong(s);
        if (id > Integer.MAX_VALUE) {
            throw PLAYER_ID;
        }
        return (int) id;
    }

    private static boolean readBoolean(JsonReader r, Reject wrongType) throws IOException, Reject {
        JsonToken token = r.peek();
        if (token == JsonToken.NULL) {
            r.nextNull();
            return false;
        }
        if (token != JsonToken.BOOLEAN) {
            throw wrongType;
        }
        return r.nextBoolean();
    }

    /** A finite number, or NaN for {@code null} (absent). */
    private static double readFinite(JsonReader r, Reject wrongType, Reject notFinite) throws IOException, Reject {
        JsonToken token = r.peek();
        if (token == JsonToken.NULL) {
            r.nextNull();
            return Double.NaN;
        }
        if (token != JsonToken.NUMBER) {
            throw wrongType;
        }
        // nextDouble() in STRICT mode throws a syntax error for 1e999; parse ourselves to tell it apart
        double v = Double.parseDouble(r.nextString());
        if (!Double.isFinite(v)) {
            throw notFinite;
        }
        return v;
    }

    private static double clampUnit(double v) {
        if (Double.isNaN(v)) {
            return 0; // absent
        }
        return v < -1 ? -1 : (v > 1 ? 1 : v);
    }

    private static long readSeq(JsonReader r) throws IOException, Reject {
        JsonToken token = r.peek();
        if (token == JsonToken.NULL) {
            r.nextNull();
            return ClientMessage.NO_SEQ;
        }
        if (token != JsonToken.NUMBER) {
            throw SEQ;
        }
        String s = r.nextString();
        long v;
        if (isPlainInteger(s)) {
            if (s.charAt(0) == '-' || s.length() > 19 || (s.length() == 19 && s.compareTo("9223372036854775807") > 0)) {
                throw SEQ; // negative, or beyond Long.MAX_VALUE (JSON has no leading zeros)
            }
            v = Long.parseLong(s);
        } else {
            // 12.0, 1e3: exactly, so that 0.99999999999999999999, 1e-400 and 9007199254740993.0 are not
            // rounded (as a double would round them) into integers they are not
            try {
                BigDecimal d = new BigDecimal(s);
                if (d.signum() == 0) {
                    v = 0; // 0.0, 0e99
                } else if (d.signum() < 0 || (long) d.precision() - d.scale() > 19) {
                    throw SEQ; // negative, or more integer digits than a long has (checked before 1e999999999 is expanded)
                } else {
                    v = d.longValueExact();
                }
            } catch (ArithmeticException | NumberFormatException notAnIntegerOrOutOfRange) {
                throw SEQ; // a fraction, over Long.MAX_VALUE, or an exponent beyond an int (1e2147483648)
            }
        }
        return v;
    }

    private static boolean isPlainInteger(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String truncate(String type) {
        if (type.length() <= MAX_TYPE_CHARS) {
            return type;
        }
        int end = Character.isHighSurrogate(type.charAt(MAX_TYPE_CHARS - 1)) ? MAX_TYPE_CHARS - 1 : MAX_TYPE_CHARS;
        return type.substring(0, end);
    }

    /**
     * On the error path only: does the text hold a bare NaN/Infinity literal (JSON has none, but some
     * clients write them) outside strings? Then the message gets NOT_FINITE rather than INVALID_JSON.
     */
    static boolean containsNonFiniteLiteral(String text) {
        if (text == null) {
            return false;
        }
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                    i++;
                }
                if (isNonFiniteWord(text, start, i + 1 - start)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNonFiniteWord(String text, int start, int len) {
        return text.regionMatches(true, start, "nan", 0, len) && len == 3
                || text.regionMatches(true, start, "inf", 0, len) && len == 3
                || text.regionMatches(true, start, "infinity", 0, len) && len == 8;
    }

    /** A preallocated, stackless rejection: control flow inside the parser only, never escapes. */
    private static final class Reject extends Exception {
        private static final long serialVersionUID = 1L;
        final ParseResult result;
        final String detail;

        Reject(ParseResult result, String detail) {
            super(detail, null, false, false);
            this.result = result;
            this.detail = detail;
        }
    }
}
