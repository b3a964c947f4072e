package org.jetraiders.server.it;

import static org.jetraiders.server.it.support.Duel.score;
import static org.jetraiders.server.it.support.TestClient.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.framing.CloseFrame;
import org.jetraiders.client.WireFormat;
import org.jetraiders.server.it.support.Duel;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.lobby.ManagedLobby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dropped player comes back: by its session token (the Godot client's flow) or by the resume token
 * of its Identity (anonymous players, the browser after a reload), within the grace; a newer
 * connection takes a live one's plane over; after the grace, or after a Leave, the plane is gone.
 */
class ReconnectIT {
    /** Planes fly at most 150 px/s: per tick at 60 Hz, plus the JSON rounding of two positions. */
    private static final double MAX_STEP_PX = 150.0 / 60 + 0.02;

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

    /** A drop: the TCP connection ends without a close frame (the server sees 1006), as when a network goes. */
    private static void drop(TestClient client) throws InterruptedException {
        client.dropConnection();
        client.awaitClose();
    }

    private void awaitPlaneHeld(int held) throws InterruptedException {
        ServerFixture.awaitCondition(held + " plane(s) waiting for their players", () -> main().seats().held() == held);
    }

    private static String joinWithToken(String token) {
        return "{\"session_token\":\"" + token + "\"}";
    }

    @Test
    void shouldGiveTheGodotClientItsPlayerPlaneAndKillsBackWhenItRejoinsWithItsSessionToken() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        String token = fixture.guestLogin("Ace");
        TestClient ace = fixture.connect(null);
        String aceId = ace.join(joinWithToken(token)); // the Godot client sends only the token
        TestClient target = fixture.joined(null, "Target");
        ace.await("GameState", d -> d.has("value") && "MatchRunning".equals(d.get("value").getAsString()));
        Duel.shootUntilKills(main(), ace, target.playerId(), 1);
        // Ace never thrusts, so its plane stays where it spawned: any later position elsewhere is a respawn
        JsonObject parked = entity(target.await("WorldUpdate", d -> entity(d, aceId) != null), aceId);

        drop(ace);
        awaitPlaneHeld(1);
        assertEquals(2, main().lobby().playerCount(), "the dropped plane stays in the lobby");

        TestClient back = fixture.connect(null);
        back.sendMessage("Join", joinWithToken(token));
        JsonObject identity = back.await("Identity", d -> true);
        assertEquals(aceId, identity.get("player_id").getAsString(), "the same player");
        assertTrue(identity.get("resumed").getAsBoolean());
        JsonObject plane = entity(back.await("WorldUpdate", d -> entity(d, aceId) != null), aceId);
        assertEquals(parked.get("x").getAsDouble(), plane.get("x").getAsDouble(), "the same plane, where it was");
        assertEquals(parked.get("y").getAsDouble(), plane.get("y").getAsDouble());
        assertEquals(parked.get("hp").getAsInt(), plane.get("hp").getAsInt());
        JsonObject board = back.await("Scoreboard", d -> score(d, aceId, "kills") >= 0);
        assertEquals(1, score(board, aceId, "kills"), "its kills");
        assertEquals(1, score(board, target.playerId(), "deaths"));
        assertEquals(2, board.getAsJsonArray("players").size(), "no second plane for Ace");
        assertEquals(1, fixture.server().metrics().resumes());
        awaitPlaneHeld(0);
    }

    @Test
    void shouldResumeAnAnonymousPlayerByItsResumeTokenWithItsDeathsAndAPlaneThatFlewOn() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient shooter = fixture.joined(null, "Shooter");
        TestClient drifter = fixture.connect(null);
        drifter.sendMessage("Join", "{\"name\":\"Drifter\"}");
        JsonObject identity = drifter.await("Identity", d -> true);
        String id = identity.get("player_id").getAsString();
        String resumeToken = identity.get("resume_token").getAsString();
        assertFalse(identity.get("resumed").getAsBoolean());
        shooter.await("GameState", d -> d.has("value") && "MatchRunning".equals(d.get("value").getAsString()));
        Duel.shootUntilKills(main(), shooter, id, 1);
        long killedBy = main().lobby().tick();
        drifter.await("WorldUpdate", d -> d.get("tick").getAsLong() > killedBy && entity(d, id) != null);

        // the respawned drifter opens its throttle a little, then holds it: it flies straight on
        drifter.sendInput(1, 0, false, 1);
        long opened = drifter.await("WorldUpdate", d -> d.get("ack").getAsLong() == 1).get("tick").getAsLong();
        drifter.await("WorldUpdate", d -> d.get("tick").getAsLong() >= opened + 15);
        drifter.sendInput(0, 0, false, 2);
        drifter.await("WorldUpdate", d -> d.get("ack").getAsLong() == 2);
        shooter.drain();

        drop(drifter);
        awaitPlaneHeld(1);
        // the watcher must see the plane while it is held: on a busy machine the whole reconnect can fit
        // between two of the watcher's updates (a slow watcher's stale snapshots are skipped)
        long heldAt = main().lobby().tick();
        ServerFixture.awaitCondition("the watcher got an update of the held plane", () -> shooter.lastTick() > heldAt);
        TestClient back = fixture.connect(null);
        back.sendMessage("Join", "{\"resume_token\":\"" + resumeToken + "\",\"name\":\"Someone else\"}");
        JsonObject again = back.await("Identity", d -> true);
        assertEquals(id, again.get("player_id").getAsString());
        assertTrue(again.get("resumed").getAsBoolean());
        assertEquals(resumeToken, again.get("resume_token").getAsString(), "the same token keeps working");

        JsonObject first = back.await("WorldUpdate", d -> entity(d, id) != null);
        long resumedAt = first.get("tick").getAsLong();
        assertEquals(0, first.get("ack").getAsLong(), "input numbers start again on the new connection");
        assertContinuousFlight(shooter, id, resumedAt, entity(first, id));
        JsonObject board = back.await("Scoreboard", d -> score(d, id, "deaths") >= 0);
        assertEquals(1, score(board, id, "deaths"), "its deaths");
        assertEquals("Drifter", nameIn(board, id), "the name stays the player's");

        back.sendInput(0, 1, false, 1); // fresh numbering: seq 1 is not stale
        back.await("WorldUpdate", d -> d.get("ack").getAsLong() == 1);
    }

    /**
     * In the shooter's stream, from the drop to the tick the player came back at, the plane was in
     * every update and moved by no more than its speed allows (a respawn would jump), and at that tick
     * it was exactly where the resumed client sees it.
     */
    private static void assertContinuousFlight(TestClient watcher, String id, long untilTick, JsonObject resumedPlane)
            throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        long tick = -1;
        while (tick < untilTick) {
            JsonObject update = watcher.awaitWorldUpdateAfter(tick);
            tick = update.get("tick").getAsLong();
            JsonObject plane = entity(update, id);
            assertNotNull(plane, "the plane is in the world at tick " + tick);
            plane.addProperty("tick", tick);
            seen.add(plane);
        }
        assertTrue(seen.size() > 1, "watched the plane while its player was away");
        for (int i = 1; i < seen.size(); i++) {
            JsonObject a = seen.get(i - 1);
            JsonObject b = seen.get(i);
            long ticks = b.get("tick").getAsLong() - a.get("tick").getAsLong();
            double step = wrappedDistance(a, b);
            assertTrue(step <= MAX_STEP_PX * ticks, "moved " + step + " px in " + ticks + " tick(s): " + a + " -> " + b);
        }
        JsonObject atResume = seen.get(seen.size() - 1);
        assertEquals(untilTick, atResume.get("tick").getAsLong());
        assertEquals(atResume.get("x").getAsDouble(), resumedPlane.get("x").getAsDouble());
        assertEquals(atResume.get("y").getAsDouble(), resumedPlane.get("y").getAsDouble());
        double travelled = wrappedDistance(seen.get(0), atResume);
        assertTrue(travelled > 0, "it flew on while its player was away");
    }

    /** Distance between two positions in the world, which wraps at x = ±400 and y = ±230. */
    private static double wrappedDistance(JsonObject a, JsonObject b) {
        double dx = Math.abs(a.get("x").getAsDouble() - b.get("x").getAsDouble());
        double dy = Math.abs(a.get("y").getAsDouble() - b.get("y").getAsDouble());
        return Math.hypot(Math.min(dx, 800 - dx), Math.min(dy, 460 - dy));
    }

    private static String nameIn(JsonObject scoreboard, String id) {
        for (var e : scoreboard.getAsJsonArray("players")) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject().get("name").getAsString();
            }
        }
        return null;
    }

    @Test
    void shouldCloseTheOlderConnectionWithCode4001WhenANewerOneTakesThePlayerOver() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        String token = fixture.guestLogin("Twin");
        TestClient older = fixture.connect(null);
        String id = older.join(joinWithToken(token));
        older.await("WorldUpdate", d -> entity(d, id) != null);
        older.sendInput(0, 0, false, 50); // the older connection's numbering is far ahead

        TestClient newer = fixture.connect(null);
        newer.sendMessage("Join", joinWithToken(token));
        JsonObject identity = newer.await("Identity", d -> true);
        assertEquals(id, identity.get("player_id").getAsString());
        assertTrue(identity.get("resumed").getAsBoolean());

        assertEquals("superseded", older.awaitErrorCode());
        assertEquals(4001, older.awaitClose());
        assertEquals("replaced by a newer connection", older.closeReason());
        ServerFixture.awaitCondition("the close counted as superseded",
                () -> fixture.server().metrics().disconnects("superseded") == 1);

        // the plane is the newer connection's: its inputs count from 1 and steer it
        newer.sendInput(0, 1, false, 1);
        JsonObject steered = newer.await("WorldUpdate", d -> d.get("ack").getAsLong() == 1 && entity(d, id) != null
                && entity(d, id).get("rot").getAsDouble() != 0);
        assertNotNull(steered);
        assertEquals(0, main().seats().held(), "the older connection's close neither held nor removed the plane");
        assertEquals(1, main().lobby().playerCount());
        assertEquals(1, fixture.server().metrics().resumes());
    }

    @Test
    void shouldRemoveThePlaneWhenTheGraceRunsOutAndMakeALateJoinANewPlayer() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().reconnectGrace(Duration.ofSeconds(1)));
        TestClient watcher = fixture.joined(null, "Watcher");
        TestClient ghost = fixture.connect(null);
        ghost.sendMessage("Join", "{\"name\":\"Ghost\"}");
        JsonObject identity = ghost.await("Identity", d -> true);
        String ghostId = identity.get("player_id").getAsString();
        watcher.await("Scoreboard", d -> score(d, ghostId, "kills") >= 0);

        drop(ghost);
        ServerFixture.awaitCondition("the grace expiry counted",
                () -> fixture.server().metrics().reconnectGraceExpiries() == 1);
        watcher.await("Scoreboard", d -> score(d, ghostId, "kills") < 0);
        assertEquals(0, main().seats().held());
        assertEquals(1, main().lobby().playerCount(), "only the watcher");

        TestClient late = fixture.connect(null);
        late.sendMessage("Join", "{\"resume_token\":\"" + identity.get("resume_token").getAsString() + "\"}");
        JsonObject again = late.await("Identity", d -> true);
        assertNotEquals(ghostId, again.get("player_id").getAsString(), "too late: a new player");
        assertFalse(again.get("resumed").getAsBoolean());
        assertEquals(0, fixture.server().metrics().resumes());
    }

    @Test
    void shouldRemoveThePlaneAtOnceAfterALeaveOrANormalCloseButHoldItAfterGoingAway() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient watcher = fixture.joined(null, "Watcher");

        TestClient leaver = fixture.joined(null, "Leaver");
        watcher.await("Scoreboard", d -> score(d, leaver.playerId(), "kills") >= 0);
        leaver.sendMessage("Leave", "{}");
        assertEquals(CloseFrame.NORMAL, leaver.awaitClose());
        assertEquals("left", leaver.closeReason());
        watcher.await("Scoreboard", d -> score(d, leaver.playerId(), "kills") < 0);

        TestClient closer = fixture.joined(null, "Closer");
        watcher.await("Scoreboard", d -> score(d, closer.playerId(), "kills") >= 0);
        closer.closeBlocking(); // 1000: a client saying goodbye
        watcher.await("Scoreboard", d -> score(d, closer.playerId(), "kills") < 0);
        assertEquals(0, main().seats().held());

        TestClient reloader = fixture.joined(null, "Reloader");
        reloader.close(CloseFrame.GOING_AWAY); // what a browser sends when its page reloads
        awaitPlaneHeld(1);
        assertEquals(2, main().lobby().playerCount(), "the watcher, and the reloader's waiting plane");
    }

    @Test
    void shouldJoinAsANewPlayerWithAnErrorWhenTheResumeTokenIsForged() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient client = fixture.connect(null);

        client.sendMessage("Join", "{\"name\":\"Mallory\",\"resume_token\":\"AAAAAAAAAAE.bm90LWEtcmVhbC10YWc\"}");

        assertEquals("invalid_resume_token", client.awaitErrorCode());
        JsonObject identity = client.await("Identity", d -> true);
        assertFalse(identity.get("resumed").getAsBoolean());
        assertEquals(1, fixture.server().metrics().rejectedInputs("invalid_resume_token"));
    }

    @Test
    void shouldResumeABinaryClientByItsResumeToken() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        TestClient first = new TestClient(fixture.wsUri("/ws"), WireFormat.BINARY);
        assertTrue(first.open());
        first.sendMessage("Join", "{\"name\":\"bin\"}");
        JsonObject identity = first.await("Identity", d -> true);
        int id = Integer.parseInt(identity.get("player_id").getAsString());
        ServerFixture.awaitCondition("its plane in the rebuilt world",
                () -> first.latest() != null && first.latest().plane(id) != null);

        first.dropConnection();
        awaitPlaneHeld(1);
        TestClient back = new TestClient(fixture.wsUri("/ws"), WireFormat.BINARY);
        assertTrue(back.open());
        back.sendMessage("Join", "{\"resume_token\":\"" + identity.get("resume_token").getAsString() + "\"}");
        JsonObject again = back.await("Identity", d -> true);

        assertEquals(id, Integer.parseInt(again.get("player_id").getAsString()));
        assertTrue(again.get("resumed").getAsBoolean());
        ServerFixture.awaitCondition("its plane in the world the new connection rebuilds",
                () -> back.latest() != null && back.latest().plane(id) != null);
        assertEquals(0, back.decodeFailures());
        back.closeQuietly();
    }
}
