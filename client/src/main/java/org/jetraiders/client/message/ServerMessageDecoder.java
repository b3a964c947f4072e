package org.jetraiders.client.message;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import org.jetraiders.client.world.Plane;
import org.jetraiders.client.world.Projectile;
import org.jetraiders.client.world.WorldSnapshot;

/**
 * Reads the {@code data} of the server's JSON messages (docs/PROTOCOL.md, "Server → client") into
 * records. Lenient where the protocol allows it (ids as strings or numbers, unknown fields ignored,
 * optional fields absent), strict about the rest: a missing or mistyped required field throws
 * {@link IllegalArgumentException} naming it. Stateless and thread-safe.
 */
public final class ServerMessageDecoder {
    private ServerMessageDecoder() {
    }

    /** {@code Identity}: {@code {"player_id":"7","lobby_id":"main"}}. */
    public static Identity identity(JsonElement data) {
        JsonObject o = object(data, "Identity");
        return new Identity(id(o, "player_id"), optionalString(o, "lobby_id"));
    }

    /** {@code WorldUpdate}: {@code {"tick":123,"entities":[...],"projectiles":[...],"ack":42}}. */
    public static WorldSnapshot worldUpdate(JsonElement data) {
        JsonObject o = object(data, "WorldUpdate");
        long tick = longField(o, "tick");
        long ack = o.has("ack") ? longField(o, "ack") : 0;
        List<Plane> planes = new ArrayList<>();
        for (JsonElement e : array(o, "entities")) {
            JsonObject p = object(e, "entity");
            planes.add(new Plane(id(p, "id"), number(p, "x"), number(p, "y"), number(p, "rot"), (int) longField(p, "hp")));
        }
        List<Projectile> projectiles = new ArrayList<>();
        for (JsonElement e : array(o, "projectiles")) {
            JsonObject p = object(e, "projectile");
            projectiles.add(new Projectile(id(p, "id"), id(p, "owner_id"), number(p, "x"), number(p, "y"), number(p, "rot")));
        }
        return new WorldSnapshot(tick, ack, planes, projectiles);
    }

    /** {@code GameState}: a bare state name, or {@code {"MatchStarting":{"in_seconds":3}}}. */
    public static GameState gameState(JsonElement data) {
        if (data.isJsonPrimitive() && data.getAsJsonPrimitive().isString()) {
            String name = data.getAsString();
            return new GameState(GameState.Phase.ofWireName(name), name, -1);
        }
        JsonObject o = object(data, "GameState");
        if (o.size() != 1) {
            throw new IllegalArgumentException("GameState: expected one state, got " + o.keySet());
        }
        String name = o.keySet().iterator().next();
        JsonElement fields = o.get(name);
        int inSeconds = fields.isJsonObject() && fields.getAsJsonObject().has("in_seconds")
                ? (int) longField(fields.getAsJsonObject(), "in_seconds") : -1;
        return new GameState(GameState.Phase.ofWireName(name), name, inSeconds);
    }

    /** {@code Scoreboard}: {@code {"players":[{"id":"7","name":"Ada","kills":1,"deaths":0}],"seconds_left":540}}. */
    public static Scoreboard scoreboard(JsonElement data) {
        JsonObject o = object(data, "Scoreboard");
        List<Score> players = new ArrayList<>();
        for (JsonElement e : array(o, "players")) {
            JsonObject p = object(e, "player");
            players.add(new Score(id(p, "id"), string(p, "name"), (int) longField(p, "kills"), (int) longField(p, "deaths")));
        }
        return new Scoreboard(players, o.has("seconds_left") ? (int) longField(o, "seconds_left") : -1);
    }

    /** {@code KillFeed}: {@code {"kills":[{"killer_id":"7","killer":"Ada","victim_id":"8","victim":"Bob"}]}}. */
    public static KillFeed killFeed(JsonElement data) {
        JsonObject o = object(data, "KillFeed");
        List<Kill> kills = new ArrayList<>();
        for (JsonElement e : array(o, "kills")) {
            JsonObject k = object(e, "kill");
            kills.add(new Kill(id(k, "killer_id"), string(k, "killer"), id(k, "victim_id"), string(k, "victim")));
        }
        return new KillFeed(kills);
    }

    /** {@code Lagged}: {@code {"missed":12}}; the number of world updates skipped. */
    public static long lagged(JsonElement data) {
        return longField(object(data, "Lagged"), "missed");
    }

    /** {@code Error}: {@code {"code":"invalid_json","message":"..."}}. */
    public static ServerError error(JsonElement data) {
        JsonObject o = object(data, "Error");
        return new ServerError(string(o, "code"), o.has("message") ? string(o, "message") : "");
    }

    /** {@code Pong}: {@code {"t":123456,"server_time":1732420000123}}. */
    public static Pong pong(JsonElement data) {
        JsonObject o = object(data, "Pong");
        return new Pong(o.has("t") ? number(o, "t") : Double.NaN, longField(o, "server_time"));
    }

    // ---- fields

    private static JsonObject object(JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(what + ": expected an object, got " + e);
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("\"" + name + "\": expected an array, got " + e);
        }
        return e.getAsJsonArray();
    }

    private static JsonPrimitive primitive(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            throw new IllegalArgumentException("\"" + name + "\": missing or not a value: " + e);
        }
        return e.getAsJsonPrimitive();
    }

    private static double number(JsonObject o, String name) {
        JsonPrimitive p = primitive(o, name);
        if (!p.isNumber()) {
            throw new IllegalArgumentException("\"" + name + "\": expected a number, got " + p);
        }
        return p.getAsDouble();
    }

    private static long longField(JsonObject o, String name) {
        JsonPrimitive p = primitive(o, name);
        if (!p.isNumber()) {
            throw new IllegalArgumentException("\"" + name + "\": expected an integer, got " + p);
        }
        try {
            return p.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("\"" + name + "\": expected an integer, got " + p, e);
        }
    }

    private static String string(JsonObject o, String name) {
        JsonPrimitive p = primitive(o, name);
        if (!p.isString()) {
            throw new IllegalArgumentException("\"" + name + "\": expected a string, got " + p);
        }
        return p.getAsString();
    }

    private static String optionalString(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : string(o, name);
    }

    /** A player or projectile id: a decimal string (as the server sends) or an integer. */
    private static int id(JsonObject o, String name) {
        JsonPrimitive p = primitive(o, name);
        try {
            return p.isString() ? Integer.parseInt(p.getAsString()) : p.getAsBigDecimal().intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + name + "\": expected an integer id, got " + p, e);
        }
    }
}
