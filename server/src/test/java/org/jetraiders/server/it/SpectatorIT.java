package org.jetraiders.server.it;

import static org.jetraiders.server.it.support.Duel.score;
import static org.jetraiders.server.it.support.TestClient.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.java_websocket.framing.CloseFrame;
import org.jetraiders.server.it.support.BinaryTestClient;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.lobby.ManagedLobby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spectators watch a lobby without a plane, outside --max-players, under their own cap, and may not fly. */
class SpectatorIT {
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private ManagedLobby main() {
        return fixture.server().lobbies().defaultLobby();
    }

    /** A connected client that joined as a spectator; returns its Spectating answer. */
    private JsonObject spectate(TestClient client) throws InterruptedException {
        client.sendMessage("Join", "{\"spectate\":true}");
        return client.await("Spectating", d -> true);
    }

    @Test
    void shouldStreamTheLobbyToASpectatorWithoutGivingItAPlane() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient player = fixture.joined(null, "Ada");
        TestClient spectator = fixture.connect(null);

        JsonObject answer = spectate(spectator);

        assertEquals("main", answer.get("lobby_id").getAsString());
        assertTrue(answer.get("player_id").isJsonNull(), "roaming: " + answer);
        spectator.await("GameState", d -> true);
        JsonObject update = spectator.await("WorldUpdate", d -> entity(d, player.playerId()) != null);
        assertEquals(1, update.getAsJsonArray("entities").size(), "the player's plane, none for the spectator");
        assertEquals(0, update.get("ack").getAsLong());
        JsonObject board = spectator.await("Scoreboard", d -> true);
        assertEquals(1, board.getAsJsonArray("players").size(), "spectators are not on the scoreboard");
        assertEquals(1, main().lobby().playerCount());
        assertEquals(1, main().spectators());
        assertEquals(1, fixture.server().metrics().spectators());

        spectator.closeBlocking();
        ServerFixture.awaitCondition("the spectator's place given back",
                () -> main().spectators() == 0 && fixture.server().metrics().spectators() == 0);
    }

    @Test
    void shouldNotCountSpectatorsAgainstMaxPlayers() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().maxPlayersPerLobby(1));
        fixture.joined(null, "Only");

        TestClient spectator = fixture.connect(null);
        spectate(spectator);
        spectator.await("WorldUpdate", d -> true);

        TestClient second = fixture.connect(null);
        second.sendMessage("Join", "{\"name\":\"Second\"}");
        assertEquals("lobby_full", second.awaitErrorCode(), "the lobby is full of players, not of spectators");
    }

    @Test
    void shouldRefuseSpectatorsBeyondMaxSpectatorsWithAnErrorAndCountIt() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().maxSpectatorsPerLobby(1));
        TestClient first = fixture.connect(null);
        spectate(first);

        TestClient second = fixture.connect(null);
        second.sendMessage("Join", "{\"spectate\":true}");

        assertEquals("spectators_full", second.awaitErrorCode());
        assertEquals(CloseFrame.POLICY_VALIDATION, second.awaitClose());
        assertEquals("spectators full", second.closeReason());
        ServerFixture.awaitCondition("counted", () -> fixture.server().metrics().disconnects("spectators_full") == 1);

        first.closeBlocking();
        ServerFixture.awaitCondition("the place given back", () -> main().spectators() == 0);
        TestClient third = fixture.connect(null);
        spectate(third); // room again
    }

    @Test
    void shouldAnswerASpectatorsInputWithAnErrorAndCountIt() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient spectator = fixture.connect(null);
        spectate(spectator);

        spectator.sendInput(1, 1, true, 1);

        assertEquals("spectator_input", spectator.awaitErrorCode());
        assertEquals(1, fixture.server().metrics().rejectedInputs("spectator_input"));
        assertEquals(0, main().lobby().playerCount(), "nothing joined the world");
        assertTrue(spectator.isOpen(), "one mistake is not a reason to close");
    }

    @Test
    void shouldStreamBinaryFramesToABinarySpectatorAndRefuseItsBinaryInput() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient player = fixture.joined(null, "Ada");
        int playerId = Integer.parseInt(player.playerId());
        BinaryTestClient spectator = BinaryTestClient.withSubprotocol(fixture.wsUri("/ws"));
        assertTrue(spectator.open());

        spectator.sendJson("Join", "{\"spectate\":true}");

        spectator.awaitText("Spectating");
        ServerFixture.awaitCondition("the player's plane in the world it rebuilds, without acknowledging anything",
                () -> spectator.latest() != null && spectator.latest().indexOfPlane(playerId) >= 0
                        && spectator.binaryFrames() >= 30);
        assertEquals(0, spectator.decodeFailures());
        spectator.sendInput(1, 0, false, 1);
        assertEquals("spectator_input",
                spectator.awaitText("Error").getAsJsonObject("data").get("code").getAsString());
        spectator.close();
    }

    @Test
    void shouldFollowAChosenPlayerAndRoamOnceItLeaves() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient ada = fixture.joined(null, "Ada");
        TestClient spectator = fixture.connect(null);
        spectate(spectator);
        spectator.await("Scoreboard", d -> score(d, ada.playerId(), "kills") >= 0); // Ada is in the world

        spectator.sendMessage("Spectate", "{\"player_id\":\"" + ada.playerId() + "\"}");
        assertEquals(ada.playerId(), spectator.await("Spectating", d -> true).get("player_id").getAsString());

        spectator.sendMessage("Spectate", "{\"player_id\":\"999\"}");
        assertEquals("unknown_player", spectator.awaitErrorCode());

        ada.sendMessage("Leave", "{}");
        JsonObject roaming = spectator.await("Spectating", d -> true);
        assertTrue(roaming.get("player_id").isJsonNull(), "Ada left: roaming now, " + roaming);
    }

    @Test
    void shouldRefuseToSpectateALobbyThatDoesNotExistAndSpectateFromAPlayer() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient nowhere = fixture.connect("nowhere");
        nowhere.sendMessage("Join", "{\"spectate\":true}");
        assertEquals("lobby_unavailable", nowhere.awaitErrorCode());
        assertEquals(CloseFrame.POLICY_VALIDATION, nowhere.awaitClose());
        assertTrue(!fixture.lobbyNames().contains("nowhere"), "spectators never create lobbies");

        TestClient player = fixture.joined(null, "Ada");
        player.sendMessage("Spectate", "{\"player_id\":\"" + player.playerId() + "\"}");
        assertEquals("not_spectating", player.awaitErrorCode());
    }
}
