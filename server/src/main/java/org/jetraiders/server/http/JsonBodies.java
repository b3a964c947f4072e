package org.jetraiders.server.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Reads a size-limited, strictly parsed JSON object from a request body. */
final class JsonBodies {
    /** Largest request body accepted, in bytes. */
    static final int MAX_BODY_BYTES = 4096;

    private JsonBodies() {
    }

    /** @throws HttpError 413 if the body is too large, 400 if it is not one JSON object */
    static JsonObject readObject(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && tooLarge(declared)) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return parseObject(new String(body, StandardCharsets.UTF_8));
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

    private static boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            throw new HttpError(400, "bad_request", "invalid Content-Length");
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "body_too_large", "the body must be at most " + MAX_BODY_BYTES + " bytes");
    }

    private static HttpError badJson(String message) {
        return new HttpError(400, "invalid_json", message);
    }
}
