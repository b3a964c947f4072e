package org.jetraiders.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jetraiders.server.config.ServerOptions;
import org.junit.jupiter.api.Test;

/** {@code --data-dir} and the {@code --journal*} flags, their JR_* variables and defaults. */
class JournalOptionsTest {
    private static JournalSettings parse(Map<String, String> env, String... args) throws Exception {
        return ServerOptions.parse(args, env).config().journal();
    }

    @Test
    void shouldJournalIntoDataByDefault() throws Exception {
        JournalSettings j = parse(Map.of());
        assertEquals(JournalSettings.defaults(), j);
        assertTrue(j.enabled());
        assertEquals(Path.of("data", "journal"), j.journalDirectory());
        assertEquals(1024, j.retentionMb());
        assertEquals(Duration.ofSeconds(1), j.fsyncInterval());
        assertEquals(Duration.ofSeconds(5), j.snapshotInterval());
        assertEquals(256, j.bufferKb());
        assertTrue(j.recover() && j.recovers(), "crash recovery is on by default");
    }

    @Test
    void shouldTurnRecoveryOffByFlagOrVariableAndWithTheJournal() throws Exception {
        assertFalse(parse(Map.of(), "--recover", "false").recovers());
        assertFalse(parse(Map.of("JR_RECOVER", "false")).recovers());
        JournalSettings noJournal = parse(Map.of(), "--journal", "false");
        assertTrue(noJournal.recover());
        assertFalse(noJournal.recovers(), "nothing is restored without journaling");
        assertTrue(ServerOptions.help().contains("--recover"));
    }

    @Test
    void shouldTakeEveryJournalFlagAndItsVariable() throws Exception {
        assertEquals(new JournalSettings(false, Path.of("/srv/jr"), 10, Duration.ofMillis(200), Duration.ofSeconds(2), 512),
                parse(Map.of(), "--journal", "false", "--data-dir", "/srv/jr", "--journal-retention-mb", "10",
                        "--journal-fsync-ms", "200", "--journal-snapshot-seconds", "2", "--journal-buffer-kb", "512"));
        JournalSettings env = parse(Map.of("JR_DATA_DIR", "/var/lib/jr", "JR_JOURNAL", "false"));
        assertEquals(Path.of("/var/lib/jr"), env.dataDir());
        assertFalse(env.enabled());
        assertEquals(Path.of("/tmp/x"), parse(Map.of("JR_DATA_DIR", "/var/lib/jr"), "--data-dir", "/tmp/x").dataDir(),
                "the flag wins over the variable");
    }

    @Test
    void shouldRefuseValuesOutsideTheirRangesNamingTheFlag() {
        for (String[] bad : new String[][] {{"--journal-fsync-ms", "0"}, {"--journal-buffer-kb", "8"},
                {"--journal-snapshot-seconds", "0"}, {"--journal-retention-mb", "-1"}, {"--data-dir", " "}}) {
            ServerOptions.UsageException e = assertThrows(ServerOptions.UsageException.class,
                    () -> ServerOptions.parse(bad, Map.of()));
            assertTrue(e.getMessage().contains(bad[0].substring(2)), e.getMessage());
        }
    }

    @Test
    void shouldListTheJournalFlagsAndTheReplayCommandInHelp() {
        String help = ServerOptions.help();
        for (String flag : new String[] {"--data-dir", "--journal ", "--journal-retention-mb", "--journal-fsync-ms",
                "--journal-snapshot-seconds", "--journal-buffer-kb", "JR_DATA_DIR", " replay FILE"}) {
            assertTrue(help.contains(flag), flag);
        }
    }
}
