package org.jetraiders.server.it;

import static org.jetraiders.server.it.support.Duel.score;
import static org.jetraiders.server.it.support.TestClient.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.client.GuestLogin;
import org.jetraiders.server.it.support.Duel;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.ServerProcess;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Crash recovery with a real process: a server is killed with SIGKILL mid-match and started again with
 * the same {@code --data-dir} and {@code --token-secret}; its lobby comes back from the journal and the
 * player who joins again with its session token gets its player id, plane, kills and deaths back.
 *
 * <p><b>Tolerance.</b> The journal is forced to disk every {@value #FSYNC_MS} ms here, and an idle
 * lobby's ticks may wait in the writer up to a second (until the next checksum), so the restored tick
 * may be up to {@code FSYNC_MS + 1000} ms of ticks before the last one the client saw: the test allows
 * {@value #LOST_TICKS_AT_MOST} ticks (1.5 s at 60 Hz). A plane flying at its top speed (150 px/s)
 * would be up to 225 px off after that; so the player flies (full thrust, turning),
 * then parks (throttle back to 0) for {@value #PARKED_UPDATES} updates, longer than that window,
 * before the kill: the restored plane must then be exactly where it was last seen (to the JSON's
 * 0.01 px rounding), whichever tick in the window was restored.
 */
@Timeout(120)
class CrashRecoveryIT {
    private static final int FSYNC_MS = 100;
    private static final long LOST_TICKS_AT_MOST = 90;
    private static final int PARKED_UPDATES = 150;
    private static final String SECRET = "crash-recovery-it-secret-0123456789";
    private static final Pattern RESTORED = Pattern.compile("lobby main restored from .* at tick (\\d+) ");

    @Test
    void shouldRestoreTheLobbyAfterSigkillAndGiveThePlayerItsPlaneAndScoreBack() throws Exception {
        Path data = ServerFixture.dataDir();
        List<String> args = List.of("--port", "0", "--http-port", "0", "--seed", "42", "--countdown-seconds", "0",
                "--warm-up", "false", "--data-dir", data.toString(), "--token-secret", SECRET,
                "--journal-fsync-ms", String.valueOf(FSYNC_MS));
        String aceId;
        String token;
        String targetId;
        long lastTick;
        double lastX;
        double lastY;
        try (ServerProcess first = ServerProcess.start(args, Map.of())) {
            token = GuestLogin.login(URI.create("http://127.0.0.1:" + first.httpPort() + "/"), "Ace",
                    Duration.ofSeconds(10)).sessionToken();
            TestClient ace = client(first);
            aceId = ace.join("{\"session_token\":\"" + token + "\"}");
            TestClient target = client(first);
            targetId = target.joinAs("Target");
            ace.await("GameState", d -> d.has("value") && "MatchRunning".equals(d.get("value").getAsString()));

            Duel.shootUntilDown(ace, targetId);
            ace.await("Scoreboard", d -> score(d, aceId, "kills") == 1 && score(d, targetId, "deaths") == 1);

            JsonObject seen = fly(ace, aceId);
            lastTick = seen.get("tick").getAsLong();
            JsonObject plane = entity(seen, aceId);
            lastX = plane.get("x").getAsDouble();
            lastY = plane.get("y").getAsDouble();
            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(args, Map.of())) {
            long restoredTick = restoredTick(second.output());
            assertTrue(restoredTick >= lastTick - LOST_TICKS_AT_MOST, "restored at tick " + restoredTick
                    + ", the last seen was " + lastTick + ": at most " + LOST_TICKS_AT_MOST + " ticks lost");

            TestClient back = client(second);
            back.sendMessage("Join", "{\"session_token\":\"" + token + "\"}");
            JsonObject identity = back.await("Identity", d -> true);
            assertEquals(aceId, identity.get("player_id").getAsString(), "the same player");
            assertTrue(identity.get("resumed").getAsBoolean(), "resumed: " + identity);

            JsonObject update = back.await("WorldUpdate", d -> entity(d, aceId) != null);
            assertTrue(update.get("tick").getAsLong() > restoredTick, "the lobby ticks on from the restored tick");
            assertEquals(0, update.get("ack").getAsLong(), "input numbers start afresh, as after a drop");
            JsonObject plane = entity(update, aceId);
            assertEquals(lastX, plane.get("x").getAsDouble(), 0.011, "the parked plane where it was last seen");
            assertEquals(lastY, plane.get("y").getAsDouble(), 0.011);

            JsonObject board = back.await("Scoreboard", d -> score(d, aceId, "kills") >= 0);
            assertEquals(1, score(board, aceId, "kills"), "its kills");
            assertEquals(0, score(board, aceId, "deaths"), "its deaths");
            assertEquals(1, score(board, targetId, "deaths"), "the target's plane waits for its player too");

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + second.httpPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(1, sample(metrics, "jetraiders_lobbies_restored_total"), metrics);
            assertEquals(2, sample(metrics, "jetraiders_players_restored_total"), "Ace and the target are held");
            assertEquals(1, sample(metrics, "jetraiders_resumes_total"));
        }
    }

    private static TestClient client(ServerProcess server) throws InterruptedException {
        TestClient client = new TestClient(URI.create("ws://127.0.0.1:" + server.webSocketPort() + "/ws"));
        assertTrue(client.open());
        return client;
    }

    /**
     * Flies a loop (full thrust, turning, firing), then throttles back to 0 and stays parked for
     * {@link #PARKED_UPDATES} updates, one input per update. Returns the last update seen, the plane in it.
     */
    private static JsonObject fly(TestClient ace, String aceId) throws InterruptedException {
        long tick = ace.awaitWorldUpdateAfter(-1).get("tick").getAsLong();
        for (int i = 0; i < 40; i++) {
            ace.sendInput(1, 0.6, false); // no fire: the respawned target must die once only
            tick = ace.awaitWorldUpdateAfter(tick).get("tick").getAsLong();
        }
        JsonObject previous = null;
        JsonObject update;
        int still = 0;
        while (still < PARKED_UPDATES) {
            ace.sendInput(-1, 0, false); // throttle back to 0 (it stays there)
            update = ace.awaitWorldUpdateAfter(tick);
            tick = update.get("tick").getAsLong();
            JsonObject plane = entity(update, aceId);
            assertTrue(plane != null, "nothing shoots Ace down here");
            boolean parked = previous != null && plane.get("x").getAsDouble() == previous.get("x").getAsDouble()
                    && plane.get("y").getAsDouble() == previous.get("y").getAsDouble();
            still = parked ? still + 1 : 0;
            previous = plane;
            if (still == PARKED_UPDATES) {
                return update;
            }
        }
        throw new AssertionError("unreachable");
    }

    private static double sample(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " on /metrics");
        return Double.parseDouble(m.group(1));
    }

    private static long restoredTick(List<String> output) {
        for (String line : output) {
            Matcher m = RESTORED.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no 'lobby main restored' line in the start-up log:\n" + String.join("\n", output));
    }
}
