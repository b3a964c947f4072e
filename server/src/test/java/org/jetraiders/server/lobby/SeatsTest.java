package org.jetraiders.server.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who holds a plane, the reconnect grace, and newer-wins, against a real (manually ticked) engine lobby. */
@Timeout(30)
class SeatsTest {
    private static final long GRACE = TimeUnit.SECONDS.toNanos(30);
    private static final long KEY = 0x5eed_5eedL;

    private final AtomicInteger exits = new AtomicInteger();
    private Lobby lobby;
    private Seats seats;

    /** A holder that counts how often it was told to go. */
    private static final class FakeConnection implements Seats.Holder {
        final AtomicInteger superseded = new AtomicInteger();

        @Override
        public void superseded() {
            superseded.incrementAndGet();
        }
    }

    @BeforeEach
    void start() {
        lobby = Lobby.create(LobbyConfig.builder().name("seats").autoTick(false).build());
        lobby.start();
        seats = new Seats(lobby, now -> exits.incrementAndGet(), GRACE);
    }

    @AfterEach
    void stop() {
        lobby.stop(Duration.ofSeconds(5));
    }

    private int joined(long key, Seats.Holder holder) {
        int id = lobby.join("p", key);
        assertTrue(id > 0);
        seats.seat(id, key, holder);
        return id;
    }

    @Test
    void shouldHoldADroppedPlayersPlaneUntilItsKeyComesBack() {
        FakeConnection first = new FakeConnection();
        int id = joined(KEY, first);

        assertEquals(Seats.Release.HELD, seats.release(id, first, true, 1_000));
        assertEquals(1, seats.held());
        assertEquals(1, lobby.playerCount(), "the plane stays");
        assertEquals(0, exits.get(), "its place in the lobby too");

        FakeConnection second = new FakeConnection();
        assertEquals(new Seats.Resumption(id, false), seats.resume(KEY, second));
        assertEquals(0, seats.held());
        assertEquals(0, first.superseded.get(), "nobody to tell: the first connection was gone");
        assertEquals(Seats.Release.NOT_HOLDER, seats.release(id, first, true, 2_000), "the old connection has no say");
        assertEquals(Seats.Release.LEFT, seats.release(id, second, false, 3_000));
        assertEquals(1, exits.get());
        assertFalse(seats.isSeated(id));
    }

    @Test
    void shouldLetANewerConnectionTakeOverAndTellTheOlderOne() {
        FakeConnection older = new FakeConnection();
        int id = joined(KEY, older);
        FakeConnection newer = new FakeConnection();

        assertEquals(new Seats.Resumption(id, true), seats.resume(KEY, newer));

        assertEquals(1, older.superseded.get());
        assertEquals(0, newer.superseded.get());
        assertEquals(Seats.Release.NOT_HOLDER, seats.release(id, older, true, 1_000),
                "the older connection's close changes nothing");
        assertEquals(0, seats.held());
        assertEquals(0, exits.get());
    }

    @Test
    void shouldRemoveThePlaneOnceTheGraceIsOver() throws Exception {
        FakeConnection holder = new FakeConnection();
        int id = joined(KEY, holder);
        seats.release(id, holder, true, 1_000);

        assertEquals(List.of(), seats.expire(1_000 + GRACE - 1), "not yet");
        assertEquals(List.of(id), seats.expire(1_000 + GRACE));

        assertEquals(1, exits.get());
        assertNull(seats.resume(KEY, new FakeConnection()), "too late: a Join makes a new player");
        awaitPlayers(0);
    }

    @Test
    void shouldLeaveAtOnceWithoutAGraceOrWhenThePlayerLeft() throws Exception {
        Seats noGrace = new Seats(lobby, now -> exits.incrementAndGet(), 0);
        FakeConnection a = new FakeConnection();
        int idA = lobby.join("a", 1);
        noGrace.seat(idA, 1, a);
        FakeConnection b = new FakeConnection();
        int idB = joined(2, b);

        assertEquals(Seats.Release.LEFT, noGrace.release(idA, a, true, 0), "grace 0: a drop is a leave");
        assertEquals(Seats.Release.LEFT, seats.release(idB, b, false, 0), "a leave is a leave");
        assertEquals(2, exits.get());
        awaitPlayers(0);
    }

    @Test
    void shouldResumeAPlayerRestoredWithItsKeyAfterARestart() {
        int id = lobby.join("restored", KEY); // as a journal replay would have re-joined it
        seats.restoreHeld(id, KEY, 5_000);
        assertEquals(1, seats.held());

        FakeConnection back = new FakeConnection();
        assertEquals(new Seats.Resumption(id, false), seats.resume(KEY, back));
        assertEquals(List.of(), seats.expire(5_000 + GRACE), "resumed: no longer waiting");
    }

    @Test
    void shouldFindNoSeatForAnUnknownOrAbsentKey() {
        joined(KEY, new FakeConnection());
        assertNull(seats.resume(KEY + 1, new FakeConnection()));
        assertNull(seats.resume(0, new FakeConnection()), "0 is nobody's key");
    }

    private void awaitPlayers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lobby.playerCount() != n) {
            assertTrue(System.nanoTime() < deadline, "players: " + lobby.playerCount());
            Thread.sleep(5); // polling interval: the game loop applies the leave on its thread
        }
    }
}
