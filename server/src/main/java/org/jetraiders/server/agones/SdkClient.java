package org.jetraiders.server.agones;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The Agones SDK sidecar's REST API (grpc-gateway in front of the SDK's gRPC service), as specified by
 * {@code sdks/swagger/sdk.swagger.json} and {@code beta.swagger.json} in googleforgames/agones. Every
 * call is asynchronous and bounded by the request timeout; a non-2xx answer completes the future
 * with an {@link SdkCallException}. int64 fields are sent as JSON strings, as the gateway expects.
 */
final class SdkClient {
    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    SdkClient(HttpClient http, int port, Duration timeout) {
        this.http = http;
        // the sidecar listens on localhost inside the pod; an IPv4 literal avoids trying ::1 first
        this.base = URI.create("http://127.0.0.1:" + port);
        this.timeout = timeout;
    }

    /** POST /ready: the server accepts players. */
    CompletableFuture<String> ready() {
        return send("POST", "/ready", "{}");
    }

    /** POST /health: one health ping. */
    CompletableFuture<String> health() {
        return send("POST", "/health", "{}");
    }

    /** POST /shutdown: asks Agones to shut this GameServer down (it then sends SIGTERM). */
    CompletableFuture<String> shutdown() {
        return send("POST", "/shutdown", "{}");
    }

    /** PATCH /v1beta1/lists/{name} with only {@code capacity}: the gateway derives the update mask from the body. */
    CompletableFuture<String> setListCapacity(String list, long capacity) {
        JsonObject body = new JsonObject();
        body.addProperty("capacity", Long.toString(capacity));
        return send("PATCH", "/v1beta1/lists/" + list, body.toString());
    }

    /** POST /v1beta1/lists/{name}:addValue. */
    CompletableFuture<String> addListValue(String list, String value) {
        return send("POST", "/v1beta1/lists/" + list + ":addValue", valueBody(value));
    }

    /** POST /v1beta1/lists/{name}:removeValue. */
    CompletableFuture<String> removeListValue(String list, String value) {
        return send("POST", "/v1beta1/lists/" + list + ":removeValue", valueBody(value));
    }

    /** PATCH /v1beta1/counters/{name} setting {@code count} (a CountSet request). */
    CompletableFuture<String> setCounterCount(String counter, long count) {
        JsonObject body = new JsonObject();
        body.addProperty("count", Long.toString(count));
        return send("PATCH", "/v1beta1/counters/" + counter, body.toString());
    }

    /** PATCH /v1beta1/counters/{name} setting {@code capacity} (a CapacitySet request). */
    CompletableFuture<String> setCounterCapacity(String counter, long capacity) {
        JsonObject body = new JsonObject();
        body.addProperty("capacity", Long.toString(capacity));
        return send("PATCH", "/v1beta1/counters/" + counter, body.toString());
    }

    /**
     * GET /watch/gameserver: a stream of newline-delimited {@code {"result": GameServer}} objects, the
     * current GameServer first. No timeout: the stream stays open for the server's life.
     */
    HttpRequest watchRequest() {
        return HttpRequest.newBuilder(base.resolve("/watch/gameserver"))
                .header("Accept", "application/json")
                .GET().build();
    }

    private static String valueBody(String value) {
        JsonObject body = new JsonObject();
        body.addProperty("value", value);
        return body.toString();
    }

    private CompletableFuture<String> send(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new SdkCallException(method + " " + path, response.statusCode(), response.body());
            }
            return response.body();
        });
    }
}
