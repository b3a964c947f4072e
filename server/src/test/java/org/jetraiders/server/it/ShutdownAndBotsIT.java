package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Graceful shutdown, and bots that fly and shoot. */
class ShutdownAndBotsIT {
    /** Far above any stop on a loaded machine: only a stop that hangs runs into it. */
    private static final Duration STOP_HANG_TIMEOUT = Duration.ofSeconds(60);

    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldSendStoppingThenClose1001AndEndEveryThreadOnStop() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().bots(2));
        TestClient inMain = fixture.joined(null, "Ada");
        TestClient inArena = fixture.joined("arena", "Bob");
        inMain.await("WorldUpdate", d -> true);
        inArena.await("WorldUpdate", d -> true);

        // how fast a stop is depends on the machine; that it returns (does not hang) does not
        stopReturns(fixture, STOP_HANG_TIMEOUT);

        for (TestClient client : List.of(inMain, inArena)) {
            client.await("GameState", d -> d.has("value") && "Stopping".equals(d.get("value").getAsString()));
            assertEquals(1001, client.awaitClose());
        }
        ServerFixture.awaitCondition("no jr- threads left", () -> jrThreads().isEmpty());
    }

    /**
     * A Join that arrives while the server stops (its lobbies closed, its WebSocket side still open)
     * hears what every connected client hears on a stop: the Stopping state, then 1001, so it retries
     * with its backoff. A browser reconnects 0.5 s after its first 1001, and used to land here and get
     * a lobby_unavailable error, which it takes as final: it gave up and showed its menu.
     */
    @Test
    void shouldAnswerAJoinDuringTheStopWithStoppingThen1001() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient playing = fixture.joined(null, "Ada");
        playing.await("WorldUpdate", d -> true);

        fixture.server().lobbies().close(); // the stop's first step: every lobby stops, the endpoints not yet

        for (String join : List.of("{\"name\":\"Late\"}", "{\"name\":\"Late\",\"lobby_id\":\"arena\"}",
                "{\"spectate\":true}")) {
            TestClient late = fixture.connect(null);
            late.sendMessage("Join", join);
            JsonObject first = late.nextMessage();
            assertEquals("GameState", first.get("type").getAsString(), join + " got " + first);
            assertEquals("Stopping", first.get("data").getAsString(), join + " got " + first);
            assertEquals(1001, late.awaitClose(), join);
        }
        ServerFixture.awaitCondition("three refused joins counted as server_stopping",
                () -> fixture.server().metrics().disconnects("server_stopping") >= 4); // Ada's too
        assertEquals(0, fixture.server().metrics().disconnects("lobby_unavailable"));
    }

    /** Runs {@code fixture.server().stop()} on another thread and fails if it has not returned in time. */
    private static void stopReturns(ServerFixture fixture, Duration timeout) throws Exception {
        FutureTask<Void> stop = new FutureTask<>(() -> fixture.server().stop(), null);
        Thread stopper = new Thread(stop, "test-stopper");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stop.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("GameServer.stop() did not return within " + timeout.toSeconds() + " s", e);
        }
    }

    private static Set<String> jrThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("jr-"))
                .collect(Collectors.toSet());
    }

    @Test
    void shouldFlyAndShootWithBots() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().bots(3));
        TestClient observer = fixture.joined(null, "Observer");

        JsonObject board = observer.await("Scoreboard", d -> d.getAsJsonArray("players").size() == 4);
        Set<String> bots = new HashSet<>();
        for (JsonElement e : board.getAsJsonArray("players")) {
            if (e.getAsJsonObject().get("name").getAsString().startsWith("bot-")) {
                bots.add(e.getAsJsonObject().get("id").getAsString());
            }
        }
        assertEquals(3, bots.size(), board::toString);

        Map<String, double[]> firstSeen = new HashMap<>();
        Set<String> moved = new HashSet<>();
        Set<String> shooters = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((moved.size() < 3 || shooters.isEmpty()) && System.nanoTime() < deadline) {
            JsonObject update = observer.await("WorldUpdate", d -> true);
            for (JsonElement e : update.getAsJsonArray("entities")) {
                JsonObject plane = e.getAsJsonObject();
                String id = plane.get("id").getAsString();
                if (!bots.contains(id)) {
                    continue;
                }
                double[] xy = {plane.get("x").getAsDouble(), plane.get("y").getAsDouble()};
                double[] first = firstSeen.putIfAbsent(id, xy);
                if (first != null && Math.hypot(xy[0] - first[0], xy[1] - first[1]) > 20) {
                    moved.add(id);
                }
            }
            for (JsonElement e : update.getAsJsonArray("projectiles")) {
                String owner = e.getAsJsonObject().get("owner_id").getAsString();
                if (bots.contains(owner)) {
                    shooters.add(owner);
                }
            }
        }
        assertEquals(bots, moved, "every bot flies");
        assertTrue(!shooters.isEmpty(), "bots shoot");
    }
}
