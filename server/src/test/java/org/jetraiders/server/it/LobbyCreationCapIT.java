package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.Bystander;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-lobbies-per-address} (default 4): one address cannot create every lobby. A creation
 * over the cap gets an {@code Error} and close 1008; the lobbies it did create, and their players, are
 * unaffected; joining a lobby that exists is never refused by it; a retired lobby frees its place.
 */
class LobbyCreationCapIT {
    private static final int DEFAULT_CAP = 4;

    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Creates lobbies {@code prefix-0..count-1} from this test's address, each with one player watching it. */
    private List<Bystander> createLobbies(String prefix, int count) throws InterruptedException {
        List<Bystander> players = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String lobby = prefix + i;
            Bystander player = new Bystander(fixture.joined(lobby, "Creator" + i), fixture.lobbyMetrics(lobby));
            player.mark();
            players.add(player);
        }
        return players;
    }

    /** Connects to {@code lobby} (which does not exist), sends Join, and expects the refusal. */
    private void assertCreationRefused(String lobby, long refusalsSoFar) throws InterruptedException {
        TestClient creator = fixture.connect(lobby);
        creator.sendMessage("Join", "{\"name\":\"OneTooMany\"}");
        assertEquals("too_many_lobbies_from_address", creator.awaitErrorCode());
        assertEquals(1008, creator.awaitClose());
        assertEquals("too many lobbies from this address", creator.closeReason());
        ServerFixture.awaitCondition("the refusal counted", () -> fixture.server().metrics()
                .disconnects("too_many_lobbies_from_address") == refusalsSoFar + 1);
    }

    @Test
    void shouldRefuseAFifthLobbyFromOneAddressWhileItsFourLobbiesPlayOn() throws Exception {
        ServerConfig.Builder config = ServerFixture.config();
        assertEquals(DEFAULT_CAP, config.build().maxLobbiesPerAddress(), "the documented default");
        fixture = ServerFixture.start(config);
        List<Bystander> players = createLobbies("mine-", DEFAULT_CAP);

        assertCreationRefused("mine-4", 0);

        assertFalse(fixture.lobbyNames().contains("mine-4"), "the refused lobby was never created");
        for (Bystander player : players) {
            player.assertUnaffected(); // still open, every tick since the mark delivered or reported
        }
        assertEquals(DEFAULT_CAP, fixture.server().lobbies().openLobbiesCreatedBy(InetAddress.getLoopbackAddress()));
    }

    @Test
    void shouldNeverRefuseJoiningALobbyThatExists() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config());
        createLobbies("mine-", DEFAULT_CAP);
        assertCreationRefused("mine-4", 0);

        TestClient intoMine = fixture.joined("mine-2", "Guest");
        TestClient intoDefault = fixture.joined(null, "Regular");

        intoMine.awaitWorldUpdateAfter(0);
        intoDefault.awaitWorldUpdateAfter(0);
        assertEquals(2, fixture.server().lobbies().find("mine-2").lobby().playerCount(), "the creator and the guest");
    }

    @Test
    void shouldLetAnAddressCreateAgainOnceOneOfItsLobbiesRetired() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().lobbyIdleTimeout(Duration.ofSeconds(1)));
        List<Bystander> players = createLobbies("mine-", DEFAULT_CAP);
        assertCreationRefused("mine-4", 0);

        players.get(0).client().closeQuietly(); // mine-0 is empty now, and retires a second later
        ServerFixture.awaitCondition("mine-0 retired", Duration.ofSeconds(15),
                () -> fixture.server().lobbies().find("mine-0") == null);

        TestClient creator = fixture.joined("mine-4", "SecondChance");
        creator.awaitWorldUpdateAfter(0);
        assertTrue(fixture.lobbyNames().contains("mine-4"), "created once a place was free");
        assertCreationRefused("mine-5", 1); // and the cap holds again
    }

    @Test
    void shouldNotLimitLobbyCreationWhenTheCapIsZero() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().maxLobbiesPerAddress(0));
        createLobbies("many-", DEFAULT_CAP + 2);
        assertEquals(DEFAULT_CAP + 2, fixture.server().lobbies().openLobbiesCreatedBy(InetAddress.getLoopbackAddress()));
        assertEquals(0, fixture.server().metrics().disconnects("too_many_lobbies_from_address"));
    }
}
