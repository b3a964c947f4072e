package org.jetraiders.bench.load.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A tiny stand-in for the game server, on an ephemeral port: answers Join with Identity, Ping
 * with Pong, and broadcasts a WorldUpdate per lobby at 60 Hz in which each plane's rot integrates
 * its latest turn input. Optional extra frames are sent right after Identity, to test counting.
 */
public final class FakeGameServer extends WebSocketServer {

    static final double TURN_RATE_RAD_PER_S = 3.0;
    static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1) / 60;

    private final Map<WebSocket, Player> players = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-server-ticker");
        t.setDaemon(true);
        return t;
    });
    private final List<String> afterIdentity;
    private final LongAdder inputs = new LongAdder();
    private final LongAdder joins = new LongAdder();
    private long tick;

    private FakeGameServer(List<String> afterIdentity) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.afterIdentity = List.copyOf(afterIdentity);
        setReuseAddr(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    /** Starts a server and waits until it listens. */
    public static FakeGameServer launch(String... framesAfterIdentity) throws InterruptedException {
        FakeGameServer s = new FakeGameServer(List.of(framesAfterIdentity));
        s.start();
        if (!s.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake server did not start");
        }
        s.ticker.scheduleAtFixedRate(s::tick, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
        return s;
    }

    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/ws";
    }

    public long inputs() {
        return inputs.sum();
    }

    public long joins() {
        return joins.sum();
    }

    public void shutdown() throws InterruptedException {
        ticker.shutdownNow();
        stop(2_000);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String rd = handshake.getResourceDescriptor();
        int q = rd.indexOf("lobby_id=");
        String lobby = q < 0 ? "default" : rd.substring(q + "lobby_id=".length()).split("&")[0];
        players.put(conn, new Player(lobby));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Player p = players.get(conn);
        if (p == null) {
            return;
        }
        JsonObject o = JsonParser.parseString(message).getAsJsonObject();
        JsonObject data = o.has("data") && o.get("data").isJsonObject() ? o.getAsJsonObject("data") : new JsonObject();
        switch (o.get("type").getAsString()) {
            case "Join" -> {
                joins.increment();
                p.id = Integer.toString(nextId.getAndIncrement());
                send(conn, "{\"type\":\"Identity\",\"data\":{\"player_id\":\"" + p.id + "\",\"lobby_id\":\"" + p.lobby + "\"}}");
                send(conn, "{\"type\":\"GameState\",\"data\":\"MatchRunning\"}");
                afterIdentity.forEach(f -> send(conn, f));
            }
            case "Input" -> {
                inputs.increment();
                p.turn = data.get("turn").getAsDouble();
                p.seq = data.get("seq").getAsLong();
            }
            case "Ping" -> send(conn, "{\"type\":\"Pong\",\"data\":{\"t\":" + data.get("t").getAsLong()
                    + ",\"server_time\":" + System.currentTimeMillis() + "}}");
            default -> {
            }
        }
    }

    private void tick() {
        tick++;
        double dt = TICK_NANOS / 1e9;
        Map<String, List<Map.Entry<WebSocket, Player>>> byLobby = new TreeMap<>();
        for (Map.Entry<WebSocket, Player> e : players.entrySet()) {
            Player p = e.getValue();
            if (p.id == null) {
                continue;
            }
            p.rot += p.turn * TURN_RATE_RAD_PER_S * dt;
            byLobby.computeIfAbsent(p.lobby, k -> new ArrayList<>()).add(e);
        }
        for (List<Map.Entry<WebSocket, Player>> lobby : byLobby.values()) {
            StringBuilder entities = new StringBuilder();
            for (Map.Entry<WebSocket, Player> e : lobby) {
                Player p = e.getValue();
                if (entities.length() > 0) {
                    entities.append(',');
                }
                entities.append("{\"id\":\"").append(p.id).append("\",\"x\":1.25,\"y\":-3.5,\"rot\":")
                        .append(p.rot).append(",\"hp\":100}");
            }
            for (Map.Entry<WebSocket, Player> e : lobby) {
                send(e.getKey(), "{\"type\":\"WorldUpdate\",\"data\":{\"tick\":" + tick + ",\"entities\":[" + entities
                        + "],\"projectiles\":[],\"ack\":" + e.getValue().seq + "}}");
            }
        }
    }

    private static void send(WebSocket conn, String text) {
        try {
            conn.send(text);
        } catch (WebsocketNotConnectedException e) {
            // closing; the next tick will not see it
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        players.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            started.countDown(); // bind failure: let start() fail fast instead of waiting
        }
    }

    private static final class Player {
        final String lobby;
        volatile String id;
        volatile double turn;
        volatile long seq;
        double rot; // ticker thread only

        Player(String lobby) {
            this.lobby = lobby;
        }
    }
}
