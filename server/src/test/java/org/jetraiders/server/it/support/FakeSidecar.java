package org.jetraiders.server.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A stand-in for the Agones SDK sidecar's REST API, written from googleforgames/agones
 * {@code sdks/swagger/sdk.swagger.json} and {@code beta.swagger.json}: the same paths, methods and
 * bodies, int64 values as JSON strings (a number where a string is due is refused with 400 here, to
 * hold our client to the contract), and errors the way the real gateway reports them (status 500,
 * {@code {"code":2,"message":"already exists. ..."}}). It records every call, serves a
 * {@link FakeGameServer} the test controls, and streams every change to {@code GET /watch/gameserver}
 * as newline-delimited {@code {"result": GameServer}}, the current one first.
 */
public final class FakeSidecar implements AutoCloseable {
    /** One request as received: {@code nanos} is {@link System#nanoTime()} on arrival. */
    public record Call(String method, String path, String body, long nanos) {
    }

    private static final String END_OF_STREAM = "";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<String>> watchers = new CopyOnWriteArrayList<>();
    private final FakeGameServer gameServer = new FakeGameServer(this::publish);
    private volatile int failWith;

    private FakeSidecar(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-sidecar");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** On an ephemeral port. */
    public static FakeSidecar start() throws IOException {
        FakeSidecar sidecar = new FakeSidecar(0);
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
    public void allocate(String... lobbyIds) {
        gameServer.allocate(lobbyIds);
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

    public String state() {
        return gameServer.state();
    }

    public List<String> listValues(String name) {
        return gameServer.listValues(name);
    }

    public long listCapacity(String name) {
        return gameServer.listCapacity(name);
    }

    public long counterCount(String name) {
        return gameServer.counterCount(name);
    }

    public long counterCapacity(String name) {
        return gameServer.counterCapacity(name);
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

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(method, path, body, System.nanoTime()));
        try (exchange) {
            if (failWith != 0) {
                respond(exchange, failWith, FakeGameServer.error(13, "sidecar failing on purpose"));
            } else if (method.equals("GET") && path.equals("/watch/gameserver")) {
                watch(exchange);
            } else {
                FakeGameServer.Answer answer = gameServer.call(method, path, FakeGameServer.parseBody(body));
                if (answer == null) {
                    respond(exchange, 404, FakeGameServer.error(5, "Not Found"));
                } else {
                    respond(exchange, answer.status(), answer.body());
                }
            }
        } catch (RuntimeException e) {
            respond(exchange, 400, FakeGameServer.error(3, "bad request: " + e));
        }
    }

    /** Called by the GameServer, in order, on every change. */
    private void publish(String line) {
        for (BlockingQueue<String> watcher : watchers) {
            watcher.add(line);
        }
    }

    private void watch(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        synchronized (gameServer) { // no change can slip between the first line and the subscription
            queue.add(gameServer.watchLine());
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

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
