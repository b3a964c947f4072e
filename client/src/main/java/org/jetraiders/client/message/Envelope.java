package org.jetraiders.client.message;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * One JSON message as it came: {@code {"type": "<Name>", "data": <payload>}}.
 *
 * @param type the message type, e.g. {@code WorldUpdate}
 * @param data the payload; {@link com.google.gson.JsonNull} when absent
 */
public record Envelope(String type, JsonElement data) {
    /**
     * Parses a text frame.
     *
     * @throws IllegalArgumentException if it is not a JSON object with a string {@code type}
     */
    public static Envelope parse(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        JsonElement type = o.get("type");
        if (type == null || !type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("no string \"type\"");
        }
        JsonElement data = o.get("data");
        return new Envelope(type.getAsString(), data == null ? com.google.gson.JsonNull.INSTANCE : data);
    }

    /** The envelope as JSON text. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.add("data", data);
        return o.toString();
    }
}
