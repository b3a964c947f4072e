package org.jetraiders.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The guest login the Godot client does before it connects (docs/PROTOCOL.md, "Endpoints"):
 * {@code POST /guest/init} with a display name gives a guest id, {@code POST /guest/login} with both
 * gives the session token that {@code Join} carries. Uses the JDK's HTTP client; thread-safe.
 */
public final class GuestLogin {
    /** Each HTTP call's default timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private GuestLogin() {
    }

    /**
     * Logs in as a guest.
     *
     * @param httpBase    the server's HTTP side, e.g. {@code http://127.0.0.1:3000}
     * @param displayName the name other players see (the server trims and caps it)
     * @throws LoginFailedException if either call fails, with the status and the server's answer
     */
    public static GuestSession login(URI httpBase, String displayName) throws LoginFailedException, InterruptedException {
        return login(httpBase, displayName, DEFAULT_TIMEOUT);
    }

    /** {@link #login(URI, String)} with another timeout for each of the two calls. */
    public static GuestSession login(URI httpBase, String displayName, Duration timeout)
            throws LoginFailedException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        JsonObject init = new JsonObject();
        init.addProperty("display_name", displayName);
        String guestId = field(post(http, httpBase, "/guest/init", init, timeout), "/guest/init", "guest_id");
        JsonObject login = new JsonObject();
        login.addProperty("guest_id", guestId);
        login.addProperty("display_name", displayName);
        String token = field(post(http, httpBase, "/guest/login", login, timeout), "/guest/login", "session_token");
        return new GuestSession(guestId, displayName, token);
    }

    private static JsonObject post(HttpClient http, URI base, String path, JsonObject body, Duration timeout)
            throws LoginFailedException, InterruptedException {
        URI uri = base.resolve(path);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LoginFailedException(path + ": no answer from " + uri + ": " + describe(e), -1, e);
        }
        if (response.statusCode() != 200) {
            throw new LoginFailedException(path + ": HTTP " + response.statusCode() + " " + excerpt(response.body()),
                    response.statusCode(), null);
        }
        try {
            JsonElement json = JsonParser.parseString(response.body());
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            throw new LoginFailedException(path + ": the answer is not JSON: " + excerpt(response.body()), 200, e);
        }
        throw new LoginFailedException(path + ": the answer is not a JSON object: " + excerpt(response.body()), 200, null);
    }

    private static String field(JsonObject answer, String path, String name) throws LoginFailedException {
        JsonElement e = answer.get(name);
        if (e == null || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
            throw new LoginFailedException(path + ": the answer has no \"" + name + "\": " + excerpt(answer.toString()), 200, null);
        }
        return e.getAsString();
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static String excerpt(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
