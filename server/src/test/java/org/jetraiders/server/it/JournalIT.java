package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.journal.JournalDescriptor;
import org.jetraiders.engine.journal.Replay;
import org.jetraiders.engine.journal.ReplayReport;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server journals every lobby under {@code --data-dir}: a match played by real clients replays
 * with every checksum matching, the journal's families are on /metrics, and {@code --journal false}
 * writes nothing.
 */
@Timeout(60)
class JournalIT {
    @Test
    void shouldJournalALobbyThatReplaysAsPlayedAndExportItsMetrics() throws Exception {
        ServerConfig.Builder config = ServerFixture.config();
        Path data = config.journal().dataDir();
        long lastTick;
        try (ServerFixture fixture = ServerFixture.start(config)) {
            TestClient ada = fixture.joined("recorded", "ada");
            TestClient bo = fixture.joined("recorded", "bo");
            for (int i = 1; i <= 90; i++) {
                ada.sendInput(1, i % 40 < 20 ? 1 : -1, i % 10 < 3, i);
                bo.sendInput(0.5, 0.25, true, i);
                Thread.sleep(16); // a client's input rate; the server ticks at 60 Hz meanwhile
            }
            lastTick = ada.awaitWorldUpdateAfter(ada.lastTick() + 60).get("tick").getAsLong();
            ServerFixture.awaitCondition("a journal file forced to disk", () -> fixture.server().metrics().journal().fsyncs() > 0);
            String metrics = fixture.get("/metrics").body();
            for (String family : List.of("jetraiders_journal_bytes_written_total", "jetraiders_journal_fsync_seconds_bucket",
                    "jetraiders_journal_files_deleted_total")) {
                assertTrue(metrics.contains(family), family);
            }
            assertTrue(fixture.server().metrics().journal().bytesWritten() > 0);
            assertEquals(0, fixture.server().lobbies().find("recorded").lobby().journal().breaks());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(data.resolve("journal").resolve("recorded"))) {
            files = s.toList();
        }
        assertEquals(1, files.size(), files.toString());
        ReplayReport r = Replay.of(files.get(0)).run();
        assertNull(r.divergence());
        assertFalse(r.torn());
        assertEquals(JournalDescriptor.END_STOPPED, r.endReason(), "the server stopped the lobby cleanly");
        assertTrue(r.endTick() >= lastTick, r.endTick() + " >= " + lastTick);
        assertTrue(r.checksums() >= lastTick / 60 - 1, r.checksums() + " checksums");
        ReplayReport playing = Replay.of(files.get(0)).to(lastTick).run();
        assertEquals(List.of("ada", "bo"), playing.scores().stream().map(PlayerScore::name).toList(),
                "players at tick " + lastTick + " in " + playing + "; the whole file: " + r);
    }

    @Test
    void shouldWriteNothingWithJournalingOff() throws Exception {
        ServerConfig.Builder config = ServerFixture.config();
        config.journal(config.journal().withEnabled(false));
        Path data = config.journal().dataDir();
        try (ServerFixture fixture = ServerFixture.start(config)) {
            fixture.joined("quiet", "ada").awaitWorldUpdateAfter(0);
        }
        assertFalse(Files.exists(data.resolve("journal")));
    }
}
