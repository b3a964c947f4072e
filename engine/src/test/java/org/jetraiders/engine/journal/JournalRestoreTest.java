package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.MatchScript;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.SnapshotCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery's engine half: a lobby restored from a journal cut off mid-match (a torn last record,
 * as a crash leaves it) goes on exactly as the lobby that never crashed.
 */
@Timeout(60)
class JournalRestoreTest {
    private static final int PLAYERS = 5;
    private static final long TOTAL_TICKS = 1200;
    private static final long CRASH_TICKS = 900;

    @TempDir
    Path dir;

    /** One long match, so the journal is one file. */
    private static LobbyConfig.Builder lobby(String name) {
        return MatchScript.lobby(name, 42).tuning(Tuning.builder().bounds(-150, 150, -100, 100).countdownSeconds(1)
                .matchSeconds(60).matchEndPauseSeconds(1).build());
    }

    @Test
    void shouldGoOnFromATornJournalExactlyAsTheLobbyThatNeverCrashed() throws Exception {
        List<MatchScript.Op> script = MatchScript.generate(11, PLAYERS, (int) TOTAL_TICKS);
        List<SnapshotCopy> reference = playFresh(script);

        Path journal = recordUntilCrash(script);
        Path crashed = cutAfterAnEventsRecord(journal, 0.6, dir.resolve("crashed.jrj"));

        RestorePoint point = Replay.restore(crashed);
        long r = point.tick();
        assertTrue(point.report().torn(), "the cut record is a torn tail");
        assertNull(point.report().divergence());
        assertTrue(r > 300 && r < CRASH_TICKS, "restored mid-match, at " + r);
        assertTrue(r - point.report().startTick() <= 120, "at most one snapshot interval re-simulated: "
                + point.report().startTick() + " -> " + r);
        assertEquals(players(reference.get((int) r - 1)), point.scores(), "the restored players and scores");
        assertKeysAsJoined(point);

        Lobby restored = Lobby.create(point.configure(lobby("ignored")).build());
        restored.start();
        try {
            assertEquals(r, restored.tick(), "a restored lobby reports the restored tick");
            assertEquals(point.players().size(), restored.playerCount());
            RecordingSink sink = new RecordingSink();
            restored.attach(sink);
            MatchScript.Runner runner = new MatchScript.Runner(script);
            runner.skipThroughTick(r);
            runner.playUntil(restored, TOTAL_TICKS, t -> {
                if (t % 100 == 0) {
                    sink.awaitTick(t);
                }
            });
            sink.awaitTick(TOTAL_TICKS);
            List<SnapshotCopy> after = sink.snapshots();
            assertEquals(TOTAL_TICKS - r, after.size());
            for (SnapshotCopy s : after) {
                SnapshotCopy expected = reference.get((int) s.tick - 1);
                if (!s.sameWorldAs(expected)) {
                    throw new AssertionError("tick " + s.tick + " differs from the lobby that never crashed");
                }
            }
        } finally {
            restored.stop(Await.LONG);
        }
        assertThrows(IllegalStateException.class, point::takeWorld, "a restore point backs one lobby only");
    }

    @Test
    void shouldRefuseALobbyWhoseRulesAreNotTheJournals() throws Exception {
        Path journal = recordUntilCrash(MatchScript.generate(3, 2, 300));
        RestorePoint point = Replay.restore(journal);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> point.configure(lobby("x"))
                .tuning(Tuning.defaults()).build());
        assertTrue(e.getMessage().contains("RestorePoint.configure"), e.getMessage());
        assertEquals(300, point.tick(), "a journal that ends with its lobby's stop restores to the stop");
    }

    private List<SnapshotCopy> playFresh(List<MatchScript.Op> script) throws Exception {
        Lobby lobby = Lobby.create(lobby("reference").build());
        lobby.start();
        try {
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            MatchScript.play(lobby, script, t -> {
                if (t % 100 == 0) {
                    sink.awaitTick(t);
                }
            });
            sink.awaitTick(TOTAL_TICKS);
            return sink.snapshots();
        } finally {
            lobby.stop(Await.LONG);
        }
    }

    /** Plays the script's first ticks (at most CRASH_TICKS) with a journal, one tick recorded before the next is played. */
    private Path recordUntilCrash(List<MatchScript.Op> script) throws Exception {
        Path root = dir.resolve("journal");
        // each tick waits until it is recorded: a 1 ms read beat keeps 900 of them from taking 900 beats
        try (Journaler journaler = Journaler.start(JournalConfig.builder(root).readInterval(java.time.Duration.ofMillis(1))
                .snapshotInterval(java.time.Duration.ofSeconds(2)).build())) {
            Lobby lobby = Lobby.create(lobby("crashing").journaler(journaler).build());
            lobby.start();
            // the journal reads each tick before the next is played (a read that finds only the TICK is
            // recorded with the next input: waiting for recordedTick could wait for an input not sent yet)
            new MatchScript.Runner(script).playUntil(lobby, CRASH_TICKS,
                    t -> Await.until(() -> lobby.journal().readTick() >= t, "journal to read tick " + t));
            lobby.stop(Await.LONG);
        }
        try (Stream<Path> files = Files.list(root.resolve("crashing"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "one match, one file: " + all);
            return all.get(0);
        }
    }

    /** A copy of the journal as a crash would leave it: whole up to an EVENTS record, then a torn one. */
    private static Path cutAfterAnEventsRecord(Path journal, double fraction, Path copy) throws Exception {
        long cut = -1;
        try (JournalReader reader = JournalReader.open(journal)) {
            while (reader.next()) {
                if (reader.type() == JournalDescriptor.RECORD_EVENTS && reader.recordOffset() > reader.size() * fraction) {
                    cut = reader.recordOffset();
                    break;
                }
            }
        }
        assertTrue(cut > 0);
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(copy, Arrays.copyOf(bytes, (int) cut + 5)); // five bytes of the next record survived
        return copy;
    }

    /** Every restored player has the id and name of its score and the client key its script player joined with. */
    private static void assertKeysAsJoined(RestorePoint point) {
        List<RestoredPlayer> players = point.players();
        assertEquals(point.scores().size(), players.size());
        int keyed = 0;
        for (int i = 0; i < players.size(); i++) {
            RestoredPlayer p = players.get(i);
            PlayerScore score = point.scores().get(i);
            assertEquals(new PlayerScore(p.id(), p.name(), p.kills(), p.deaths()), score);
            int scriptPlayer = p.name().equals("Zo\u00eb \u2708") ? 1 : Integer.parseInt(p.name().replaceAll("\\D", ""));
            assertEquals(MatchScript.keyOf(scriptPlayer), p.clientKey(), "the key " + p.name() + " joined with");
            keyed += p.clientKey() != 0 ? 1 : 0;
        }
        assertTrue(keyed >= 2, "most players joined with a key: " + players);
    }

    private static List<PlayerScore> players(SnapshotCopy s) {
        return java.util.stream.IntStream.range(0, s.planeCount)
                .mapToObj(i -> new PlayerScore(s.planeId(i), s.names().get(i), s.planeKills(i), s.planeDeaths(i)))
                .toList();
    }
}
