package org.jetraiders.engine.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jetraiders.engine.InputResult;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.Tuning;

/**
 * A scripted match for journal tests: players join (one with a non-ASCII name), send inputs of every
 * kind a journal must keep exactly (a bot's repeated inputs, binary-protocol values k/127, arbitrary
 * doubles, -0.0, out-of-range values, stale and zero sequence numbers, an unknown player's), leave and
 * come back, drop their connection (DISCONNECT), between ticks; joins carry client keys. Same seed, same script.
 */
public final class MatchScript {
    /** One lobby call; {@code player} is the script's index (its id comes from {@link Lobby#join}). */
    public record Op(char kind, int player, double thrust, double turn, boolean shoot, long seq, String name,
                     long key) {
        static Op join(int p, String name) { return new Op('J', p, 0, 0, false, 0, name, keyOf(p)); }
        static Op leave(int p) { return new Op('L', p, 0, 0, false, 0, null, 0); }
        static Op disconnect(int p) { return new Op('D', p, 0, 0, false, 0, null, 0); }
        static Op tick() { return new Op('T', 0, 0, 0, false, 0, null, 0); }
        static Op input(int p, double thrust, double turn, boolean shoot, long seq) {
            return new Op('I', p, thrust, turn, shoot, seq, null, 0);
        }
    }

    /** The client key script player {@code p} joins with: none for player 0, any 64 bits for the others. */
    public static long keyOf(int p) {
        return p == 0 ? 0 : (p * 0x9E3779B97F4A7C15L) ^ Long.MIN_VALUE;
    }

    /** A player index whose inputs go to an id no one has. */
    public static final int NOBODY = -1;

    private MatchScript() {
    }

    /** Small world, one-second countdown, short matches and pauses: planes meet and matches turn over. */
    public static LobbyConfig.Builder lobby(String name, long seed) {
        return TestLobbies.manual(name).seed(seed).inputRingSize(1 << 16).outputRingSize(1024).maxLagSnapshots(1000)
                .tuning(Tuning.builder().bounds(-150, 150, -100, 100).countdownSeconds(1).matchSeconds(6)
                        .matchEndPauseSeconds(1).build());
    }

    public static List<Op> generate(long seed, int players, int ticks) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Op> ops = new ArrayList<>();
        long[] seqs = new long[players];
        boolean[] present = new boolean[players];
        for (int p = 0; p < players; p++) {
            ops.add(Op.join(p, p == 1 ? "Zoë ✈" : "p" + p));
            present[p] = true;
        }
        for (int t = 0; t < ticks; t++) {
            for (int p = 0; p < players; p++) {
                if (!present[p]) {
                    continue;
                }
                if (p % 2 == 0) { // a bot: full thrust, turn and shoot change now and then, one input a tick
                    long phase = (t + p * 7L) / 40;
                    int turn = (int) (phase & 3L) == 1 ? 127 : (int) (phase & 3L) == 3 ? -127 : 0;
                    ops.add(Op.input(p, 1, turn / 127.0, (t + p) % 30 < 3, ++seqs[p]));
                } else if (r.nextInt(3) == 0) {
                    double thrust = switch (r.nextInt(5)) {
                        case 0 -> r.nextInt(-127, 128) / 127.0;
                        case 1 -> -0.0;
                        case 2 -> 1.7;
                        default -> r.nextDouble(-1, 1);
                    };
                    long seq = switch (r.nextInt(10)) {
                        case 0 -> 0;                      // no sequence number: always applied
                        case 1 -> Math.max(1, seqs[p] - 2); // stale: dropped
                        default -> seqs[p] += 1 + r.nextInt(3);
                    };
                    ops.add(Op.input(p, thrust, r.nextDouble(-1.2, 1.2), r.nextBoolean(), seq));
                }
            }
            if (t % 250 == 120) { // a dropped connection: input neutral, seq 0; the client's next numbers start afresh
                int p = (t / 250) % players;
                if (present[p]) {
                    ops.add(Op.disconnect(p));
                    seqs[p] = 0;
                }
            }
            if (t % 97 == 13) {
                ops.add(Op.input(NOBODY, 1, 1, true, t));
            }
            if (t % 250 == 200 && players > 2) {
                int p = 1 + (t / 250) % (players - 1);
                if (present[p]) {
                    ops.add(Op.leave(p));
                    present[p] = false;
                } else {
                    ops.add(Op.join(p, "back" + p));
                    present[p] = true;
                    seqs[p] = 0;
                }
            }
            ops.add(Op.tick());
        }
        return ops;
    }

    /** Plays the ops on a started, hand-ticked lobby; returns the number of ticks. */
    public static long play(Lobby lobby, List<Op> ops, Pacer pacer) throws InterruptedException {
        Runner runner = new Runner(ops);
        runner.playUntil(lobby, Long.MAX_VALUE, pacer);
        return runner.ticks();
    }

    /**
     * Plays a script in parts, possibly on different lobbies (a lobby restored from another's journal
     * goes on where it left off); keeps the ids the lobbies gave the script's players.
     */
    public static final class Runner {
        private final List<Op> ops;
        private final int[] ids = new int[64];
        private int next;
        private long ticks;
        private int lastId;

        public Runner(List<Op> ops) {
            this.ops = ops;
        }

        public long ticks() {
            return ticks;
        }

        /**
         * Skips the ops up to and including the given tick (a restored lobby already applied them),
         * noting the ids their joins got: a lobby numbers its joins 1, 2, 3, ...
         */
        public void skipThroughTick(long tick) {
            while (next < ops.size() && ticks < tick) {
                Op op = ops.get(next++);
                if (op.kind() == 'T') {
                    ticks++;
                } else if (op.kind() == 'J') {
                    ids[op.player()] = ++lastId;
                }
            }
        }

        /** Plays ops until {@code untilTick} ticks have been published or the script ends. */
        public void playUntil(Lobby lobby, long untilTick, Pacer pacer) throws InterruptedException {
            while (next < ops.size() && ticks < untilTick) {
                Op op = ops.get(next++);
                switch (op.kind()) {
                    case 'J' -> {
                        ids[op.player()] = lobby.join(op.name(), op.key());
                        lastId = ids[op.player()];
                        if (ids[op.player()] <= 0) {
                            throw new AssertionError("join refused: " + ids[op.player()]);
                        }
                    }
                    case 'L' -> {
                        if (!lobby.leave(ids[op.player()])) {
                            throw new AssertionError("leave refused");
                        }
                    }
                    case 'D' -> {
                        if (!lobby.disconnect(ids[op.player()])) {
                            throw new AssertionError("disconnect refused");
                        }
                    }
                    case 'I' -> {
                        int id = op.player() == NOBODY ? 999_999 : ids[op.player()];
                        InputResult result = lobby.submitInput(id, op.thrust(), op.turn(), op.shoot(), op.seq());
                        if (result != InputResult.ACCEPTED) {
                            throw new AssertionError("input refused: " + result);
                        }
                    }
                    case 'T' -> {
                        if (lobby.tickNow() != InputResult.ACCEPTED) {
                            throw new AssertionError("tick refused");
                        }
                        ticks++;
                        pacer.ticked(ticks);
                    }
                    default -> throw new IllegalArgumentException(op.toString());
                }
            }
        }
    }

    /** Called after each tick: wait here for whatever must keep up (sinks, the journal). */
    @FunctionalInterface
    public interface Pacer {
        void ticked(long ticks) throws InterruptedException;
    }
}
