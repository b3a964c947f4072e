package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jetraiders.client.CloseInfo;
import org.jetraiders.client.ConnectFailedException;
import org.jetraiders.client.GuestLogin;
import org.jetraiders.client.GuestSession;
import org.jetraiders.client.JetRaidersClient;
import org.jetraiders.client.JetRaidersListener;
import org.jetraiders.client.ServerErrorException;
import org.jetraiders.client.WireFormat;
import org.jetraiders.client.message.GameState;
import org.jetraiders.client.message.Identity;
import org.jetraiders.client.message.JoinRequest;
import org.jetraiders.client.message.Score;
import org.jetraiders.client.message.Scoreboard;
import org.jetraiders.client.world.Plane;
import org.jetraiders.client.world.WorldSnapshot;
import org.jetraiders.server.it.support.PlaneWatch;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client library against a real server: guest login, join, the world it rebuilds (equal to the
 * server's at the same tick), inputs the server applies, and each way a request fails.
 */
class JetRaidersClientIT {
    private ServerFixture fixture;
    private JetRaidersClient client;
    private PlaneWatch watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (client != null) {
            client.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private URI http() {
        return URI.create("http://127.0.0.1:" + fixture.server().httpPort());
    }

    /** Snapshots and scoreboards as they arrive, for the test thread. */
    private static final class Inbox implements JetRaidersListener {
        final BlockingQueue<WorldSnapshot> worlds = new LinkedBlockingQueue<>();
        final BlockingQueue<Scoreboard> boards = new LinkedBlockingQueue<>();
        final BlockingQueue<Object> endings = new LinkedBlockingQueue<>();

        @Override public void onWorld(WorldSnapshot world) { worlds.add(world); }
        @Override public void onScoreboard(Scoreboard scoreboard) { boards.add(scoreboard); }
        @Override public void onGameState(GameState state) { endings.add(state); }
        @Override public void onClose(CloseInfo close) { endings.add(close); }

        WorldSnapshot nextWorld() throws InterruptedException {
            WorldSnapshot w = worlds.poll(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (w == null) {
                throw new AssertionError("no world snapshot within " + TestClient.TIMEOUT);
            }
            return w;
        }
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void shouldLogInJoinFlyAndRebuildTheServersWorld(WireFormat format) throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().allowAnonymous(false));
        GuestSession session = GuestLogin.login(http(), "Ada");
        Inbox inbox = new Inbox();
        client = JetRaidersClient.builder(fixture.wsUri("/ws")).format(format).listener(inbox).connect();
        assertEquals(format, client.format());

        Identity me = client.join(session.joinRequest().inLobby("library"));

        assertEquals("library", me.lobbyId());
        watch = PlaneWatch.attach(fixture.server().lobbies().find("library").lobby());
        // one input per snapshot received, as a game loop would, until the server has turned the plane
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long seq = 0;
        while (watch.latest(me.playerId()) == null || watch.latest(me.playerId()).lastInputSeq() < 30) {
            assertTrue(System.nanoTime() < deadline, "the server did not apply 30 inputs in time");
            inbox.nextWorld();
            seq = client.sendInput(0.2, 1, false);
        }
        PlaneWatch.PlaneState server = watch.await("inputs applied", me.playerId(),
                p -> p.lastInputSeq() >= 30 && Math.abs(p.rot()) > 0.1);
        assertTrue(server.lastInputSeq() <= seq, "the server applied the inputs this client numbered");

        // the client's world of a tick is the server's at that tick, exact to the protocol's rounding
        // (snapshots of ticks before the server applied the 30th input may still be queued: skip them)
        WorldSnapshot mine;
        PlaneWatch.PlaneState then;
        do {
            assertTrue(System.nanoTime() < deadline, "no snapshot of a tick the server kept, after its 30th input");
            mine = inbox.nextWorld();
            then = mine.plane(me.playerId()) == null ? null : watch.at(mine.tick(), me.playerId());
        } while (then == null || then.lastInputSeq() < 30);
        Plane plane = mine.plane(me.playerId());
        double px = format == WireFormat.BINARY ? 1.0 / 16 : 0.005;
        double rad = format == WireFormat.BINARY ? Math.PI / 65536 : 0.00005;
        assertEquals(then.x(), plane.x(), px + 1e-9);
        assertEquals(then.y(), plane.y(), px + 1e-9);
        assertEquals(0, Math.sin(then.rot() - plane.rot()), rad + 1e-9, "rotations agree mod 2π");
        assertEquals(then.hp(), plane.hp());
        assertEquals(then.lastInputSeq(), mine.ack(), "the snapshot acks the last input the simulation used");
        assertTrue(client.inputs().ackedSeq() >= mine.ack());

        Scoreboard board = inbox.boards.poll(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(board, "a scoreboard at least once a second");
        Score score = board.player(me.playerId());
        assertEquals("Ada", score.name(), "the token's name");
        assertEquals(0, client.stats().undecodableWorlds());
        assertEquals(0, client.stats().unreadable());
    }

    @Test
    void shouldThrowLobbyFullWhenThereIsNoRoom() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().maxPlayersPerLobby(1));
        fixture.joined("tiny", "First");
        Inbox inbox = new Inbox();
        client = JetRaidersClient.builder(fixture.wsUri("/ws")).format(WireFormat.BINARY).listener(inbox).connect();

        ServerErrorException e = assertThrows(ServerErrorException.class,
                () -> client.join(JoinRequest.named("Second").inLobby("tiny")));

        assertEquals("lobby_full", e.error().code());
        CloseInfo close = client.awaitClose(TestClient.TIMEOUT);
        assertNotNull(close, "the server closes after refusing");
        assertEquals(1008, close.code());
        assertTrue(close.byServer());
    }

    @Test
    void shouldThrowInvalidTokenAndReportTheCloseForAForgedToken() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        client = JetRaidersClient.builder(fixture.wsUri("/ws")).connect();

        ServerErrorException e = assertThrows(ServerErrorException.class,
                () -> client.join(JoinRequest.withToken("forged.token")));

        assertEquals("invalid_token", e.error().code());
        assertEquals(new CloseInfo(1008, "invalid token", true), client.awaitClose(TestClient.TIMEOUT));
    }

    @Test
    void shouldFailToConnectToAPathThatIsNotTheGame() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        URI wrong = fixture.wsUri("/chat");
        ConnectFailedException e = assertThrows(ConnectFailedException.class,
                () -> JetRaidersClient.builder(wrong).connect());
        assertEquals(wrong, e.uri());
    }

    @Test
    void shouldTellTheListenersThatTheServerIsStoppingThenClose() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        Inbox inbox = new Inbox();
        client = JetRaidersClient.builder(fixture.wsUri("/ws")).listener(inbox).connect();
        client.join(JoinRequest.named("Ada"));
        inbox.nextWorld();

        fixture.server().stop();

        Object event;
        do {
            event = inbox.endings.poll(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, "no Stopping state");
        } while (!(event instanceof GameState s && s.phase() == GameState.Phase.STOPPING));
        Object last = inbox.endings.poll(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(last instanceof CloseInfo c && c.code() == 1001 && c.byServer(), String.valueOf(last));
    }
}
