package org.jetraiders.server.lobby;

import java.net.InetAddress;
import org.jetraiders.engine.ClientThreadPool;
import org.jetraiders.engine.GameLoopPool;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.journal.Journaler;
import org.jetraiders.engine.journal.RestorePoint;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.metrics.RecentTicks;
import org.jetraiders.server.metrics.ServerMetrics;
import org.jetraiders.server.metrics.TickRecorder;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;

/**
 * Builds and starts one server lobby: the engine lobby with the server's rules, ring sizes, encoders,
 * thread pools, tick recorder and journal, wrapped in its {@link ManagedLobby}. Fresh lobbies get
 * their seed from the server's and their place in the order of creation; restored ones keep their
 * journal's rules, seed and tick. Whether a lobby may be made, and where it is kept, is
 * {@link LobbyManager}'s.
 *
 * <p>Threads: the thread that opens the lobby: the main thread at startup (the default lobby, and
 * those crash recovery restores), the WebSocket selector thread when a Join creates one, the
 * {@code jr-agones} thread when a matchmaker opens one. The creation count is guarded by the
 * manager's creation lock, which the manager hands in: it numbers the lobbies in the order that lock
 * lets them be made.
 */
final class LobbyFactory {
    /**
     * How long a stretch of snapshots a lobby's output ring holds for its clients (see
     * {@link #outputRingSize}).
     */
    static final double OUTPUT_RING_SECONDS = 0.5;
    /**
     * Input events a lobby buffers between two ticks: its players send at most 2 inputs a tick each
     * (the rate limit's 120/s), so 1,024 holds 8 ticks of a full 64-player lobby; the engine's 4,096
     * would be 3 MB of events per lobby for nothing.
     */
    private static final int INPUT_RING_SIZE = 1024;

    private final ServerConfig config;
    private final ClientThreadPool clientThreads;
    private final GameLoopPool gameLoops;
    private final ServerMetrics metrics;
    private final Journaler journaler;
    private final Object createLock;
    /** Lobbies made so far (under createLock): spreads their seeds. */
    private long createdCount;

    /**
     * @param journaler records every lobby (docs/JOURNAL.md); null records none
     * @param createLock the manager's creation lock, which also guards the creation count
     */
    LobbyFactory(ServerConfig config, ClientThreadPool clientThreads, GameLoopPool gameLoops, ServerMetrics metrics,
                 Journaler journaler, Object createLock) {
        this.config = config;
        this.clientThreads = clientThreads;
        this.gameLoops = gameLoops;
        this.metrics = metrics;
        this.journaler = journaler;
        this.createLock = createLock;
    }

    /**
     * The slots of a lobby's output ring at this tick rate: half a second of snapshots, rounded up to
     * a power of two, and at least 16 (32 at 60 Hz). Every slot holds a full copy of the world, its
     * quantized state and its encodings, some 45 KB in a 16-player battle, so the ring is most of a
     * lobby's memory: at 256 clients in 17 lobbies, in three alternating runs, the server's peak RSS
     * was 167-177 MiB with 64 slots (the engine's default) and 149-151 MiB with 32 (BENCHMARKS.md,
     * 2026-12-01).
     *
     * <p>Half a second is still far more than the ring has to cover: a client skips stale snapshots
     * once it is 8 behind, the binary deltas' baselines are a few ticks old at the round trips players
     * have (an older one costs a full frame, not an error), and the server's sinks never block on a
     * socket. What it gives up: a consumer stalled mid-call for longer than the ring (its thread
     * descheduled for half a second) now makes its lobby skip ticks until it resumes or the 1 s sink
     * watchdog cuts it off; with 64 slots the watchdog always came first.
     */
    static int outputRingSize(int tickRateHz) {
        int ticks = (int) Math.ceil(tickRateHz * OUTPUT_RING_SECONDS);
        return Math.max(16, Integer.highestOneBit(Math.max(1, ticks - 1)) << 1);
    }

    /** @param restoreFrom the world to start from (its journal's rules, seed and tick), or null for a fresh lobby */
    ManagedLobby create(String name, InetAddress creator, boolean permanent, RestorePoint restoreFrom) {
        long seed;
        synchronized (createLock) {
            seed = config.seed() + 0x9E3779B97F4A7C15L * createdCount++;
        }
        // a restored lobby keeps its journal's tick rate, whatever this server's --tick-rate is
        int tickRateHz = restoreFrom != null ? restoreFrom.header().tickRateHz() : config.tickRateHz();
        int ringSize = outputRingSize(tickRateHz);
        // one quantized state per output-ring slot: the ring's gating is what makes reading them safe
        BinaryQuantizeStage binaryStage = new BinaryQuantizeStage(ringSize, tickRateHz);
        JsonWorldUpdateEncoder jsonWorld = JsonWorldUpdateEncoder.onDemand();
        TickRecorder ticks = new TickRecorder(metrics.tickDurations(), new RecentTicks());
        LobbyConfig.Builder builder = restoreFrom != null ? restoreFrom.configure(LobbyConfig.builder())
                : LobbyConfig.builder()
                        .name(name)
                        .tickRateHz(config.tickRateHz())
                        .tuning(Tuning.defaults().toBuilder()
                                .matchSeconds(config.matchSeconds())
                                .countdownSeconds(config.countdownSeconds())
                                .build())
                        .seed(seed)
                        .maxPlayers(config.maxPlayersPerLobby());
        LobbyConfig lobbyConfig = builder
                .outputRingSize(ringSize)
                .inputRingSize(INPUT_RING_SIZE)
                .maxLagTime(config.slowClientTimeout())
                .encoders(WireEncodings.encoders(jsonWorld, binaryStage, tickRateHz))
                .clientThreads(clientThreads)
                .gameLoops(gameLoops)
                .tickObserver(ticks)
                .journaler(journaler)
                .build();
        Lobby lobby = Lobby.create(lobbyConfig);
        lobby.start();
        return new ManagedLobby(lobby, binaryStage, jsonWorld, ticks.recent(), creator, permanent, System.nanoTime(),
                config.reconnectGrace().toNanos());
    }
}
