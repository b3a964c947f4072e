package org.jetraiders.server.it.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Agones SDK sidecar's REST API, written from googleforgames/agones
 * {@code sdks/swagger/sdk.swagger.json} and {@code beta.swagger.json}: the same paths, methods and
 * bodies, int64 values as JSON strings (a number where a string is due is refused with 400 here, to
 * hold our client to the contract), and errors the way the real gateway reports them (status 500,
 * {@code {"code":2,"message":"already exists. ..."}}). It records every call, serves a GameServer whose
 * state, {@code lobbies} list and {@code players} counter the test controls, and streams every change
 * to {@code GET /watch/gameserver} as newline-delimited {@code {"result": GameServer}}.
 */
public final class FakeSidecar implements AutoCloseable {
    /** One request as received: {@code nanos} is {@link System#nanoTime()} on arrival. */
    public record Call(String method, String path, String body, long nanos) {
    }

    private static final Pattern LIST = Pattern.compile("/v1beta1/lists/([^/:]+)(:addValue|:removeValue)?");
    private static final Pattern COUNTER = Pattern.compile("/v1beta1/counters/([^/:]+)");
    private static final String END_OF_STREAM = "";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<String>> watchers = new CopyOnWriteArrayList<>();
    private final Map<String, ListState> lists = new LinkedHashMap<>();
    private final Map<String, long[]> counters = new LinkedHashMap<>(); // name -> {count, capacity}
    private String state = "Scheduled";
    private volatile int failWith;

    private static final class ListState {
        long capacity;
        final LinkedHashSet<String> values = new LinkedHashSet<>();

        ListState(long capacity) {
            this.capacity = capacity;
        }
    }

    private FakeSidecar(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-sidecar");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        // what a fleet template like deploy/agones/fleet.yaml declares
        lists.put("lobbies", new ListState(10));
        counters.put("players", new long[] {0, 1000});
    }

    /** On an ephemeral port. */
    public static FakeSidecar start() throws IOException {
        return start(0);
    }

    public static FakeSidecar start(int port) throws IOException {
        FakeSidecar sidecar = new FakeSidecar(port);
        sidecar.server.start();
        return sidecar;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- what the test controls

    /**
     * What a GameServerAllocation with {@code lists.lobbies.addValues} does: the state becomes
     * Allocated and the values are appended (duplicates ignored); watchers see one update.
     */
    public synchronized void allocate(String... lobbyIds) {
        state = "Allocated";
        ListState list = lists.get("lobbies");
        for (String id : lobbyIds) {
            if (list.values.size() < list.capacity) {
                list.values.add(id);
            }
        }
        publish();
    }

    /** From now on every call is answered with this status (0: answer normally again). */
    public void failEverythingWith(int status) {
        failWith = status;
    }

    /** Ends every open watch stream, as a restarting sidecar would. */
    public void endWatchStreams() {
        for (BlockingQueue<String> watcher : watchers) {
            watcher.add(END_OF_STREAM);
        }
    }

    // ---- what the test reads

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String path) {
        List<Call> matching = new ArrayList<>();
        for (Call call : calls) {
            if (call.method().equals(method) && call.path().equals(path)) {
                matching.add(call);
            }
        }
        return matching;
    }

    public int count(String method, String path) {
        return calls(method, path).size();
    }

    public synchronized String state() {
        return state;
    }

    public synchronized List<String> listValues(String name) {
        return List.copyOf(lists.get(name).values);
    }

    public synchronized long listCapacity(String name) {
        return lists.get(name).capacity;
    }

    public synchronized long counterCount(String name) {
        return counters.get(name)[0];
    }

    public synchronized long counterCapacity(String name) {
        return counters.get(name)[1];
    }

    public int openWatchStreams() {
        return watchers.size();
    }

    @Override
    public void close() {
        endWatchStreams();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the REST API

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(method, path, body, System.nanoTime()));
        try (exchange) {
            if (failWith != 0) {
                respond(exchange, failWith, error(13, "sidecar failing on purpose"));
                return;
            }
            if (method.equals("GET") && path.equals("/watch/gameserver")) {
                watch(exchange);
                return;
            }
            JsonObject json = body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
            String answer = route(method, path, json);
            if (answer == null) {
                respond(exchange, 404, error(5, "Not Found"));
            } else if (answer.startsWith("!")) {
                int status = Integer.parseInt(answer.substring(1, 4));
                respond(exchange, status, error(status == 400 ? 3 : 2, answer.substring(5)));
            } else {
                respond(exchange, 200, answer);
            }
        } catch (RuntimeException e) {
            respond(exchange, 400, error(3, "bad request: " + e));
        }
    }

    /** The answer body, "!SSS message" for an error with status SSS, or null for an unknown route. */
    private synchronized String route(String method, String path, JsonObject body) {
        switch (method + " " + path) {
            case "POST /ready":
                return transition(state.equals("Allocated") ? state : "Ready");
            case "POST /allocate":
                return transition("Allocated");
            case "POST /shutdown":
                return transition("Shutdown");
            case "POST /health":
                return "{}";
            case "GET /gameserver":
                return gameServer().toString();
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

    private String transition(String newState) {
        state = newState;
        publish();
        return "{}";
    }

    private String list(String method, String name, String verb, JsonObject body) {
        ListState list = lists.get(name);
        if (list == null) {
            return "!500 list not found: " + name;
        }
        if (verb == null && method.equals("GET")) {
            return listJson(name, list);
        }
        if (verb == null && method.equals("PATCH")) { // update mask = the fields present
            if (body.has("capacity")) {
                list.capacity = int64(body, "capacity");
            }
            if (body.has("values")) {
                list.values.clear();
                body.getAsJsonArray("values").forEach(v -> list.values.add(v.getAsString()));
            }
            publish();
            return listJson(name, list);
        }
        if (!method.equals("POST") || !body.has("value") || !body.get("value").isJsonPrimitive()) {
            return "!400 expected POST with a string \"value\"";
        }
        String value = body.get("value").getAsString();
        if (verb.equals(":addValue")) {
            if (list.values.size() >= list.capacity) {
                return "!500 out of range. No available capacity. Current Capacity: " + list.capacity
                        + ", List Size: " + list.values.size();
            }
            if (!list.values.add(value)) {
                return "!500 already exists. Value: " + value + " already in List: " + name;
            }
        } else if (!list.values.remove(value)) {
            return "!500 not found: value " + value + " not in list " + name;
        }
        publish();
        return listJson(name, list);
    }

    private String counter(String method, String name, JsonObject body) {
        long[] counter = counters.get(name);
        if (counter == null) {
            return "!500 counter not found: " + name;
        }
        if (method.equals("PATCH")) {
            long capacity = body.has("capacity") ? int64(body, "capacity") : counter[1];
            long count = body.has("count") ? int64(body, "count") : counter[0];
            if (body.has("countDiff")) {
                count += int64(body, "countDiff");
            }
            if (!body.has("capacity") && !body.has("count") && !body.has("countDiff")) {
                return "!500 invalid argument. Malformed CounterUpdateRequest";
            }
            if (capacity < 0 || count < 0 || count > capacity) {
                return "!500 out of range. Count must be within range [0,Capacity]. Found Count: " + count
                        + ", Capacity: " + capacity;
            }
            counter[0] = count;
            counter[1] = capacity;
            publish();
        } else if (!method.equals("GET")) {
            return null;
        }
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("count", Long.toString(counter[0]));
        json.addProperty("capacity", Long.toString(counter[1]));
        return json.toString();
    }

    /** An int64 field: a JSON string of digits, as the swagger's {@code "format": "int64"} string. */
    private static long int64(JsonObject body, String field) {
        JsonElement e = body.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(field + " must be an int64 JSON string, was " + e);
        }
        return Long.parseLong(e.getAsString());
    }

    private static String listJson(String name, ListState list) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("capacity", Long.toString(list.capacity));
        JsonArray values = new JsonArray();
        list.values.forEach(values::add);
        json.add("values", values);
        return json.toString();
    }

    private JsonObject gameServer() {
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
            JsonObject one = JsonParser.parseString(listJson(name, l)).getAsJsonObject();
            one.remove("name");
            listsJson.add(name, one);
        });
        status.add("lists", listsJson);
        JsonObject gs = new JsonObject();
        gs.add("object_meta", meta);
        gs.add("status", status);
        return gs;
    }

    /** Sends the GameServer to every watcher; called with the lock held, after every change. */
    private void publish() {
        JsonObject line = new JsonObject();
        line.add("result", gameServer());
        String text = line.toString();
        for (BlockingQueue<String> watcher : watchers) {
            watcher.add(text);
        }
    }

    private void watch(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        synchronized (this) { // the current GameServer first, as the real sidecar does, then every change
            JsonObject first = new JsonObject();
            first.add("result", gameServer());
            queue.add(first.toString());
            watchers.add(queue);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked: a stream that ends when the sidecar says so
        OutputStream out = exchange.getResponseBody();
        try {
            while (true) {
                String line = queue.take();
                if (line.equals(END_OF_STREAM)) {
                    return;
                }
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the server stopped watching
        } finally {
            watchers.remove(queue);
        }
    }

    private static String error(int code, String message) {
        JsonObject json = new JsonObject();
        json.addProperty("code", code);
        json.addProperty("message", message);
        json.add("details", new JsonArray());
        return json.toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
