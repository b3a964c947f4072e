package org.jetraiders.server.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes responses; every one carries the CORS and no-sniff headers. */
final class Responses {
    static final String JSON = "application/json; charset=utf-8";
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, JsonElement body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        bytes(exchange, status, JSON, GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", code);
        body.addProperty("message", message);
        json(exchange, status, body);
    }

    static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        commonHeaders(headers);
        headers.set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A response without a body (204 preflight, 405 without details). */
    static void empty(HttpExchange exchange, int status) throws IOException {
        commonHeaders(exchange.getResponseHeaders());
        exchange.sendResponseHeaders(status, -1);
    }

    private static void commonHeaders(Headers headers) {
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("X-Content-Type-Options", "nosniff");
    }
}
