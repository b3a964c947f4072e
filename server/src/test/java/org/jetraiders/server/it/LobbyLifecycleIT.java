package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lobbies on demand, their retirement, the lobby cap, and what /metrics and /health report. */
class LobbyLifecycleIT {
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldCreateALobbyOnDemandAndRetireItWhenIdle() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().lobbyIdleTimeout(Duration.ofSeconds(1)));
        assertEquals(java.util.List.of("main"), fixture.lobbyNames());

        TestClient client = fixture.connect("arena");
        client.join("{}");
        assertTrue(fixture.lobbyNames().contains("arena"), "created by ?lobby_id=arena");
        assertEquals(1, players(fixture, "arena"));

        client.closeQuietly();

        ServerFixture.awaitCondition("arena retired", Duration.ofSeconds(15),
                () -> !names().contains("arena"));
        assertTrue(fixture.lobbyNames().contains("main"), "the default lobby is never retired");

        TestClient again = fixture.connect("arena");
        again.join("{}");
        assertTrue(fixture.lobbyNames().contains("arena"), "the name can be used again");
    }

    @Test
    void shouldNameTheLobbyInIdentityWhenChosenInJoin() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient client = fixture.connect(null);
        client.sendMessage("Join", "{\"lobby_id\":\"hangar\"}");
        assertEquals("hangar", client.await("Identity", d -> true).get("lobby_id").getAsString());
        assertEquals(1, players(fixture, "hangar"));
    }

    @Test
    void shouldRefuseANewLobbyOverTheCapWithLobbyUnavailable() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().maxLobbies(2));
        fixture.joined("arena", "Ada");
        TestClient extra = fixture.connect("overflow");

        extra.sendMessage("Join", "{}");

        assertEquals("lobby_unavailable", extra.awaitErrorCode());
        assertEquals(1008, extra.awaitClose());
        ServerFixture.awaitCondition("disconnect counted",
                () -> fixture.server().metrics().disconnects("lobby_unavailable") == 1);
        assertEquals(java.util.List.of("arena", "main"), fixture.lobbyNames());
    }

    @Test
    void shouldReportConnectionsTickTimesAndDisconnectReasonsInMetrics() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient stays = fixture.joined(null, "Ada");
        TestClient leaves = fixture.connect(null);
        leaves.sendInput(1, 0, false); // before Join: closed with join_required
        leaves.awaitClose();
        ServerFixture.awaitCondition("disconnect counted",
                () -> fixture.server().metrics().disconnects("join_required") == 1);
        stays.await("WorldUpdate", d -> true);

        HttpResponse<String> response = fixture.get("/metrics");

        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("\njetraiders_connections 1.0\n"), body);
        assertTrue(body.contains("jetraiders_tick_duration_seconds_bucket{le=\"+Inf\"} "), body);
        assertTrue(body.contains("jetraiders_disconnects_total{reason=\"join_required\"} 1.0\n"), body);
        assertTrue(body.contains("jetraiders_rejected_inputs_total{reason=\"join_required\"} 1.0\n"), body);
        assertTrue(body.contains("jetraiders_players{lobby=\"main\"} 1.0\n"), body);
    }

    @Test
    void shouldReportHealthyWhileTheLobbyTicks() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        fixture.joined(null, "Ada").await("WorldUpdate", d -> true);

        // whether every tick of the last few was on time is up to the machine; a ticking lobby must
        // be reported healthy once it is (the late-tick rules themselves: HttpSideIT, fake clock)
        HttpResponse<String> response = fixture.awaitHealthy();

        JsonObject body = ServerFixture.json(response);
        assertEquals("ok", body.get("status").getAsString());
        JsonObject main = body.getAsJsonArray("lobbies").get(0).getAsJsonObject();
        assertEquals("main", main.get("name").getAsString());
        assertTrue(main.get("on_time").getAsBoolean(), body::toString);
        assertTrue(main.get("ticks").getAsLong() > 0, body::toString);
    }

    private java.util.List<String> names() {
        try {
            return fixture.lobbyNames();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int players(ServerFixture fixture, String lobby) throws Exception {
        for (JsonElement e : ServerFixture.json(fixture.get("/lobbies")).getAsJsonArray("lobbies")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(lobby)) {
                return e.getAsJsonObject().get("players").getAsInt();
            }
        }
        return -1;
    }
}
