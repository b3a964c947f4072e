package org.jetraiders.server.it;

import static org.jetraiders.server.it.support.Duel.score;
import static org.jetraiders.server.it.support.TestClient.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.jetraiders.client.WireFormat;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.BinaryWriter;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
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
        TestClient spectator = new TestClient(fixture.wsUri("/ws"), WireFormat.BINARY);
        assertTrue(spectator.open());

        spectator.sendMessage("Join", "{\"spectate\":true}");

        spectator.await("Spectating", d -> true);
        ServerFixture.awaitCondition("the player's plane in the world it rebuilds, without acknowledging anything",
                () -> spectator.latest() != null && spectator.latest().plane(playerId) != null
                        && spectator.binaryFrames() >= 30);
        assertEquals(0, spectator.decodeFailures());
        BinaryWriter input = new BinaryWriter(16);
        BinaryInputEncoder.encode(1, 0, false, 1, 0, input); // the library itself sends no input before an Identity
        spectator.send(ByteBuffer.wrap(input.toByteArray()));
        assertEquals("spectator_input", spectator.awaitErrorCode());
        spectator.closeQuietly();
    }

    @Test
    void shouldBringABinarySpectatorThatLostAFrameBackInStepWithinASecond() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient player = fixture.joined(null, "Ada");
        player.sendInput(0, 0, true, 1); // projectiles in flight: frames that depend on the previous one
        LossySpectator spectator = new LossySpectator(fixture.wsUri("/ws"), 10);
        assertTrue(spectator.connectBlocking(10, TimeUnit.SECONDS));
        spectator.send("{\"type\":\"Join\",\"data\":{\"spectate\":true}}");

        ServerFixture.awaitCondition("a frame after the lost one fails to decode", () -> spectator.failures.get() > 0);
        int decodedBefore = spectator.decodedAfterFailure.get();
        ServerFixture.awaitCondition("frames decode again, without the spectator asking",
                () -> spectator.decodedAfterFailure.get() > decodedBefore + 10);
        assertTrue(spectator.framesUntilRecovered.get() <= 61, "recovered after " + spectator.framesUntilRecovered.get()
                + " frames; a full frame comes once a second (60 frames)");
        spectator.close();
    }

    /** A binary spectator that never decodes its {@code lose}-th world frame, as if it were lost. */
    private static final class LossySpectator extends WebSocketClient {
        private final BinarySnapshotDecoder decoder = new BinarySnapshotDecoder();
        private final int lose;
        private int frames;
        private int failedAt = -1;
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger decodedAfterFailure = new AtomicInteger();
        final AtomicInteger framesUntilRecovered = new AtomicInteger(-1);

        LossySpectator(URI uri, int lose) {
            super(uri, new Draft_6455(Collections.emptyList(), List.of(new Protocol(BinaryProtocolDescriptor.SUBPROTOCOL))));
            this.lose = lose;
        }

        @Override
        public synchronized void onMessage(ByteBuffer bytes) {
            if (++frames == lose) {
                return;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            if (decoder.decode(copy, 0, copy.length) != DecodeResult.OK) {
                if (failures.getAndIncrement() == 0) {
                    failedAt = frames;
                }
                decoder.reset();
            } else if (failedAt >= 0) {
                framesUntilRecovered.compareAndSet(-1, frames - failedAt);
                decodedAfterFailure.incrementAndGet();
            }
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }
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
