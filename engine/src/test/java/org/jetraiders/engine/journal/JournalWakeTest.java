package org.jetraiders.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.support.Await;
import org.jetraiders.engine.support.TestLobbies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal thread reads on its own beat, and a lobby whose unread events reach a quarter of its
 * input ring wakes it at once (so a busy lobby is read before publishers lap the journal). With a beat of
 * an hour, only that wake-up can get the bursts below read.
 *
 * <p>Each burst starts while the journal thread is parked with no wake-up pending
 * ({@code PassThread.isIdle}). Otherwise a pass still due from the previous wake-up (or from the
 * lobby's arrival) could read part of the burst while
 * the game loop applies it, leaving fewer than a quarter unread when the game loop checks: no wake-up
 * is due then, rightly (the journal is in no danger of being lapped), but the rest would wait for the
 * hour's beat. That overlap made this test time out about once in 60 runs on a loaded machine.
 */
@Timeout(60)
class JournalWakeTest {
    private static final int RING = 64;

    @TempDir
    Path dir;

    @Test
    void shouldReadALobbyWhoseUnreadEventsReachAQuarterOfItsRingWithoutWaitingForTheBeat() throws Exception {
        try (Journaler journaler = Journaler.start(JournalConfig.builder(dir).readInterval(Duration.ofHours(1))
                .wallClock(() -> 0).build())) {
            Lobby lobby = Lobby.create(TestLobbies.manual("burst").inputRingSize(RING).journaler(journaler).build());
            lobby.start();
            int id = lobby.join("p", 0);
            long seq = 0;
            for (int round = 1; round <= 2; round++) {
                Await.until(() -> journaler.reader().isIdle(), "the journal thread parked, no wake-up pending");
                for (int i = 0; i < RING / 4; i++) {
                    assertEquals(InputResult.ACCEPTED, lobby.submitInput(id, 1, 0, false, ++seq));
                }
                long target = TestLobbies.tick(lobby, 1);
                Await.until(() -> lobby.journal().readTick() >= target, () -> "journal read to tick "
                        + lobby.journal().readTick() + ", the lobby at " + target);
            }
            lobby.stop(Await.LONG);
            assertEquals(0, lobby.journal().breaks(), "never lapped");
        }
    }
}
