package org.jetraiders.server.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;

/** Writes responses; every one carries the CORS and no-sniff headers. */
final class Responses {
    static final String JSON = "application/json; charset=utf-8";
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final byte[] NOTHING = new byte[0];

    private Responses() {
    }

    static void json(Exchange exchange, int status, JsonElement body) {
        exchange.setResponseHeader("Cache-Control", "no-store");
        bytes(exchange, status, JSON, GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    static void error(Exchange exchange, int status, String code, String message) {
        json(exchange, status, errorBody(code, message));
    }

    /** {@code {"error": code, "message": message}}, the body of every error. */
    static JsonObject errorBody(String code, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", code);
        body.addProperty("message", message);
        return body;
    }

    static void bytes(Exchange exchange, int status, String contentType, byte[] body) {
        commonHeaders(exchange);
        exchange.send(status, contentType, body);
    }

    /** A response without a body (204 preflight). */
    static void empty(Exchange exchange, int status) {
        commonHeaders(exchange);
        exchange.send(status, null, NOTHING);
    }

    private static void commonHeaders(Exchange exchange) {
        exchange.setResponseHeader("Access-Control-Allow-Origin", "*");
        exchange.setResponseHeader("X-Content-Type-Options", "nosniff");
    }
}
