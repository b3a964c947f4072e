package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.MatchScript;
import org.jetraiders.engine.support.RecordingSink;
import org.jetraiders.engine.support.SnapshotCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live lobby recorded by a {@link Journaler} replays bit for bit: every file of it verifies all its
 * checksums and snapshots, and the replayed snapshot stream is the stream its clients got.
 */
@Timeout(60)
class JournalReplayTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplayEveryFileOfARecordedLobbyToTheSnapshotsItsClientsSaw() throws Exception {
        List<SnapshotCopy> live;
        Path root = dir.resolve("journal");
        try (Journaler journaler = Journaler.start(JournalConfig.builder(root).snapshotInterval(java.time.Duration.ofSeconds(2))
                .wallClock(() -> 0).build())) {
            Lobby lobby = Lobby.create(MatchScript.lobby("recorded", 42).journaler(journaler).build());
            lobby.start();
            RecordingSink sink = new RecordingSink();
            lobby.attach(sink);
            long ticks = MatchScript.play(lobby, MatchScript.generate(7, 6, 1500), t -> {
                if (t % 100 == 0) {
                    sink.awaitTick(t);
                    Await.until(() -> lobby.journal().recordedTick() >= t - 60, () -> "journal at "
                            + lobby.journal().recordedTick() + ", lobby at " + t);
                }
            });
            sink.awaitTick(ticks);
            live = sink.snapshots();
            assertEquals(ticks, live.size());
            lobby.stop(Await.LONG);
            assertTrue(lobby.journal().isClosed(), "the lobby's last file is closed when stop returns");
            assertEquals(0, lobby.journal().breaks());
        }

        List<Path> files;
        try (Stream<Path> s = Files.list(root.resolve("recorded"))) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 3, "matches of 6 s turn over into new files: " + files);
        List<SnapshotCopy> replayed = new ArrayList<>();
        long expectedStart = 0;
        for (int i = 0; i < files.size(); i++) {
            ReplayReport r = Replay.of(files.get(i))
                    .listener(s -> replayed.add(new SnapshotCopy(s, 0))).run();
            assertNull(r.divergence(), files.get(i) + ": " + r.divergence());
            assertFalse(r.torn(), files.get(i) + " is whole");
            assertEquals(expectedStart, r.startTick(), "each file starts where the previous ended");
            assertTrue(r.checksums() >= r.ticks() / 60 - 1, r.checksums() + " checksums in " + r.ticks() + " ticks");
            boolean last = i == files.size() - 1;
            assertEquals(last ? JournalDescriptor.END_STOPPED : JournalDescriptor.END_ROTATED, r.endReason());
            expectedStart = r.endTick();
        }
        assertEquals(live.size(), replayed.size(), "replayed ticks");
        for (int i = 0; i < live.size(); i++) {
            SnapshotCopy a = live.get(i);
            SnapshotCopy b = replayed.get(i);
            assertEquals(a.tick, b.tick);
            if (!sameState(a, b)) {
                throw new AssertionError("tick " + a.tick + ": live " + a + " vs replayed " + b);
            }
        }
    }

    private static boolean sameState(SnapshotCopy a, SnapshotCopy b) {
        return a.sameAs(b);
    }
}
