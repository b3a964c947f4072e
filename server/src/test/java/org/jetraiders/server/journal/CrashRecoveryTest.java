package org.jetraiders.server.journal;

import org.jetraiders.server.support.CrashedJournals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.journal.JournalConfig;
import org.jetraiders.engine.journal.JournalDescriptor;
import org.jetraiders.engine.journal.Journaler;
import org.jetraiders.engine.journal.RestoredPlayer;
import org.jetraiders.server.GameServer;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.lobby.ManagedLobby;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up crash recovery: the newest journal of each lobby that did not end is restored (its players
 * by id, name and key); one that ended is left alone; a foreign, old-version, corrupt or other-tick-rate
 * journal is skipped, reported with its reason, and never stops the server from starting. A server
 * built on such a data directory runs the restored lobbies with their keyed players held for the grace.
 */
@Timeout(60)
class CrashRecoveryTest {
    private static final long ADA_KEY = 0x1111_2222_3333_4444L;
    private static final long BO_KEY = -7;
    private static final int TICKS = 200;

    @TempDir
    Path dir;

    private final Map<String, Integer> failures = new TreeMap<>();

    private CrashRecovery recovery(Path journal) {
        return new CrashRecovery(journal, 60, (file, reason) -> failures.merge(reason, 1, Integer::sum));
    }

    @Test
    void shouldRestoreTheNewestJournalThatDidNotEndWithItsPlayersAndKeys() throws Exception {
        Path journal = dir.resolve("journal");
        Path crashed = CrashedJournals.crash(record(journal, "arena", 60));

        List<CrashRecovery.Found> found = recovery(journal).scan();

        assertEquals(Map.of(), failures);
        assertEquals(1, found.size());
        CrashRecovery.Found arena = found.get(0);
        assertEquals("arena", arena.lobby());
        assertEquals(crashed, arena.file());
        assertTrue(arena.point().tick() > TICKS / 2 && arena.point().tick() <= TICKS, "tick " + arena.point().tick());
        assertNull(arena.point().report().divergence());
        assertEquals(List.of("ada:" + ADA_KEY, "bo:" + BO_KEY, "bot:0"), arena.point().players().stream()
                .map(p -> p.name() + ":" + p.clientKey()).toList());
        assertEquals(List.of(1, 2, 3), arena.point().players().stream().map(RestoredPlayer::id).toList());
    }

    @Test
    void shouldLeaveALobbyWhoseJournalEndedAlone() throws Exception {
        Path journal = dir.resolve("journal");
        record(journal, "stopped", 60); // the lobby stopped: its file ends with END

        assertEquals(List.of(), recovery(journal).scan());
        assertEquals(Map.of(), failures, "an ended journal is not a failure");
    }

    @Test
    void shouldSkipAndCountForeignOldCorruptAndOtherRateJournalsWithoutThrowing() throws Exception {
        Path journal = dir.resolve("journal");
        Files.createDirectories(journal.resolve("foreign"));
        Files.writeString(journal.resolve("foreign").resolve("20261130T000000Z-1.jrj"), "GIF89a not a journal");
        Files.createDirectories(journal.resolve("old"));
        Files.copy(Path.of(System.getProperty("basedir", "."), "..", "engine", "src", "test", "resources", "journal",
                "golden-v1.jrj"), journal.resolve("old").resolve("20251201T000000Z-1.jrj"));
        Path corrupt = CrashedJournals.crash(record(journal, "corrupt", 60));
        byte[] bytes = Files.readAllBytes(corrupt);
        bytes[JournalDescriptor.PREAMBLE_BYTES + 4] ^= 1; // inside the header: its CRC fails
        Files.write(corrupt, bytes);
        CrashedJournals.crash(record(journal, "slow", 30));
        CrashedJournals.crash(record(journal, "fine", 60));

        List<CrashRecovery.Found> found = recovery(journal).scan();

        assertEquals(List.of("fine"), found.stream().map(CrashRecovery.Found::lobby).toList());
        assertEquals(Map.of("corrupt", 1, "foreign", 1, "tick_rate", 1, "version", 1), failures);
    }

    @Test
    void shouldPickOnlyTheNewestFileOfALobby() throws Exception {
        Path journal = dir.resolve("journal");
        Path older = CrashedJournals.crash(record(journal, "arena", 60));
        Path newer = older.resolveSibling("29991231T235959Z-1.jrj"); // a later start: the newest
        Files.writeString(newer, "not a journal");

        assertEquals(List.of(), recovery(journal).scan());
        assertEquals(Map.of("foreign", 1), failures, "the newest file decides, unreadable or not");
    }

    @Test
    void shouldStartTheServerWithTheRestoredLobbiesTheirKeyedPlayersHeldAndTheBotRemoved() throws Exception {
        ServerConfig.Builder config = ServerFixture.config();
        Path journal = config.journal().journalDirectory();
        CrashedJournals.crash(record(journal, "main", 60));
        CrashedJournals.crash(record(journal, "arena", 60));
        Files.createDirectories(journal.resolve("junk"));
        Files.writeString(journal.resolve("junk").resolve("20261130T000000Z-1.jrj"), "junk");

        GameServer server = new GameServer(config.build());
        try {
            assertEquals(2, server.metrics().lobbiesRestored());
            assertEquals(4, server.metrics().playersRestored(), "ada and bo of both lobbies; bots have no key");
            assertEquals(Map.of("foreign", 1L), server.metrics().restoreFailuresByReason());
            for (String name : List.of("main", "arena")) {
                ManagedLobby lobby = server.lobbies().find(name);
                assertNotNull(lobby, name);
                assertTrue(lobby.lobby().tick() > TICKS / 2, name + " goes on from the restored tick");
                assertEquals(2, lobby.seats().held(), "ada and bo wait for their clients");
                assertEquals(2, lobby.occupants(), "a held seat keeps its place in the lobby");
                ServerFixture.awaitCondition("the bot's plane removed from " + name, () -> lobby.lobby().playerCount() == 2);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void shouldRestoreNothingWithRecoverFalse() throws Exception {
        ServerConfig.Builder config = ServerFixture.config();
        CrashedJournals.crash(record(config.journal().journalDirectory(), "arena", 60));
        config.journal(config.journal().withRecover(false));

        GameServer server = new GameServer(config.build());
        try {
            assertNull(server.lobbies().find("arena"));
            assertEquals(0, server.metrics().lobbiesRestored());
        } finally {
            server.stop();
        }
    }

    /**
     * Records a hand-ticked lobby (ada and bo with keys, a bot without) for {@link #TICKS} ticks, then
     * stops it: its file ends with the STOP and END records. Returns the file.
     */
    private static Path record(Path journal, String name, int tickRateHz) throws Exception {
        try (Journaler journaler = Journaler.start(JournalConfig.builder(journal).build())) {
            Lobby lobby = Lobby.create(LobbyConfig.builder().name(name).tickRateHz(tickRateHz).autoTick(false)
                    .journaler(journaler).build());
            lobby.start();
            int ada = lobby.join("ada", ADA_KEY);
            lobby.join("bo", BO_KEY);
            lobby.join("bot");
            for (int t = 1; t <= TICKS; t++) {
                lobby.submitInput(ada, 1, t % 50 < 25 ? 0.5 : -0.5, t % 20 == 0, t);
                lobby.tickNow();
                if (t % 50 == 0) {
                    // read, not recorded: a read that finds only this TICK is recorded with the next input
                    long target = t;
                    ServerFixture.awaitCondition("tick " + target + " read", () -> lobby.journal().readTick() >= target);
                }
            }
            lobby.stop(java.time.Duration.ofSeconds(5));
        }
        return CrashedJournals.onlyFile(journal.resolve(name));
    }
}
