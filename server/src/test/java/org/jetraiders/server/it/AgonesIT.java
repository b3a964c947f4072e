package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jetraiders.server.agones.AgonesSettings;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.FakeSidecar;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.lobby.ManagedLobby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server as an Agones game server, in-process, against a stand-in SDK sidecar that follows the
 * published REST contract: Ready, health pings and their stop while a game loop is stalled, the
 * lobbies list and players counter, allocation-added lobbies, shutdown when empty, and play that a
 * missing or failing sidecar does not affect.
 */
class AgonesIT {
    private static final Duration HEALTH_PERIOD = Duration.ofMillis(300);
    private static final String READY = "/ready";
    private static final String HEALTH = "/health";
    private static final String SHUTDOWN = "/shutdown";

    private FakeSidecar sidecar;
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (sidecar != null) {
            sidecar.close();
        }
    }

    /** Agones on, fast timers for the test, against {@code sdkPort}. */
    private static ServerConfig.Builder agonesConfig(int sdkPort) {
        return ServerFixture.config().agones(AgonesSettings.defaults().withEnabled(true).withSdkPort(sdkPort)
                .withHealthPeriod(HEALTH_PERIOD).withSyncPeriod(Duration.ofMillis(100)).withRetryMax(Duration.ofMillis(400)));
    }

    private void start(ServerConfig.Builder config) throws Exception {
        fixture = ServerFixture.start(config);
    }

    @Test
    void shouldMarkReadyAfterStartAndPingHealthAtThePeriod() throws Exception {
        sidecar = FakeSidecar.start();
        start(agonesConfig(sidecar.port()));

        ServerFixture.awaitCondition("Ready", () -> sidecar.state().equals("Ready"));
        assertEquals(1, sidecar.count("POST", READY), "Ready once, as soon as it worked");
        ServerFixture.awaitCondition("8 health pings", () -> sidecar.count("POST", HEALTH) >= 8);

        List<FakeSidecar.Call> pings = sidecar.calls("POST", HEALTH);
        double meanGapMillis = (pings.get(pings.size() - 1).nanos() - pings.get(0).nanos()) / 1e6 / (pings.size() - 1);
        // a fixed-rate schedule: the mean gap is the period unless the machine starves the thread
        assertTrue(meanGapMillis >= HEALTH_PERIOD.toMillis() * 0.5 && meanGapMillis <= HEALTH_PERIOD.toMillis() * 2.5,
                "mean gap between pings " + meanGapMillis + " ms, period " + HEALTH_PERIOD.toMillis() + " ms");
        assertTrue(fixture.server().metrics().agonesCallFailuresByCall().isEmpty(),
                () -> "no failures against a working sidecar: " + fixture.server().metrics().agonesCallFailuresByCall());
    }

    @Test
    void shouldWithholdHealthPingsWhileALobbysGameLoopIsStalledAndResumeWhenItIsGone() throws Exception {
        sidecar = FakeSidecar.start();
        start(agonesConfig(sidecar.port()).lobbyIdleTimeout(Duration.ofMillis(300)));
        TestClient player = fixture.joined("arena", "Ada");
        player.awaitWorldUpdateAfter(0);
        int before = sidecar.count("POST", HEALTH);
        ServerFixture.awaitCondition("pings while every lobby ticks", () -> sidecar.count("POST", HEALTH) >= before + 3);

        // a stuck game loop, seen from outside: the lobby stays open but never ticks again. Stopping the
        // engine lobby sends its player away, so the test holds a place in it to keep it from retiring.
        ManagedLobby arena = fixture.server().lobbies().find("arena");
        assertTrue(arena.enter());
        arena.lobby().stop();

        ServerFixture.awaitCondition("no ping for 5 periods", Duration.ofSeconds(20),
                () -> System.nanoTime() - lastPingNanos() > HEALTH_PERIOD.toNanos() * 5);
        assertEquals(503, fixture.get("/health").statusCode(), "the same rule as GET /health");

        int withheld = sidecar.count("POST", HEALTH);
        player.closeQuietly();
        arena.exit(System.nanoTime()); // the stalled lobby empties, retires, and stops counting
        ServerFixture.awaitCondition("arena retired", () -> fixture.server().lobbies().find("arena") == null);
        ServerFixture.awaitCondition("pings resume", () -> sidecar.count("POST", HEALTH) >= withheld + 3);
    }

    @Test
    void shouldKeepTheLobbiesListAndPlayersCounterInStepWithJoinsLeavesAndRetirement() throws Exception {
        sidecar = FakeSidecar.start();
        start(agonesConfig(sidecar.port()).maxLobbies(8).lobbyIdleTimeout(Duration.ofMillis(500)));
        ServerFixture.awaitCondition("capacities set and main listed", () -> sidecar.listCapacity("lobbies") == 8
                && sidecar.counterCapacity("players") == 8 * 64 && sidecar.listValues("lobbies").equals(List.of("main")));

        TestClient ada = fixture.joined("arena", "Ada");
        TestClient bob = fixture.joined("arena", "Bob");
        TestClient cy = fixture.joined(null, "Cy");
        ServerFixture.awaitCondition("arena listed, 3 players", () -> sidecar.listValues("lobbies").contains("arena")
                && sidecar.counterCount("players") == 3);

        bob.closeQuietly();
        ServerFixture.awaitCondition("2 players", () -> sidecar.counterCount("players") == 2);

        ada.closeQuietly();
        cy.closeQuietly();
        ServerFixture.awaitCondition("0 players", () -> sidecar.counterCount("players") == 0);
        ServerFixture.awaitCondition("arena retired and unlisted", Duration.ofSeconds(15),
                () -> sidecar.listValues("lobbies").equals(List.of("main")));
        assertNull(fixture.server().lobbies().find("arena"));
        assertEquals(1, sidecar.count("POST", "/v1beta1/lists/lobbies:removeValue"), "removed once");
    }

    @Test
    void shouldOpenALobbyThatAnAllocationAddsAndKeepItUntilItIdles() throws Exception {
        sidecar = FakeSidecar.start();
        start(agonesConfig(sidecar.port()).lobbyIdleTimeout(Duration.ofSeconds(2)));
        ServerFixture.awaitCondition("Ready", () -> sidecar.state().equals("Ready"));

        sidecar.allocate("match-42");

        ServerFixture.awaitCondition("match-42 opened", () -> fixture.server().lobbies().find("match-42") != null);
        TestClient player = fixture.joined("match-42", "Ada");
        player.awaitWorldUpdateAfter(0);
        ServerFixture.awaitCondition("1 player", () -> sidecar.counterCount("players") == 1);
        assertTrue(sidecar.calls("POST", "/v1beta1/lists/lobbies:addValue").stream()
                .noneMatch(c -> c.body().contains("match-42")), "the allocation listed it already: not added again");
        player.closeQuietly();
        ServerFixture.awaitCondition("match-42 idled out and unlisted", Duration.ofSeconds(15),
                () -> fixture.server().lobbies().find("match-42") == null && !sidecar.listValues("lobbies").contains("match-42"));

        sidecar.allocate("match-43"); // a later update, processed once match-43 is open
        ServerFixture.awaitCondition("match-43 opened", () -> fixture.server().lobbies().find("match-43") != null);
        assertNull(fixture.server().lobbies().find("match-42"), "a retired lobby is not reopened by its own removal");
    }

    @Test
    void shouldRemoveAnAllocatedLobbyIdItCannotOpen() throws Exception {
        sidecar = FakeSidecar.start();
        start(agonesConfig(sidecar.port()));
        ServerFixture.awaitCondition("main listed", () -> sidecar.listValues("lobbies").equals(List.of("main")));

        sidecar.allocate("not a lobby name!");

        ServerFixture.awaitCondition("invalid id removed", () -> sidecar.listValues("lobbies").equals(List.of("main")));
        assertEquals(List.of("main"), fixture.lobbyNames());
    }

    @Test
    void shouldAskForShutdownOnlyOnceAllocatedAndEmptyForTheConfiguredTime() throws Exception {
        sidecar = FakeSidecar.start();
        Duration empty = Duration.ofSeconds(1);
        start(agonesConfig(sidecar.port()).agones(agonesConfig(sidecar.port()).agones().withShutdownWhenEmpty(empty)));
        ServerFixture.awaitCondition("Ready", () -> sidecar.state().equals("Ready"));
        awaitPings(6); // 1.8 s: longer than the empty time
        assertEquals(0, sidecar.count("POST", SHUTDOWN), "a Ready server is the fleet's buffer: never shut down for being empty");

        TestClient player = fixture.joined(null, "Ada");
        sidecar.allocate("match-7");
        ServerFixture.awaitCondition("1 player", () -> sidecar.counterCount("players") == 1);
        awaitPings(6);
        assertEquals(0, sidecar.count("POST", SHUTDOWN), "not while a player is connected");

        long left = System.nanoTime();
        player.closeQuietly();
        ServerFixture.awaitCondition("shutdown asked", () -> sidecar.count("POST", SHUTDOWN) == 1);
        assertTrue(sidecar.calls("POST", SHUTDOWN).get(0).nanos() - left >= empty.toNanos(),
                "asked only after " + empty.toSeconds() + " s without players");
        assertEquals("Shutdown", sidecar.state());
    }

    @Test
    void shouldPlayNormallyWithoutASidecarAndCountTheFailures() throws Exception {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort(); // closed again: connections to it are refused
        }
        start(agonesConfig(nobody));

        TestClient player = fixture.joined(null, "Ada");
        player.awaitWorldUpdateAfter(0);
        player.sendInput(1, 0, true);
        player.awaitWorldUpdateAfter(30);
        fixture.awaitHealthy();
        ServerFixture.awaitCondition("failures counted", () -> {
            Map<String, Long> failures = fixture.server().metrics().agonesCallFailuresByCall();
            return failures.getOrDefault("ready", 0L) >= 2 && failures.getOrDefault("health", 0L) >= 1
                    && failures.getOrDefault("watch", 0L) >= 1 && failures.getOrDefault("counter", 0L) >= 1;
        });
        assertFalse(player.hasClosed(), "the player stays connected");
    }

    @Test
    void shouldPlayThroughAFailingSidecarAndCatchUpWhenItRecovers() throws Exception {
        sidecar = FakeSidecar.start();
        sidecar.failEverythingWith(500);
        start(agonesConfig(sidecar.port()));

        TestClient player = fixture.joined(null, "Ada");
        player.awaitWorldUpdateAfter(0);
        ServerFixture.awaitCondition("Ready retried, each failure counted", () -> sidecar.count("POST", READY) >= 3
                && fixture.server().metrics().agonesCallFailuresByCall().getOrDefault("ready", 0L) >= 3);
        player.awaitWorldUpdateAfter(player.lastTick() + 30);

        sidecar.failEverythingWith(0);

        ServerFixture.awaitCondition("Ready, main listed, 1 player", Duration.ofSeconds(15),
                () -> sidecar.state().equals("Ready") && sidecar.listValues("lobbies").equals(List.of("main"))
                        && sidecar.counterCount("players") == 1);
        ServerFixture.awaitCondition("watching again", () -> sidecar.openWatchStreams() == 1);
        assertFalse(player.hasClosed(), "the player never noticed");
    }

    @Test
    void shouldWatchAgainWhenTheSidecarEndsTheStream() throws Exception {
        sidecar = FakeSidecar.start();
        start(agonesConfig(sidecar.port()));
        ServerFixture.awaitCondition("watching", () -> sidecar.openWatchStreams() == 1);

        sidecar.endWatchStreams();
        ServerFixture.awaitCondition("watching again", () -> sidecar.count("GET", "/watch/gameserver") == 2
                && sidecar.openWatchStreams() == 1);

        sidecar.allocate("after-reconnect");
        ServerFixture.awaitCondition("allocation seen on the new stream",
                () -> fixture.server().lobbies().find("after-reconnect") != null);
    }

    @Test
    void shouldNotTalkToAnySidecarWhenAgonesIsOff() throws Exception {
        sidecar = FakeSidecar.start();
        start(ServerFixture.config().agones(AgonesSettings.defaults().withSdkPort(sidecar.port())));

        TestClient player = fixture.joined("arena", "Ada");
        player.awaitWorldUpdateAfter(0);
        player.closeQuietly();

        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("jr-agones")),
                "no Agones thread");
        assertEquals(List.of(), sidecar.calls());
    }

    private long lastPingNanos() {
        List<FakeSidecar.Call> pings = sidecar.calls("POST", HEALTH);
        return pings.isEmpty() ? 0 : pings.get(pings.size() - 1).nanos();
    }

    private void awaitPings(int more) throws InterruptedException {
        int target = sidecar.count("POST", HEALTH) + more;
        ServerFixture.awaitCondition(more + " more pings", () -> sidecar.count("POST", HEALTH) >= target);
    }
}
