package org.jetraiders.server.protocol.binary.support;

import java.util.SplittableRandom;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.Tuning;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.sim.World;

/**
 * A deterministic game on the real engine: bots wander, turn and fire in bursts; with churn, players
 * leave and new ones join. Each {@link #step()} returns the tick's snapshot (valid until the next step).
 */
public final class SimulatedGame {
    private final World world;
    private final SnapshotEvent event = new SnapshotEvent(0);
    private final SplittableRandom random;
    private final int players;
    private final double shootFraction;
    private final int churnEveryTicks;
    private final int[] ids;
    private final double[] thrust;
    private final double[] turn;
    private final boolean[] shoot;
    private final int[] nextChange;
    private int nextId = 1;
    private long seq;
    private long inputSeq;

    /**
     * @param players         planes in the lobby
     * @param shootFraction   share of time a bot holds the trigger (0.42 keeps about 200 projectiles
     *                        in flight with 16 planes)
     * @param churnEveryTicks a random player leaves and a new one joins this often; 0 for never
     */
    public SimulatedGame(long seed, int players, double shootFraction, int churnEveryTicks) {
        this.world = new World(Tuning.defaults(), 60, players, seed);
        this.random = new SplittableRandom(seed);
        this.players = players;
        this.shootFraction = shootFraction;
        this.churnEveryTicks = churnEveryTicks;
        ids = new int[players];
        thrust = new double[players];
        turn = new double[players];
        shoot = new boolean[players];
        nextChange = new int[players];
        for (int i = 0; i < players; i++) {
            ids[i] = nextId++;
            world.addPlayer(ids[i], "bot" + ids[i]);
        }
    }

    public int tickRateHz() {
        return 60;
    }

    public Snapshot step() {
        advance();
        event.copyFrom(world, seq++, null);
        return event;
    }

    /**
     * Steps and writes the tick's snapshot into {@code slot} (an output-ring slot of the caller's),
     * with the next sequence, as the game loop publishes into its ring.
     */
    public void stepInto(SnapshotEvent slot) {
        advance();
        slot.copyFrom(world, seq++, null);
    }

    private void advance() {
        if (churnEveryTicks > 0 && world.tick() > 0 && world.tick() % churnEveryTicks == 0) {
            int k = random.nextInt(players);
            world.removePlayer(ids[k]);
            ids[k] = nextId++;
            world.addPlayer(ids[k], "bot" + ids[k]);
        }
        for (int k = 0; k < players; k++) {
            if (--nextChange[k] <= 0) {
                nextChange[k] = 15 + random.nextInt(90);
                thrust[k] = random.nextDouble(-0.2, 1.0);
                turn[k] = random.nextInt(3) == 0 ? 0 : random.nextDouble(-1, 1);
                shoot[k] = random.nextDouble() < shootFraction;
            }
            int slot = world.slotOf(ids[k]);
            if (slot != World.NO_SLOT) {
                world.setInput(slot, thrust[k], turn[k], shoot[k], ++inputSeq);
            }
        }
        world.step();
    }
}
