package org.jetraiders.server.protocol.json.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.jetraiders.engine.EncodedBuffer;

/** Test helpers: decode bytes and parse them strictly with Gson, so tests check real JSON. */
public final class Json {
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);

    private Json() {
    }

    public static String text(EncodedBuffer buffer) {
        return new String(buffer.array(), 0, buffer.length(), StandardCharsets.UTF_8);
    }

    /** Parses one strict JSON document, failing on trailing data, NaN or leniency. */
    public static JsonElement parseStrict(String text) {
        try {
            JsonReader r = new JsonReader(new StringReader(text));
            r.setStrictness(Strictness.STRICT);
            JsonElement e = ELEMENT.read(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new AssertionError("trailing data in " + text);
            }
            return e;
        } catch (IOException e) {
            throw new AssertionError("not strict JSON: " + text, e);
        }
    }

    public static JsonObject object(String text) {
        return parseStrict(text).getAsJsonObject();
    }
}
