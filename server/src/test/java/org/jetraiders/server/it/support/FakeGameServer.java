package org.jetraiders.server.it.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GameServer behind {@link FakeSidecar}: its state, lists and counters, and what each REST call
 * of sdk.swagger.json / beta.swagger.json does to them, with the real SDK server's checks and error
 * texts (pkg/sdkserver/sdkserver.go). Starts like a GameServer of deploy/agones/fleet.yaml: list
 * {@code lobbies} (capacity 10 here) and counter {@code players} (capacity 1000). Thread-safe; every
 * change is reported to the listener as the GameServer's JSON, with the lock held (so in order).
 */
final class FakeGameServer {
    /** An answer: HTTP status and JSON body. */
    record Answer(int status, String body) {
        static Answer ok(String body) {
            return new Answer(200, body);
        }

        /** How grpc-gateway reports a plain SDK error: 500 with gRPC code 2 (Unknown) and the text. */
        static Answer sdkError(String message) {
            return new Answer(500, error(2, message));
        }
    }

    private static final Pattern LIST = Pattern.compile("/v1beta1/lists/([^/:]+)(:addValue|:removeValue)?");
    private static final Pattern COUNTER = Pattern.compile("/v1beta1/counters/([^/:]+)");

    private final Map<String, ListState> lists = new LinkedHashMap<>();
    private final Map<String, long[]> counters = new LinkedHashMap<>(); // name -> {count, capacity}
    private final Consumer<String> onChange;
    private String state = "Scheduled";

    private static final class ListState {
        long capacity;
        final LinkedHashSet<String> values = new LinkedHashSet<>();

        ListState(long capacity) {
            this.capacity = capacity;
        }
    }

    FakeGameServer(Consumer<String> onChange) {
        this.onChange = onChange;
        lists.put("lobbies", new ListState(10));
        counters.put("players", new long[] {0, 1000});
    }

    /** A GameServerAllocation with lists.lobbies.addValues: Allocated, values appended (duplicates ignored). */
    synchronized void allocate(String... lobbyIds) {
        state = "Allocated";
        ListState list = lists.get("lobbies");
        for (String id : lobbyIds) {
            if (list.values.size() < list.capacity) {
                list.values.add(id);
            }
        }
        changed();
    }

    synchronized String state() {
        return state;
    }

    synchronized List<String> listValues(String name) {
        return List.copyOf(lists.get(name).values);
    }

    synchronized long listCapacity(String name) {
        return lists.get(name).capacity;
    }

    synchronized long counterCount(String name) {
        return counters.get(name)[0];
    }

    synchronized long counterCapacity(String name) {
        return counters.get(name)[1];
    }

    /** {@code {"result": GameServer}}, one line of the watch stream. */
    synchronized String watchLine() {
        JsonObject line = new JsonObject();
        line.add("result", json());
        return line.toString();
    }

    /** One REST call; null for an unknown route. */
    synchronized Answer call(String method, String path, JsonObject body) {
        switch (method + " " + path) {
            case "POST /ready":
                return transition(state.equals("Allocated") ? state : "Ready");
            case "POST /allocate":
                return transition("Allocated");
            case "POST /shutdown":
                return transition("Shutdown");
            case "POST /health":
                return Answer.ok("{}");
            case "GET /gameserver":
                return Answer.ok(json().toString());
            default:
                break;
        }
        Matcher list = LIST.matcher(path);
        if (list.matches()) {
            return list(method, list.group(1), list.group(2), body);
        }
        Matcher counter = COUNTER.matcher(path);
        if (counter.matches()) {
            return counter(method, counter.group(1), body);
        }
        return null;
    }

    static String error(int code, String message) {
        JsonObject json = new JsonObject();
        json.addProperty("code", code);
        json.addProperty("message", message);
        json.add("details", new JsonArray());
        return json.toString();
    }

    private Answer transition(String newState) {
        state = newState;
        changed();
        return Answer.ok("{}");
    }

    private Answer list(String method, String name, String verb, JsonObject body) {
        ListState list = lists.get(name);
        if (list == null) {
            return Answer.sdkError("list not found: " + name);
        }
        if (verb == null && method.equals("GET")) {
            return Answer.ok(listJson(name, list).toString());
        }
        if (verb == null && method.equals("PATCH")) { // the gateway's update mask: the fields present
            if (body.has("capacity")) {
                list.capacity = int64(body, "capacity");
            }
            if (body.has("values")) {
                list.values.clear();
                body.getAsJsonArray("values").forEach(v -> list.values.add(v.getAsString()));
            }
            changed();
            return Answer.ok(listJson(name, list).toString());
        }
        if (verb == null || !method.equals("POST") || !body.has("value") || !body.get("value").isJsonPrimitive()) {
            return new Answer(400, error(3, "expected POST with a string value"));
        }
        String value = body.get("value").getAsString();
        if (verb.equals(":addValue")) {
            if (list.values.size() >= list.capacity) {
                return Answer.sdkError("out of range. No available capacity. Current Capacity: " + list.capacity
                        + ", List Size: " + list.values.size());
            }
            if (!list.values.add(value)) {
                return Answer.sdkError("already exists. Value: " + value + " already in List: " + name);
            }
        } else if (!list.values.remove(value)) {
            return Answer.sdkError("not found: value " + value + " not in list " + name);
        }
        changed();
        return Answer.ok(listJson(name, list).toString());
    }

    private Answer counter(String method, String name, JsonObject body) {
        long[] counter = counters.get(name);
        if (counter == null) {
            return Answer.sdkError("counter not found: " + name);
        }
        if (method.equals("PATCH")) {
            if (!body.has("capacity") && !body.has("count") && !body.has("countDiff")) {
                return Answer.sdkError("invalid argument. Malformed CounterUpdateRequest");
            }
            long capacity = body.has("capacity") ? int64(body, "capacity") : counter[1];
            long count = (body.has("count") ? int64(body, "count") : counter[0])
                    + (body.has("countDiff") ? int64(body, "countDiff") : 0);
            if (capacity < 0 || count < 0 || count > capacity) {
                return Answer.sdkError("out of range. Count must be within range [0,Capacity]. Found Count: " + count
                        + ", Capacity: " + capacity);
            }
            counter[0] = count;
            counter[1] = capacity;
            changed();
        } else if (!method.equals("GET")) {
            return null;
        }
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("count", Long.toString(counter[0]));
        json.addProperty("capacity", Long.toString(counter[1]));
        return Answer.ok(json.toString());
    }

    /** An int64 field: a JSON string of digits, as the swagger's {@code "format": "int64"} string. */
    private static long int64(JsonObject body, String field) {
        JsonElement e = body.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(field + " must be an int64 JSON string, was " + e);
        }
        return Long.parseLong(e.getAsString());
    }

    private static JsonObject listJson(String name, ListState list) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("capacity", Long.toString(list.capacity));
        JsonArray values = new JsonArray();
        list.values.forEach(values::add);
        json.add("values", values);
        return json;
    }

    private JsonObject json() {
        JsonObject meta = new JsonObject();
        meta.addProperty("name", "jet-raiders-fake");
        meta.addProperty("namespace", "default");
        meta.addProperty("generation", "1");
        JsonObject status = new JsonObject();
        status.addProperty("state", state);
        status.addProperty("address", "127.0.0.1");
        JsonObject countersJson = new JsonObject();
        counters.forEach((name, c) -> {
            JsonObject one = new JsonObject();
            one.addProperty("count", Long.toString(c[0]));
            one.addProperty("capacity", Long.toString(c[1]));
            countersJson.add(name, one);
        });
        status.add("counters", countersJson);
        JsonObject listsJson = new JsonObject();
        lists.forEach((name, l) -> {
            JsonObject one = listJson(name, l);
            one.remove("name");
            listsJson.add(name, one);
        });
        status.add("lists", listsJson);
        JsonObject gs = new JsonObject();
        gs.add("object_meta", meta);
        gs.add("status", status);
        return gs;
    }

    private void changed() {
        onChange.accept(watchLine());
    }

    static JsonObject parseBody(String body) {
        return body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
    }
}
