package org.jetraiders.engine.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.sim.World;

/**
 * A lobby's world rebuilt from its journal ({@link Replay#restore}): the latest snapshot plus the
 * records after it, up to the last complete one. Start a lobby from it with
 * {@link #configure(LobbyConfig.Builder)}:
 *
 * <pre>{@code
 * RestorePoint point = Replay.restore(file);
 * Lobby lobby = Lobby.create(point.configure(LobbyConfig.builder()).gameLoops(loops).build());
 * lobby.start(); // ticks on from point.tick(), its players' planes where they were
 * }</pre>
 *
 * The restored players have no connection: the embedder maps reconnecting clients to
 * {@link #players()} (and removes those who do not come back). New players get ids above
 * {@link #highestPlayerId()}. The world backs one lobby only.
 */
public final class RestorePoint {
    private final ReplayReport report;
    private final AtomicReference<World> world;
    private final long tick;
    private final int highestPlayerId;
    private final List<RestoredPlayer> players;

    RestorePoint(ReplayReport report, World world) {
        this.report = report;
        this.world = new AtomicReference<>(world);
        this.tick = world.tick();
        this.highestPlayerId = world.highestPlayerId();
        List<RestoredPlayer> list = new ArrayList<>();
        for (int s = 0; s < world.slotCapacity(); s++) {
            if (world.isActive(s)) {
                list.add(new RestoredPlayer(world.playerId(s), world.playerName(s), world.clientKey(s), world.kills(s),
                        world.deaths(s)));
            }
        }
        this.players = List.copyOf(list);
    }

    /** How the restore went: where it started, how many ticks it re-simulated, a torn tail, a divergence. */
    public ReplayReport report() {
        return report;
    }

    public JournalHeader header() {
        return report.header();
    }

    /** The restored world's tick: the lobby's next tick is this + 1. */
    public long tick() {
        return tick;
    }

    /** The players in the restored world, by slot: id, name, the key each joined with, scores. */
    public List<RestoredPlayer> players() {
        return players;
    }

    /** The players' scores, as a replay's report gives them. */
    public List<PlayerScore> scores() {
        return report.scores();
    }

    public int highestPlayerId() {
        return highestPlayerId;
    }

    /**
     * Sets what must match the journal (name, tick rate, tuning, seed, player limit) and this restore
     * point on {@code builder}; set the rest (threads, encoders, journaler) as for any lobby.
     */
    public LobbyConfig.Builder configure(LobbyConfig.Builder builder) {
        JournalHeader h = report.header();
        return builder.name(h.lobbyName()).tickRateHz(h.tickRateHz()).tuning(h.tuning()).seed(h.seed())
                .maxPlayers(h.maxPlayers()).restoreFrom(this);
    }

    /**
     * INTERNAL, for the lobby being built ({@code LobbyPipeline}): hands the world over, once.
     *
     * @throws IllegalStateException when a lobby already took it
     */
    public World takeWorld() {
        World w = world.getAndSet(null);
        if (w == null) {
            throw new IllegalStateException("this restore point already backs a lobby");
        }
        return w;
    }
}
