package org.jetraiders.server.http;

import com.google.gson.JsonObject;
import java.io.IOException;
import org.jetraiders.server.auth.GuestAuth;

/** {@code POST /guest/init} and {@code POST /guest/login}, exactly as the Godot client expects them. */
final class GuestRoutes {
    private static final int MAX_ID_DIGITS = 18; // below Long.MAX_VALUE, no overflow

    private final GuestAuth auth;

    GuestRoutes(GuestAuth auth) {
        this.auth = auth;
    }

    /** {@code {"display_name":"..."}} → {@code {"guest_id":"17"}}. */
    void init(Exchange exchange) throws IOException {
        JsonObject request = JsonBodies.readObject(exchange);
        JsonBodies.requiredString(request, "display_name"); // the name is given again at login
        JsonObject response = new JsonObject();
        response.addProperty("guest_id", Long.toString(auth.newGuestId()));
        Responses.json(exchange, 200, response);
    }

    /** {@code {"guest_id":"17","display_name":"Ada"}} → session token, id and sanitised name. */
    void login(Exchange exchange) throws IOException {
        JsonObject request = JsonBodies.readObject(exchange);
        // Any positive id is accepted: a guest id is a handle, not a credential (checking it against
        // the ids this process issued would refuse a client that kept its id across a server restart).
        long guestId = parseGuestId(JsonBodies.requiredString(request, "guest_id"));
        String name = GuestAuth.nameOrDefault(guestId, JsonBodies.optionalString(request, "display_name"));
        JsonObject response = new JsonObject();
        response.addProperty("session_token", auth.issueToken(guestId, name));
        response.addProperty("guest_id", Long.toString(guestId));
        response.addProperty("display_name", name);
        Responses.json(exchange, 200, response);
    }

    /** A positive decimal integer; anything else is a 401 like an unknown id. */
    static long parseGuestId(String text) {
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > MAX_ID_DIGITS) {
            throw invalidId();
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw invalidId();
            }
        }
        long id = Long.parseLong(digits);
        if (id <= 0) {
            throw invalidId();
        }
        return id;
    }

    private static HttpError invalidId() {
        return new HttpError(401, "invalid_guest_id", "guest_id must be a positive integer");
    }
}
