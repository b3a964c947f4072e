package org.jetraiders.engine;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jetraiders.engine.journal.Journaler;
import org.jetraiders.engine.journal.RestorePoint;

/**
 * Everything a lobby is built from. Immutable; {@link Builder#build()} checks every value and names the
 * first bad one. Defaults suit a public 60 Hz lobby of up to 64 players.
 */
public final class LobbyConfig {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final String name;
    private final int tickRateHz;
    private final Tuning tuning;
    private final long seed;
    private final int maxPlayers;
    private final int inputRingSize;
    private final int outputRingSize;
    private final int maxLagSnapshots;
    private final Duration maxLagTime;
    private final Duration sinkBlockTimeout;
    private final List<SnapshotEncoder> encoders;
    private final ClientThreadPool clientThreads;
    private final GameLoopPool gameLoops;
    private final boolean autoTick;
    private final TickObserver tickObserver;
    private final Journaler journaler;
    private final RestorePoint restorePoint;

    private LobbyConfig(Builder b) {
        name = b.name;
        tickRateHz = b.tickRateHz;
        tuning = b.tuning;
        seed = b.seed;
        maxPlayers = b.maxPlayers;
        inputRingSize = b.inputRingSize;
        outputRingSize = b.outputRingSize;
        maxLagSnapshots = b.maxLagSnapshots;
        maxLagTime = b.maxLagTime;
        sinkBlockTimeout = b.sinkBlockTimeout;
        encoders = List.copyOf(b.encoders);
        clientThreads = b.clientThreads;
        gameLoops = b.gameLoops;
        autoTick = b.autoTick;
        tickObserver = b.tickObserver;
        journaler = b.journaler;
        restorePoint = b.restorePoint;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Lobby name; used in the names of private pools' threads ({@code jr-<name>-game-loop-0}). Default {@code main}. */
    public String name() { return name; }
    /** Simulation ticks per second. Default 60. */
    public int tickRateHz() { return tickRateHz; }
    /** Game rule numbers. Default {@link Tuning#defaults()}. */
    public Tuning tuning() { return tuning; }
    /** Seed of the lobby's random generator; same seed and inputs give the same game. */
    public long seed() { return seed; }
    /** Players the lobby accepts. Default 64. */
    public int maxPlayers() { return maxPlayers; }
    /** Slots of the multi-producer input ring (power of two). Default 4096. */
    public int inputRingSize() { return inputRingSize; }
    /** Slots of the output (snapshot) ring (power of two). Default 64. */
    public int outputRingSize() { return outputRingSize; }
    /** A consumer further behind than this skips to the newest snapshot. Default 8. */
    public int maxLagSnapshots() { return maxLagSnapshots; }
    /** A consumer that falls behind (skips) and does not catch up with the newest snapshot for longer than this is detached as too slow. Default 5 s. */
    public Duration maxLagTime() { return maxLagTime; }
    /** A sink call blocking longer than this gets its consumer cut off. Default 1 s. Used for a private pool. */
    public Duration sinkBlockTimeout() { return sinkBlockTimeout; }
    /** Encoders run once per snapshot on the encoding stage, in this order. Default none. */
    public List<SnapshotEncoder> encoders() { return encoders; }
    /** Shared consumer threads, or null for a private one-thread pool owned by the lobby. */
    public ClientThreadPool clientThreads() { return clientThreads; }
    /** Shared game-loop threads, or null for a private one-thread pool owned by the lobby. */
    public GameLoopPool gameLoops() { return gameLoops; }
    /** Whether the game-loop thread ticks the lobby at {@link #tickRateHz()}; false means only {@link Lobby#tickNow()}. */
    public boolean autoTick() { return autoTick; }
    /** Told the duration of every tick, on the game-loop thread. Default {@link TickObserver#NONE}. */
    public TickObserver tickObserver() { return tickObserver; }

    /** Records the lobby into journal files (docs/JOURNAL.md), or null (default) for none. */
    public Journaler journaler() { return journaler; }
    /** The world the lobby starts from (crash recovery), or null (default) for a fresh world. */
    public RestorePoint restorePoint() { return restorePoint; }

    /** Duration of one tick in nanoseconds. */
    public long tickPeriodNanos() {
        return 1_000_000_000L / tickRateHz;
    }

    public Builder toBuilder() {
        return new Builder()
                .name(name).tickRateHz(tickRateHz).tuning(tuning).seed(seed).maxPlayers(maxPlayers)
                .inputRingSize(inputRingSize).outputRingSize(outputRingSize).maxLagSnapshots(maxLagSnapshots)
                .maxLagTime(maxLagTime).sinkBlockTimeout(sinkBlockTimeout).encoders(encoders)
                .clientThreads(clientThreads).gameLoops(gameLoops).autoTick(autoTick).tickObserver(tickObserver)
                .journaler(journaler).restoreFrom(restorePoint);
    }

    public static final class Builder {
        private String name = "main";
        private int tickRateHz = 60;
        private Tuning tuning = Tuning.defaults();
        private long seed = 0x5EED_1E75L;
        private int maxPlayers = 64;
        private int inputRingSize = 4096;
        private int outputRingSize = 64;
        private int maxLagSnapshots = 8;
        private Duration maxLagTime = Duration.ofSeconds(5);
        private Duration sinkBlockTimeout = Duration.ofSeconds(1);
        private List<SnapshotEncoder> encoders = List.of();
        private ClientThreadPool clientThreads;
        private GameLoopPool gameLoops;
        private boolean autoTick = true;
        private TickObserver tickObserver = TickObserver.NONE;
        private Journaler journaler;
        private RestorePoint restorePoint;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder tickRateHz(int hz) { this.tickRateHz = hz; return this; }
        public Builder tuning(Tuning tuning) { this.tuning = tuning; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder maxPlayers(int n) { this.maxPlayers = n; return this; }
        public Builder inputRingSize(int slots) { this.inputRingSize = slots; return this; }
        public Builder outputRingSize(int slots) { this.outputRingSize = slots; return this; }
        public Builder maxLagSnapshots(int n) { this.maxLagSnapshots = n; return this; }
        public Builder maxLagTime(Duration d) { this.maxLagTime = d; return this; }
        public Builder sinkBlockTimeout(Duration d) { this.sinkBlockTimeout = d; return this; }
        public Builder encoders(List<SnapshotEncoder> encoders) { this.encoders = encoders; return this; }
        public Builder clientThreads(ClientThreadPool pool) { this.clientThreads = pool; return this; }
        public Builder gameLoops(GameLoopPool pool) { this.gameLoops = pool; return this; }
        public Builder autoTick(boolean autoTick) { this.autoTick = autoTick; return this; }
        public Builder tickObserver(TickObserver observer) { this.tickObserver = observer; return this; }
        public Builder journaler(Journaler journaler) { this.journaler = journaler; return this; }
        /** Start from a restored world; {@link RestorePoint#configure} also sets what must match it. */
        public Builder restoreFrom(RestorePoint point) { this.restorePoint = point; return this; }

        /** @throws IllegalArgumentException naming the first invalid value */
        public LobbyConfig build() {
            require(name != null && NAME.matcher(name).matches(),
                    "name must be 1-32 characters of [A-Za-z0-9_.-], was " + name);
            require(tickRateHz >= 1 && tickRateHz <= 1000, "tickRateHz must be in [1, 1000], was " + tickRateHz);
            require(tuning != null, "tuning must not be null");
            require(maxPlayers >= 1 && maxPlayers <= 10_000, "maxPlayers must be in [1, 10000], was " + maxPlayers);
            require(isPowerOfTwo(inputRingSize) && inputRingSize >= 64,
                    "inputRingSize must be a power of two >= 64, was " + inputRingSize);
            require(isPowerOfTwo(outputRingSize) && outputRingSize >= 4,
                    "outputRingSize must be a power of two >= 4, was " + outputRingSize);
            require(maxLagSnapshots >= 1 && maxLagSnapshots < outputRingSize,
                    "maxLagSnapshots must be in [1, outputRingSize), was " + maxLagSnapshots);
            requirePositive("maxLagTime", maxLagTime);
            requirePositive("sinkBlockTimeout", sinkBlockTimeout);
            require(encoders != null, "encoders must not be null");
            require(tickObserver != null, "tickObserver must not be null");
            for (SnapshotEncoder e : encoders) {
                require(e != null, "encoders must not contain null");
            }
            if (restorePoint != null) {
                var h = restorePoint.header();
                require(h.tickRateHz() == tickRateHz && h.maxPlayers() == maxPlayers && h.tuning().equals(tuning),
                        "tickRateHz, maxPlayers and tuning must be the restored journal's (use RestorePoint.configure)");
            }
            return new LobbyConfig(this);
        }

        private static boolean isPowerOfTwo(int n) {
            return n > 0 && Integer.bitCount(n) == 1;
        }

        private static void requirePositive(String name, Duration d) {
            require(d != null && !d.isNegative() && !d.isZero(), name + " must be > 0, was " + d);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
