package org.jetraiders.server.warmup;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.sim.World;
import org.jetraiders.server.lobby.LobbyManager;
import org.jetraiders.server.lobby.WireEncodings;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonKillFeedEncoder;
import org.jetraiders.server.protocol.json.JsonScoreboardEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * A private battle stepped as fast as the CPU allows, through the code a lobby runs every tick: the
 * simulation, the snapshot copy, the lobby's four shared encoders (in {@link WireEncodings}' order) and,
 * for every player, the JSON frame with its ack and the binary delta frame against the tick it
 * acknowledged. The planes fly as the load generator's bots do: full throttle, each turning at its own
 * rate, shooting part of the time, so hits, kills, respawns and score changes happen as in play.
 *
 * <p>Main thread, before the server opens its ports; nothing here is shared with a lobby.
 */
final class BattleWarmup {
    /** Players in the battle: a full default lobby. */
    static final int PLAYERS = 16;
    private static final long SEED = 0x5EED_BA77L;
    /** Ticks between two waves of joins and leaves. */
    static final int WAVE_TICKS = 120;
    /** The acked tick lags the snapshot by this many ticks, as a client's round trip makes it. */
    static final int ACK_LAG_TICKS = 3;

    private final int tickRateHz;
    private final World world;
    private final int[] slots = new int[PLAYERS];
    private final SnapshotEvent[] ring;
    private final JsonWorldUpdateEncoder jsonWorld = new JsonWorldUpdateEncoder();
    private final JsonScoreboardEncoder scoreboard;
    private final JsonKillFeedEncoder killFeed = new JsonKillFeedEncoder();
    private final BinaryQuantizeStage quantize;
    private final BinaryClientEncoder[] binaryClients = new BinaryClientEncoder[PLAYERS];
    private final EncodedBuffer frame = new EncodedBuffer(4096);
    private long inputSeq;

    // what the battle produced, so a test can tell that every path ran
    long jsonFrames;
    long scoreboards;
    long killFeeds;
    int minPlayersSeen = Integer.MAX_VALUE;
    int maxPlayersSeen;

    BattleWarmup(int tickRateHz) {
        this.tickRateHz = tickRateHz;
        this.ring = new SnapshotEvent[LobbyManager.outputRingSize(tickRateHz)];
        this.world = new World(Tuning.defaults(), tickRateHz, PLAYERS, SEED);
        for (int i = 0; i < PLAYERS; i++) {
            slots[i] = World.NO_SLOT;
            binaryClients[i] = new BinaryClientEncoder(BinaryMode.DELTA, tickRateHz);
        }
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new SnapshotEvent(4);
        }
        scoreboard = new JsonScoreboardEncoder(tickRateHz);
        quantize = new BinaryQuantizeStage(ring.length, tickRateHz);
        quantize.markInUse();
    }

    /**
     * Steps {@code ticks} ticks, encoding each snapshot for every player in both protocols. Players
     * join and leave in waves, so the compiled code has seen lobbies of every size from one plane to
     * a full one (code compiled for one size only is thrown away and compiled again when a lobby fills
     * up, which is what the warm-up is there to avoid).
     */
    void run(int ticks) {
        for (int t = 0; t < ticks; t++) {
            if (t % WAVE_TICKS == 0) {
                reseat(targetPlayers(t / WAVE_TICKS));
            }
            steer();
            world.step();
            long sequence = world.tick();
            SnapshotEvent snapshot = ring[(int) (sequence & (ring.length - 1))];
            snapshot.copyFrom(world, sequence, null);
            jsonWorld.encode(snapshot, snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE));
            scoreboard.encode(snapshot, snapshot.encoded(WireEncodings.JSON_SCOREBOARD));
            killFeed.encode(snapshot, snapshot.encoded(WireEncodings.JSON_KILL_FEED));
            quantize.encode(snapshot, snapshot.encoded(WireEncodings.BINARY_QUANTIZE));
            if (snapshot.encoded(WireEncodings.JSON_SCOREBOARD).length() > 0) {
                scoreboards++;
            }
            if (snapshot.encoded(WireEncodings.JSON_KILL_FEED).length() > 0) {
                killFeeds++;
            }
            for (int p = 0; p < PLAYERS; p++) {
                if (slots[p] == World.NO_SLOT) {
                    continue;
                }
                int index = snapshot.indexOfPlane(p + 1); // as a connection's sink finds its plane
                long ack = index >= 0 ? snapshot.planeLastInputSeq(index) : -1;
                if (JsonWorldUpdateFrame.withAck(snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE), ack, frame) > 0) {
                    jsonFrames++;
                }
                binaryClients[p].encode(quantize, snapshot, ack, Math.max(0, sequence - ACK_LAG_TICKS), frame);
            }
        }
        maxPlayersSeen = Math.max(maxPlayersSeen, world.playerCount());
    }

    /** Lobby sizes the waves go through: up to full, down to one, up again, ... */
    static int targetPlayers(int wave) {
        int cycle = 2 * (PLAYERS - 1);
        // by sevens (prime to the cycle of 30, so every size comes up): consecutive waves differ by several planes
        int step = (wave * 7) % cycle;
        return 1 + (step < PLAYERS ? step : cycle - step);
    }

    private void reseat(int target) {
        for (int p = 0; p < PLAYERS; p++) {
            boolean wanted = p < target;
            if (wanted && slots[p] == World.NO_SLOT) {
                slots[p] = world.addPlayer(p + 1, "warm-up " + (p + 1));
                binaryClients[p].resetBaseline(); // a new connection starts from a full frame
            } else if (!wanted && slots[p] != World.NO_SLOT) {
                world.removePlayer(p + 1);
                slots[p] = World.NO_SLOT;
            }
        }
        maxPlayersSeen = Math.max(maxPlayersSeen, world.playerCount());
        minPlayersSeen = Math.min(minPlayersSeen, world.playerCount());
    }

    private void steer() {
        long tick = world.tick();
        inputSeq++;
        for (int i = 0; i < PLAYERS; i++) {
            if (slots[i] == World.NO_SLOT) {
                continue;
            }
            world.setInput(slots[i], 1.0, botTurn(i), botShoots(tick, tickRateHz, i), inputSeq);
        }
    }

    /** Player {@code i}'s turn rate: each of the {@link #PLAYERS} turns at its own, from -0.6 to 0.6. */
    static double botTurn(int i) {
        return -0.6 + 1.2 * i / (PLAYERS - 1);
    }

    /** Whether player {@code i} shoots at {@code tick}: a third of the time, in turns, a second at a time. */
    static boolean botShoots(long tick, int tickRateHz, int i) {
        return ((tick / tickRateHz) + i) % 3 == 0;
    }

    long binaryFullFrames() {
        long n = 0;
        for (BinaryClientEncoder e : binaryClients) {
            n += e.fullFrames();
        }
        return n;
    }

    long binaryDeltaFrames() {
        long n = 0;
        for (BinaryClientEncoder e : binaryClients) {
            n += e.deltaFrames();
        }
        return n;
    }

    World world() {
        return world;
    }
}
