package org.jetraiders.bench.load;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads just enough of server-to-client frames. {@link #type} is cheap (a prefix check, with a
 * streaming fallback when "type" is not the first key) so that ordinary clients never parse a
 * snapshot; its byte form {@link #type(byte[], int, int)} reads the frame in place and returns a
 * constant for the server's common types, so counting a snapshot allocates nothing.
 * {@link #scanSnapshot} streams through one WorldUpdate for a probe. Rare messages (Identity,
 * Lagged, Error, Pong) are parsed with Gson's tree model. Stateless and thread-safe.
 */
final class InboundScanner {

    static final String WORLD_UPDATE = "WorldUpdate";
    private static final String TYPE_PREFIX = "{\"type\":\"";
    private static final byte[] TYPE_PREFIX_BYTES = TYPE_PREFIX.getBytes(StandardCharsets.US_ASCII);
    /** Types matched in place, without allocating: every frequent one the server sends. */
    private static final String[] COMMON_TYPES = {WORLD_UPDATE, "Scoreboard", "KillFeed", "GameState", "Pong",
        "Identity", "Lagged", "Error"};
    private static final byte[][] COMMON_TYPES_QUOTED = new byte[COMMON_TYPES.length][];

    static {
        for (int i = 0; i < COMMON_TYPES.length; i++) {
            COMMON_TYPES_QUOTED[i] = (COMMON_TYPES[i] + "\"").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private InboundScanner() {
    }

    /**
     * The envelope's "type" of a UTF-8 frame in {@code a[offset, offset + length)}: one of the
     * common types as a constant when "type" is the first key (no allocation), else as
     * {@link #type(String)} reads it.
     */
    static String type(byte[] a, int offset, int length) {
        int end = offset + length;
        if (startsWith(a, offset, end, TYPE_PREFIX_BYTES)) {
            int p = offset + TYPE_PREFIX_BYTES.length;
            for (int i = 0; i < COMMON_TYPES.length; i++) {
                if (startsWith(a, p, end, COMMON_TYPES_QUOTED[i])) {
                    return COMMON_TYPES[i];
                }
            }
        }
        return type(new String(a, offset, length, StandardCharsets.UTF_8));
    }

    private static boolean startsWith(byte[] a, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The envelope's "type", or null when the frame is not a JSON object with a string type. */
    static String type(String frame) {
        if (frame.startsWith(TYPE_PREFIX)) {
            int end = frame.indexOf('"', TYPE_PREFIX.length());
            return end < 0 ? null : frame.substring(TYPE_PREFIX.length(), end);
        }
        return typeSlow(frame);
    }

    /** True when the frame is a WorldUpdate, without allocating in the common key order. */
    static boolean isWorldUpdate(String frame) {
        if (frame.startsWith(TYPE_PREFIX)) {
            return frame.startsWith("WorldUpdate\"", TYPE_PREFIX.length());
        }
        return "WorldUpdate".equals(typeSlow(frame));
    }

    private static String typeSlow(String frame) {
        try (JsonReader r = new JsonReader(new StringReader(frame))) {
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                return null;
            }
            r.beginObject();
            while (r.hasNext()) {
                if (r.nextName().equals("type") && r.peek() == JsonToken.STRING) {
                    return r.nextString();
                }
                r.skipValue();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Finds entity {@code ownId} in a WorldUpdate frame and writes its rot and the frame's ack.
     *
     * @return false when the frame cannot be read
     */
    static boolean scanSnapshot(String frame, String ownId, SnapshotView out) {
        out.reset();
        try (JsonReader r = new JsonReader(new StringReader(frame))) {
            r.beginObject();
            while (r.hasNext()) {
                if (r.nextName().equals("data") && r.peek() == JsonToken.BEGIN_OBJECT) {
                    readData(r, ownId, out);
                } else {
                    r.skipValue();
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            out.reset();
            return false;
        }
    }

    private static void readData(JsonReader r, String ownId, SnapshotView out) throws IOException {
        r.beginObject();
        while (r.hasNext()) {
            String name = r.nextName();
            if (name.equals("entities") && r.peek() == JsonToken.BEGIN_ARRAY) {
                r.beginArray();
                while (r.hasNext()) {
                    readEntity(r, ownId, out);
                }
                r.endArray();
            } else if (name.equals("ack") && r.peek() == JsonToken.NUMBER) {
                out.ack = r.nextLong();
            } else if (name.equals("tick") && r.peek() == JsonToken.NUMBER) {
                out.tick = r.nextLong();
            } else {
                r.skipValue();
            }
        }
        r.endObject();
    }

    private static void readEntity(JsonReader r, String ownId, SnapshotView out) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            r.skipValue();
            return;
        }
        r.beginObject();
        boolean mine = false;
        double rot = Double.NaN;
        while (r.hasNext()) {
            String name = r.nextName();
            JsonToken t = r.peek();
            if (name.equals("id") && (t == JsonToken.STRING || t == JsonToken.NUMBER)) {
                mine = ownId.equals(r.nextString()); // nextString() also reads numbers verbatim
            } else if (name.equals("rot") && t == JsonToken.NUMBER) {
                rot = r.nextDouble();
            } else {
                r.skipValue();
            }
        }
        r.endObject();
        if (mine && !Double.isNaN(rot)) {
            out.ownPresent = true;
            out.ownRot = rot;
        }
    }

    /** The "data" member of a rarely sent message, or null. */
    static JsonElement data(String frame) {
        try {
            JsonElement root = JsonParser.parseString(frame);
            return root.isJsonObject() ? root.getAsJsonObject().get("data") : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A string member of an object, numbers included verbatim; null when absent. */
    static String string(JsonElement obj, String member) {
        if (obj == null || !obj.isJsonObject()) {
            return null;
        }
        JsonObject o = obj.getAsJsonObject();
        JsonElement e = o.get(member);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    /** A numeric member of an object, or {@code fallback}. */
    static long number(JsonElement obj, String member, long fallback) {
        String s = string(obj, member);
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(s);
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    /** Reusable result of {@link #scanSnapshot}; owned by one client (its I/O thread). */
    static final class SnapshotView {
        boolean ownPresent;
        double ownRot;
        long ack;
        long tick;

        void reset() {
            ownPresent = false;
            ownRot = Double.NaN;
            ack = -1;
            tick = -1;
        }
    }
}
