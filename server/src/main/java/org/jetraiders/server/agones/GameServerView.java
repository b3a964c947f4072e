package org.jetraiders.server.agones;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the server reads from a GameServer ({@code sdkGameServer} in sdk.swagger.json): its state and
 * the values of one list.
 *
 * @param state      {@code status.state}: Scheduled, RequestReady, Ready, Allocated, Reserved, Shutdown, ...; "" if absent
 * @param listValues {@code status.lists[list].values}; empty when the GameServer has no such list
 */
record GameServerView(String state, Optional<List<String>> listValues) {
    static final String ALLOCATED = "Allocated";

    boolean allocated() {
        return ALLOCATED.equals(state);
    }

    /**
     * Parses one line of the watch stream ({@code {"result": GameServer}}) or a bare GameServer.
     *
     * @throws IllegalArgumentException if the line is not a GameServer (e.g. a gateway {@code {"error": ...}})
     */
    static GameServerView parse(String json, String list) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject gameServer = root.getAsJsonObject();
        if (gameServer.has("error")) {
            throw new IllegalArgumentException("stream error: " + gameServer.get("error"));
        }
        if (gameServer.has("result")) {
            gameServer = object(gameServer, "result");
            if (gameServer == null) {
                throw new IllegalArgumentException("result is not a GameServer");
            }
        }
        JsonObject status = object(gameServer, "status");
        if (status == null) {
            return new GameServerView("", Optional.empty());
        }
        String state = status.has("state") && status.get("state").isJsonPrimitive() ? status.get("state").getAsString() : "";
        JsonObject lists = object(status, "lists");
        JsonObject ours = lists == null ? null : object(lists, list);
        if (ours == null) {
            return new GameServerView(state, Optional.empty());
        }
        List<String> values = new ArrayList<>();
        JsonElement array = ours.get("values");
        if (array != null && array.isJsonArray()) {
            for (JsonElement value : array.getAsJsonArray()) {
                if (value.isJsonPrimitive()) {
                    values.add(value.getAsString());
                }
            }
        }
        return new GameServerView(state, Optional.of(List.copyOf(values)));
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonElement e = parent.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }
}
