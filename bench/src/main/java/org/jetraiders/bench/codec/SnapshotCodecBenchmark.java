package org.jetraiders.bench.codec;

import java.util.concurrent.TimeUnit;
import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.sim.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding real snapshots for the wire: the server's JSON encoder, its binary encoder in each of its
 * three modes, and reflective Gson as the baseline, in one run, so the result is a ratio.
 *
 * <p><b>Snapshots.</b> The trial setup steps a {@link BattleScenario} world ({@code size} =
 * {@code <planes>x<projectiles>}) to its steady state and records {@value #RECORDED_TICKS} consecutive
 * ticks into {@code SnapshotEvent}s with {@code copyFrom}, as the game loop does; operations walk through
 * them in order and wrap around: at the wrap the tick goes back, so a binary delta encoder sends full
 * frames for about {@value #ACK_LAG_TICKS} + 1 of every {@value #RECORDED_TICKS} frames (under 1%).
 * Each plane is one client: {@code clients = planes}; each client acknowledges frames
 * {@value #ACK_LAG_TICKS} ticks (50 ms) after they were built, as docs/PROTOCOL.md's bandwidth table.
 *
 * <p><b>Operations.</b>
 * <ul>
 *   <li>{@link #encodeShared}: the once-per-tick work for all clients, on the encoding stage: the next
 *       snapshot into its slot's {@link EncodedBuffer}. The binary protocol has no shared stage: it
 *       returns 0 at once there (so measure {@code encodeShared} with {@code -p codec=json,gson}).</li>
 *   <li>{@link #encodeClient}: the once-per-tick work for <em>one</em> client, on its consumer thread:
 *       the next client's frame (for JSON, the shared bytes with this client's {@code "ack"} spliced
 *       in). The setup encoded every recorded snapshot's shared part already; clients take turns, and
 *       after the last one the next snapshot comes. Per tick a lobby costs
 *       {@code encodeShared + clients × encodeClient}.</li>
 * </ul>
 *
 * <p><b>Codecs</b> ({@code codec}, see {@link WireCodec#create}): {@code json} is the server's
 * {@code JsonWorldUpdateEncoder} + {@code JsonWorldUpdateFrame.withAck}; {@code gson} is the baseline:
 * a DTO tree, reflective {@code Gson.toJson} and {@code getBytes(UTF_8)}
 * ({@link GsonReflectiveWireCodec}); {@code binary-quantized}, {@code binary-events} and
 * {@code binary-delta} are one {@code BinaryClientEncoder} per client in the {@code BinaryMode}s
 * QUANTIZED, PROJECTILE_EVENTS and DELTA ({@link BinaryWireCodec}).
 *
 * <p><b>Bytes.</b> The setup encodes the recording once in tick order for every client and prints the
 * mean shared and per-client frame sizes (payload only, no WebSocket header) over its last
 * {@value #RECORDED_TICKS} - {@value #BYTES_SKIP_TICKS} ticks ({@code # wire: ...}), and the bytes per
 * client per second at {@value BattleScenario#TICK_RATE_HZ} Hz. Deterministic: the same for every run.
 * Run with {@code -prof gc}: the JSON path should allocate nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnapshotCodecBenchmark {
    /** Consecutive ticks recorded and replayed; a power of two. */
    static final int RECORDED_TICKS = 512;
    /** Ticks of the first pass not counted in the byte figures: a delta encoder's first frames are full. */
    static final int BYTES_SKIP_TICKS = 32;
    /** The client acknowledges frames 3 ticks (50 ms, about a 40-50 ms round trip) after they were built. */
    static final int ACK_LAG_TICKS = 3;
    /** Input seqs the clients send back in acks: a few hours into a session, so 6 digits. */
    static final long INPUT_SEQ_BASE = 100_000;

    @Param({"16x200", "64x1000"})
    public String size;

    @Param({"json", "gson", "binary-quantized", "binary-events", "binary-delta"})
    public String codec;

    private SnapshotEvent[] snapshots;
    private int clients;
    private WireCodec wire;
    private final EncodedBuffer frame = new EncodedBuffer(1024);

    private int sharedCursor;
    private int clientSnapshot;
    private int client;

    @Setup(Level.Trial)
    public void setUp() {
        BattleScenario scenario = BattleScenario.parse(size);
        System.out.println("# scenario: " + scenario);
        World world = scenario.newSteadyWorld();
        clients = scenario.planes();
        snapshots = new SnapshotEvent[RECORDED_TICKS];
        for (int i = 0; i < RECORDED_TICKS; i++) {
            BattleScenario.stepHoldingInputs(world);
            snapshots[i] = new SnapshotEvent(1);
            snapshots[i].copyFrom(world, i, null);
        }
        wire = WireCodec.create(codec, clients);

        // one pass over the recording: grows every buffer and measures the sizes on the wire
        long sharedBytes = 0;
        long clientBytes = 0;
        int minClient = Integer.MAX_VALUE;
        int maxClient = 0;
        long projectiles = 0;
        for (int t = 0; t < RECORDED_TICKS; t++) {
            SnapshotEvent s = snapshots[t];
            boolean counted = t >= BYTES_SKIP_TICKS;
            int shared = wire.encodeShared(s, s.encoded(0));
            for (int c = 0; c < clients; c++) {
                int n = encodeClient(s, c);
                if (counted) {
                    clientBytes += n;
                    minClient = Math.min(minClient, n);
                    maxClient = Math.max(maxClient, n);
                }
            }
            if (counted) {
                sharedBytes += shared;
                projectiles += s.projectileCount();
            }
        }
        int ticks = RECORDED_TICKS - BYTES_SKIP_TICKS;
        double meanShared = (double) sharedBytes / ticks;
        double meanClient = (double) clientBytes / ((long) ticks * clients);
        String frames = wire instanceof BinaryWireCodec b
                ? String.format(" (%d full + %d delta frames)", b.fullFrames(), b.deltaFrames()) : "";
        System.out.printf("# wire: codec=%s size=%s, %d ticks, %.0f projectiles/tick: shared %.0f B/snapshot;"
                        + " client frame %.0f B (min %d, max %d)%s; at %d Hz %.1f KB/s per client, %.0f KB/s for %d clients%n",
                codec, size, ticks, (double) projectiles / ticks, meanShared, meanClient, minClient, maxClient, frames,
                BattleScenario.TICK_RATE_HZ, meanClient * BattleScenario.TICK_RATE_HZ / 1000,
                meanClient * BattleScenario.TICK_RATE_HZ * clients / 1000, clients);
    }

    @Benchmark
    public int encodeShared() {
        SnapshotEvent s = snapshots[sharedCursor++ & (RECORDED_TICKS - 1)];
        return wire.encodeShared(s, s.encoded(0));
    }

    @Benchmark
    public int encodeClient() {
        SnapshotEvent s = snapshots[clientSnapshot & (RECORDED_TICKS - 1)];
        int n = encodeClient(s, client);
        if (++client == clients) {
            client = 0;
            clientSnapshot++;
        }
        return n;
    }

    private int encodeClient(SnapshotEvent s, int c) {
        long inputAck = INPUT_SEQ_BASE + s.tick() + 7L * c; // a different, growing seq per client
        return wire.encodeClient(c, s, s.encoded(0), inputAck, s.tick() - ACK_LAG_TICKS, frame);
    }
}
