package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import org.jetraiders.server.auth.GuestAuth;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.metrics.ServerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WebSocket side of guest login: good tokens carry the name, bad ones close with 1008. */
class GuestLoginIT {
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldJoinWithTheGuestNameFromTheToken() throws Exception {
        assertEquals("Grace", nameOnTheScoreboardAfterJoining("Grace", ""));
    }

    /** Logs in as {@code guestName}, joins with the token plus {@code moreJoinFields}: the name the lobby shows. */
    private String nameOnTheScoreboardAfterJoining(String guestName, String moreJoinFields) throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().allowAnonymous(false));
        String token = fixture.guestLogin(guestName);
        TestClient client = fixture.connect(null);

        String id = client.join("{\"session_token\":\"" + token + "\"" + moreJoinFields + "}");

        JsonObject board = client.await("Scoreboard", d -> d.getAsJsonArray("players").size() == 1);
        JsonObject me = board.getAsJsonArray("players").get(0).getAsJsonObject();
        assertEquals(id, me.get("id").getAsString());
        return me.get("name").getAsString();
    }

    @Test
    void shouldNameThePlayerByTheTokenWhateverNameTheJoinCarries() throws Exception {
        assertEquals("Grace", nameOnTheScoreboardAfterJoining("Grace", ",\"name\":\"Admin\""),
                "the token's name, not the one in Join");
    }

    @Test
    void shouldCloseWith1008OnAForgedToken() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        ServerMetrics metrics = fixture.server().metrics();
        String real = fixture.guestLogin("Mallory");
        TestClient client = fixture.connect(null);

        // a payload of our own choosing under the real token's signature
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "1|999|0|99999999999999|Admin".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = payload + real.substring(real.indexOf('.'));
        client.sendMessage("Join", "{\"session_token\":\"" + forged + "\"}");

        assertEquals("invalid_token", client.awaitErrorCode());
        assertEquals(1008, client.awaitClose());
        assertEquals("invalid token", client.closeReason());
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("invalid_token") == 1);
        assertEquals(1, metrics.rejectedInputs("invalid_token"));
    }

    @Test
    void shouldCloseWith1008OnATokenSignedByAnotherServer() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        String foreign = new GuestAuth(GuestAuth.randomSecret(), System::currentTimeMillis, Duration.ofHours(1))
                .issueToken(7, "Eve");
        TestClient client = fixture.connect(null);

        client.sendMessage("Join", "{\"session_token\":\"" + foreign + "\"}");

        assertEquals(1008, client.awaitClose());
        assertEquals("invalid token", client.closeReason());
    }

    @Test
    void shouldCloseWith1008WhenAnonymousJoinsAreNotAllowed() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().allowAnonymous(false));
        ServerMetrics metrics = fixture.server().metrics();
        TestClient client = fixture.connect(null);

        client.sendMessage("Join", "{\"name\":\"Anon\"}");

        assertEquals("invalid_token", client.awaitErrorCode());
        assertEquals(1008, client.awaitClose());
        ServerFixture.awaitCondition("disconnect counted", () -> metrics.disconnects("token_required") == 1);
        for (JsonElement lobby : ServerFixture.json(fixture.get("/lobbies")).getAsJsonArray("lobbies")) {
            assertEquals(0, lobby.getAsJsonObject().get("players").getAsInt(), "nobody got in");
        }
    }
}
