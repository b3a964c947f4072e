package org.jetraiders.bench.transport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jetraiders.bench.support.BattleScenario;
import org.jetraiders.engine.SnapshotEncoder;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.sim.World;
import org.jetraiders.server.lobby.WireEncodings;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonKillFeedEncoder;
import org.jetraiders.server.protocol.json.JsonScoreboardEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.jetraiders.server.transport.DirectSendPath;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One client's snapshot send, down to a real socket: the server's own path against Java-WebSocket's.
 *
 * <p><b>One operation</b> is what a client's consumer thread does for one tick of a 16-plane lobby
 * with about 200 projectiles in flight: the tick's kill feed and scoreboard when the tick has them
 * (shared bytes, copied into a text frame) and the world state: for {@code format=json} the shared
 * WorldUpdate bytes with this client's input ack spliced in ({@code JsonConnectionSink}), for
 * {@code format=binary} this client's delta against the snapshot it acknowledged 3 ticks earlier
 * ({@code BinaryConnectionSink}, {@code BinaryMode.DELTA}, from the lobby's shared quantized state);
 * then the frames go to the socket.
 * <ul>
 *   <li>{@code path=direct} (the server now): the real sink and {@code FrameSender} frame everything
 *       into one reused buffer and write it in one go through {@code DirectSocketChannel.writeDirect}
 *       straight to the socket ({@link DirectSendPath}).</li>
 *   <li>{@code path=library} (the server before, for comparison): the same payloads, each sent with
 *       Java-WebSocket's {@code WebSocketImpl.sendFrame} on a reused frame object, as the old
 *       {@code FrameSender} did, including the library's write demand ({@code interestOps} and a real
 *       {@code selector.wakeup()}); then, on the same thread, what the woken selector thread does:
 *       {@code selectNow()}, {@code SocketChannelIOHelper.batch} (one socket write per queued frame)
 *       and {@code interestOps(READ)}. The selector thread's context switch is not included: a lower
 *       bound of the old cost ({@link LibrarySendPath}).</li>
 * </ul>
 * Both write to the server end of a TCP connection on 127.0.0.1 whose client end a separate thread
 * reads and discards ({@link LoopbackSocket}); if the kernel does not take a write at once the sending
 * thread spins until it does (counted, printed at the end as {@code # socket: ...}). Both paths put
 * the same bytes on the wire (SendPathEquivalenceTest).
 *
 * <p><b>Snapshots.</b> The trial setup steps a {@link BattleScenario} {@code 16x200} world to its steady
 * state, records {@value #RECORDED_TICKS} consecutive ticks into {@code SnapshotEvent}s and runs the
 * lobby's encoders on each, as the encoding stage does (JSON WorldUpdate, scoreboard, kill feed, the
 * binary quantization). Operations walk through them in order and wrap around; at the wrap the tick
 * goes back and the binary delta sends a few full frames (under 1 %). The setup prints the mean frame
 * sizes ({@code # frames: ...}).
 *
 * <p><b>Run</b> with {@code -prof gc}: {@code gc.alloc.rate.norm} is bytes allocated per send; the
 * direct path allocates nothing, the library path a copy of every frame plus its per-frame garbage.
 * <pre>
 * java -jar bench/target/benchmarks.jar SendPathBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SendPathBenchmark {
    /** Consecutive ticks recorded and replayed; a power of two. */
    static final int RECORDED_TICKS = 512;
    /** The binary client acknowledges each frame 3 ticks (50 ms) after it was built. */
    static final int ACK_LAG_TICKS = 3;
    /** The client's player id: one of the 16 planes. */
    static final int PLAYER_ID = 3;

    @Param({"json", "binary"})
    public String format;

    @Param({"direct", "library"})
    public String path;

    private SnapshotEvent[] snapshots;
    private LoopbackSocket socket;
    private DirectSendPath direct;
    private LibrarySendPath library;
    private int cursor;
    private long sends;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BattleScenario scenario = BattleScenario.create(16, 200);
        System.out.println("# scenario: " + scenario);
        BinaryQuantizeStage quantized = new BinaryQuantizeStage(RECORDED_TICKS, BattleScenario.TICK_RATE_HZ);
        snapshots = record(scenario, quantized);
        socket = LoopbackSocket.open("send-path-client");
        boolean json = switch (format) {
            case "json" -> true;
            case "binary" -> false;
            default -> throw new IllegalArgumentException("format must be json or binary, was " + format);
        };
        switch (path) {
            case "direct" -> direct = json
                    ? DirectSendPath.json(socket.server(), PLAYER_ID)
                    : DirectSendPath.binaryDelta(socket.server(), PLAYER_ID, quantized, BattleScenario.TICK_RATE_HZ);
            case "library" -> library = json
                    ? LibrarySendPath.json(socket.server(), PLAYER_ID)
                    : LibrarySendPath.binaryDelta(socket.server(), PLAYER_ID, quantized, BattleScenario.TICK_RATE_HZ);
            default -> throw new IllegalArgumentException("path must be direct or library, was " + path);
        }
        printFrameSizes(json);
    }

    /** {@value #RECORDED_TICKS} consecutive ticks with what the lobby's encoding stage adds to them. */
    static SnapshotEvent[] record(BattleScenario scenario, BinaryQuantizeStage quantized) {
        quantized.markInUse();
        // in WireEncodings' order, as LobbyManager gives them to the lobby
        List<SnapshotEncoder> encoders = List.of(new JsonWorldUpdateEncoder(),
                new JsonScoreboardEncoder(BattleScenario.TICK_RATE_HZ), new JsonKillFeedEncoder(), quantized);
        World world = scenario.newSteadyWorld();
        SnapshotEvent[] recorded = new SnapshotEvent[RECORDED_TICKS];
        for (int i = 0; i < RECORDED_TICKS; i++) {
            BattleScenario.stepHoldingInputs(world);
            recorded[i] = new SnapshotEvent(encoders.size());
            recorded[i].copyFrom(world, i, null);
            for (int e = 0; e < encoders.size(); e++) {
                encoders.get(e).encode(recorded[i], recorded[i].encoded(e));
            }
        }
        return recorded;
    }

    private void printFrameSizes(boolean json) {
        long world = 0;
        long killFeeds = 0;
        long scoreboards = 0;
        int killFeedTicks = 0;
        int scoreboardTicks = 0;
        for (SnapshotEvent s : snapshots) {
            world += s.encoded(WireEncodings.JSON_WORLD_UPDATE).length();
            int k = s.encoded(WireEncodings.JSON_KILL_FEED).length();
            int b = s.encoded(WireEncodings.JSON_SCOREBOARD).length();
            killFeeds += k;
            scoreboards += b;
            killFeedTicks += k > 0 ? 1 : 0;
            scoreboardTicks += b > 0 ? 1 : 0;
        }
        System.out.printf("# frames: shared JSON WorldUpdate %.0f B/tick; kill feed on %d of %d ticks (%.0f B each),"
                        + " scoreboard on %d (%.0f B each)%s%n",
                (double) world / snapshots.length, killFeedTicks, snapshots.length,
                killFeedTicks == 0 ? 0.0 : (double) killFeeds / killFeedTicks, scoreboardTicks,
                scoreboardTicks == 0 ? 0.0 : (double) scoreboards / scoreboardTicks,
                json ? "" : "; the world frame is each client's binary delta (see SnapshotCodecBenchmark for sizes)");
    }

    @Benchmark
    public void send() {
        SnapshotEvent s = snapshots[cursor++ & (RECORDED_TICKS - 1)];
        if (direct != null) {
            direct.acknowledged(s.tick() - ACK_LAG_TICKS);
            direct.send(s);
        } else {
            library.acknowledged(s.tick() - ACK_LAG_TICKS);
            library.send(s);
            library.selectorWrite();
        }
        sends++;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long full = direct != null ? direct.socketFullWrites() : library.socketFullWrites();
        System.out.printf("# socket: %d sends, %d found the socket full (the sender spun until it took the rest),"
                        + " %.0f B per send received by the client end (frames with their headers)%n", sends, full,
                sends == 0 ? 0.0 : (double) socket.received() / sends);
        if (library != null) {
            library.close();
        }
        socket.close();
    }
}
