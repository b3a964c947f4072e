package org.jetraiders.server.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Parses a request body (read and size-limited by {@link BodyReader}) as one strict JSON object. */
final class JsonBodies {
    private JsonBodies() {
    }

    /** @throws HttpError 400 if the body is not one JSON object */
    static JsonObject readObject(Exchange exchange) {
        return parseObject(new String(exchange.requestBody(), StandardCharsets.UTF_8));
    }

    /** Parses exactly one JSON object (strict: no comments, no unquoted strings, nothing after it). */
    static JsonObject parseObject(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw badJson("trailing data after the JSON object");
            }
            if (!element.isJsonObject()) {
                throw badJson("the body must be a JSON object");
            }
            return element.getAsJsonObject();
        } catch (HttpError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw badJson("the body is not valid JSON");
        }
    }

    /** The field as a string if it is a JSON string or number; null if absent or JSON null. */
    static String optionalString(JsonObject object, String field) {
        JsonElement element = object.get(field);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isString() || primitive.isNumber()) {
                return primitive.getAsString();
            }
        }
        throw new HttpError(400, "invalid_field", "'" + field + "' must be a string");
    }

    static String requiredString(JsonObject object, String field) {
        String value = optionalString(object, field);
        if (value == null) {
            throw new HttpError(400, "missing_field", "'" + field + "' is required");
        }
        return value;
    }

    private static HttpError badJson(String message) {
        return new HttpError(400, "invalid_json", message);
    }
}
