package org.jetraiders.client.message;

import com.google.gson.JsonObject;

/**
 * Builds the JSON messages a client sends (docs/PROTOCOL.md, "Client → server"). Inputs are clamped to
 * [-1, 1] and NaN is sent as 0, as the binary encoder does, so the server never rejects one as
 * {@code not_finite}. Stateless and thread-safe.
 */
public final class ClientMessages {
    private ClientMessages() {
    }

    /** {@code {"type":"Join","data":{...}}} with the request's non-null fields. */
    public static String join(JoinRequest request) {
        JsonObject data = new JsonObject();
        if (request.sessionToken() != null) {
            data.addProperty("session_token", request.sessionToken());
        }
        if (request.name() != null) {
            data.addProperty("name", request.name());
        }
        if (request.lobbyId() != null) {
            data.addProperty("lobby_id", request.lobbyId());
        }
        return envelope("Join", data);
    }

    /** {@code {"type":"Input","data":{"thrust":..,"turn":..,"shoot":..,"seq":..}}}. */
    public static String input(double thrust, double turn, boolean shoot, long seq) {
        return "{\"type\":\"Input\",\"data\":{\"thrust\":" + axis(thrust) + ",\"turn\":" + axis(turn)
                + ",\"shoot\":" + shoot + ",\"seq\":" + Math.max(0, seq) + "}}";
    }

    /** {@code {"type":"Ping","data":{"t":..}}}; the server echoes {@code t} in its {@code Pong}. */
    public static String ping(long t) {
        return "{\"type\":\"Ping\",\"data\":{\"t\":" + t + "}}";
    }

    /** Clamped to [-1, 1], NaN as 0. */
    static double axis(double v) {
        if (!(v == v)) {
            return 0;
        }
        return v < -1 ? -1 : (v > 1 ? 1 : v);
    }

    private static String envelope(String type, JsonObject data) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.add("data", data);
        return o.toString();
    }
}
