package org.jetraiders.server.lobby;

import org.jetraiders.server.support.CrashedJournals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.ClientWorldState;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.ClientThreadPool;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.GameLoopPool;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.journal.JournalConfig;
import org.jetraiders.engine.journal.Journaler;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.journal.CrashRecovery;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lobby restored from its journal runs at the journal's tick rate, and so do the parts the server
 * builds around it (LobbyFactory.create): its output ring, its binary quantize stage and its JSON
 * encoders. Here a 30 Hz journal is restored by a lobby manager whose {@code --tick-rate} is 60.
 *
 * <p>A {@link org.jetraiders.server.GameServer} does not do that today: its {@link CrashRecovery}
 * skips a journal recorded at another rate (reason {@code tick_rate}, CrashRecoveryTest), so its
 * restored lobbies always tick at its own rate. These tests hand {@link LobbyManager} the find a 30 Hz
 * recovery makes, through the constructor GameServer uses, so that the factory's rule holds on its
 * own and stays right if recovery ever admits other rates.
 */
@Timeout(60)
class RestoredLobbyTickRateTest {
    private static final int JOURNAL_HZ = 30;
    private static final int SERVER_HZ = 60;
    private static final String LOBBY = "arena";
    private static final long ADA_KEY = 0x1111_2222_3333_4444L;
    /** Ticks recorded before the crash: more than one EVENTS record, so the crash leaves some. */
    private static final int TICKS = 100;

    @TempDir
    Path dir;

    private ClientThreadPool clientThreads;
    private GameLoopPool gameLoops;
    private LobbyManager lobbies;
    private ManagedLobby restored;
    private ClientSubscription subscription;

    @BeforeEach
    void restoreA30HzJournalIntoA60HzServer() throws Exception {
        Path journal = dir.resolve("journal");
        CrashedJournals.crash(record(journal));
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<CrashRecovery.Found> found = new CrashRecovery(journal, JOURNAL_HZ,
                (file, reason) -> failures.put(file.toString(), reason)).scan();
        assertEquals(Map.of(), failures);
        assertEquals(1, found.size(), "the crashed 30 Hz journal");

        ServerConfig config = ServerFixture.config().tickRateHz(SERVER_HZ).build();
        clientThreads = ClientThreadPool.create("test-clients", 1, Duration.ofSeconds(1));
        gameLoops = GameLoopPool.create("test-loops", 1);
        lobbies = new LobbyManager(config, clientThreads, gameLoops, new ServerMetrics(), null, found);
        restored = lobbies.find(LOBBY);
        assertNotNull(restored, "the lobby restored");
        assertEquals(JOURNAL_HZ, restored.lobby().config().tickRateHz(), "the engine lobby ticks at its journal's rate");
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.detach();
        }
        if (lobbies != null) {
            lobbies.close();
        }
        if (gameLoops != null) {
            gameLoops.close();
        }
        if (clientThreads != null) {
            clientThreads.close();
        }
    }

    @Test
    void shouldSizeTheRestoredLobbysOutputRingForHalfASecondAtItsJournalsTickRate() {
        assertEquals(LobbyManager.outputRingSize(JOURNAL_HZ), restored.lobby().config().outputRingSize(),
                "16 slots: half a second at 30 Hz, not the 32 of the server's 60 Hz");
        // the server's own fresh lobby, beside it, is sized for the server's rate
        assertEquals(LobbyManager.outputRingSize(SERVER_HZ), lobbies.defaultLobby().lobby().config().outputRingSize());
    }

    @Test
    void shouldPlaceABinaryClientsProjectilesWhereTheRestoredLobbyHasThem() throws Exception {
        // A binary client moves a projectile from its spawn record: origin + v * age / the frame's
        // tickRate. The frame's tickRate is the engine lobby's (30); the origin comes from the lobby's
        // quantize stage, which must have taken the age in seconds at that same rate.
        BinaryQuantizeStage stage = restored.binaryStage();
        stage.markInUse(); // as a binary connection does: the stage quantizes every snapshot from now on
        Queue<String> misplaced = new ConcurrentLinkedQueue<>();
        AtomicInteger checked = new AtomicInteger();
        int tickRate = restored.lobby().config().tickRateHz();
        subscription = restored.lobby().attach(new ClientSink() {
            final BinaryClientEncoder encoder = new BinaryClientEncoder(BinaryMode.DELTA, tickRate);
            final BinarySnapshotDecoder client = new BinarySnapshotDecoder();
            final EncodedBuffer frame = new EncodedBuffer(1024);

            @Override
            public void onSnapshot(Snapshot s) {
                // nothing acknowledged: a full frame, every live projectile in it as a spawn record
                encoder.encode(stage, s, 0, 0, frame);
                if (client.decode(frame.array(), 0, frame.length()) != DecodeResult.OK) {
                    misplaced.add("tick " + s.tick() + ": the frame did not decode");
                    return;
                }
                ClientWorldState seen = client.latest();
                for (int j = 0; j < s.projectileCount(); j++) {
                    long age = s.tick() - s.projectileSpawnTick(j);
                    if (age < 1) {
                        continue; // at age 0 the origin is the position, whatever the rate
                    }
                    int i = indexOfProjectile(seen, s.projectileId(j));
                    if (i < 0) {
                        misplaced.add("tick " + s.tick() + ": projectile " + s.projectileId(j) + " missing from the frame");
                        continue;
                    }
                    double off = Math.hypot(seen.projectileX(i) - s.projectileX(j), seen.projectileY(i) - s.projectileY(j));
                    if (off > 0.5) { // quantization costs an eighth of a pixel; a wrong rate, 500 px/s x age x (1/30 - 1/60)
                        misplaced.add(String.format("tick %d: projectile %d (age %d) %.2f px from where the lobby has it",
                                s.tick(), s.projectileId(j), age, off));
                    }
                    checked.incrementAndGet();
                }
            }
        });
        try {
            int gunner = restored.lobby().join("gunner");
            assertTrue(gunner > 0, "joined: " + gunner);
            restored.lobby().submitInput(gunner, 0, 0, true, 1); // held: it fires every shot cooldown
            ServerFixture.awaitCondition("projectiles aged 1 tick or more in 20 frames",
                    Duration.ofSeconds(20), () -> checked.get() >= 20 || !misplaced.isEmpty());
            assertEquals(List.of(), new ArrayList<>(misplaced));
        } finally {
            stage.release();
        }
    }

    @Test
    void shouldResendTheRestoredLobbysUnchangedScoreboardEverySecondOfItsOwnTicks() throws Exception {
        // Ticks between two scoreboards with the same scores and every tick between them delivered:
        // the encoder's "unchanged, but a second has passed" resend, a second being its tick rate.
        List<Long> gaps = new CopyOnWriteArrayList<>();
        subscription = restored.lobby().attach(new ClientSink() {
            long previousSequence = -1;
            long previousTick = -1;
            long boardTick = -1; // the last scoreboard since an unbroken run of ticks began, or -1
            long boardVersion;

            @Override
            public void onSnapshot(Snapshot s) {
                if (s.sequence() != previousSequence + 1 || s.tick() != previousTick + 1) {
                    boardTick = -1; // a skipped snapshot or tick may have held a scoreboard
                }
                previousSequence = s.sequence();
                previousTick = s.tick();
                if (s.encoded(WireEncodings.JSON_SCOREBOARD).length() == 0) {
                    return;
                }
                if (boardTick >= 0 && s.scoresVersion() == boardVersion) {
                    gaps.add(s.tick() - boardTick);
                }
                boardTick = s.tick();
                boardVersion = s.scoresVersion();
            }

            @Override
            public void onLagged(long missed) {
                boardTick = -1;
            }
        });
        ServerFixture.awaitCondition("two resends of an unchanged scoreboard", Duration.ofSeconds(20),
                () -> gaps.size() >= 2);
        assertEquals(List.of((long) JOURNAL_HZ, (long) JOURNAL_HZ), gaps.subList(0, 2),
                "an unchanged scoreboard is resent every 30 ticks: a second at the lobby's 30 Hz");
    }

    private static int indexOfProjectile(ClientWorldState state, int id) {
        for (int i = 0; i < state.projectileCount(); i++) {
            if (state.projectileId(i) == id) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Records a hand-ticked 30 Hz lobby (ada, with a key, flying without shooting: no score changes)
     * for {@link #TICKS} ticks, then stops it. Returns its journal file.
     */
    private static Path record(Path journal) throws Exception {
        try (Journaler journaler = Journaler.start(JournalConfig.builder(journal).build())) {
            Lobby lobby = Lobby.create(LobbyConfig.builder().name(LOBBY).tickRateHz(JOURNAL_HZ).autoTick(false)
                    .journaler(journaler).build());
            lobby.start();
            int ada = lobby.join("ada", ADA_KEY);
            for (int t = 1; t <= TICKS; t++) {
                lobby.submitInput(ada, 1, t % 50 < 25 ? 0.5 : -0.5, false, t);
                lobby.tickNow();
                if (t % 50 == 0) {
                    // read, not recorded: a read that finds only this TICK is recorded with the next input
                    long target = t;
                    ServerFixture.awaitCondition("tick " + target + " read", () -> lobby.journal().readTick() >= target);
                }
            }
            lobby.stop(Duration.ofSeconds(5));
        }
        return CrashedJournals.onlyFile(journal.resolve(LOBBY));
    }
}
