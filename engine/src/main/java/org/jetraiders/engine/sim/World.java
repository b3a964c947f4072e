package org.jetraiders.engine.sim;

import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Tuning;

/**
 * The Jet Raiders world of one lobby: planes, projectiles, scores and the match cycle, stepped one
 * fixed tick at a time exactly as GAME_RULES.md says.
 *
 * <p>Single-threaded (only the lobby's game loop touches it), deterministic (StrictMath, the seeded
 * generator, integer tick timers, slot-order iteration) and allocation-free in steady state: all
 * state lives in flat primitive arrays indexed by slot, pre-allocated in the constructor.
 *
 * <p>One {@link #step()}, in the rules' order: (1) every player's latest input is the one held by
 * {@link #setInput}; (2) dead planes count down their respawn timer and respawn at 0; (3) live
 * planes turn, change throttle, move and wrap; (4) live planes fire when shoot is held and the
 * cooldown is over; (5) projectiles from earlier ticks move and age, every projectile is hit-tested,
 * spent and expired ones are removed (hits deal damage only when the previous step's status was
 * MatchRunning, otherwise 0; the hit is still reported and the projectile removed); (6) the match
 * clock advances. The caller then reads the state (the snapshot, step 7). Durations are whole ticks:
 * {@code round(seconds * tickRateHz)}. Each step has its own class (Spawner, Flight, Guns, Combat,
 * MatchScores; joining, leaving and inputs are the Roster's); {@link WorldParts} builds and sizes them
 * from the configuration, and the world runs them in order and reads the state out.
 *
 * <p>Events of {@link #addPlayer} (a spawn) and {@link #removePlayer} (removed projectiles), which
 * happen between steps, are reported in the events of the next step, first in their lists; a player
 * who joins and leaves between two steps leaves no spawn event.
 *
 * <p>Details the rules leave open: a projectile spawned in tick t is in the states of ticks t ..
 * t + lifetime - 1 and is hit-tested in each of them, and also once more at its final position in the
 * tick it expires (move, age, hit-test, then remove). Every duration is at least one tick. The
 * MatchEnded status lasts at least one tick even with no pause, so the final scores are published.
 * Kills and deaths are reset whenever a new match countdown begins: after the pause, and also when
 * one begins from the Lobby (after an aborted match). Rotation is not normalised. Projectile ids wrap
 * from Integer.MAX_VALUE back to 1. Slots are handed out lowest free first.
 *
 * <p>INTERNAL: not part of the embedding API.
 */
public final class World {
    /** Returned by {@link #slotOf(int)} for an unknown player, and by {@link #addPlayer} when full. */
    public static final int NO_SLOT = -1;
    /** {@link #applyInput} results. */
    public static final int INPUT_APPLIED = 0;
    public static final int INPUT_UNKNOWN_PLAYER = 1;
    public static final int INPUT_STALE = 2;

    private final WorldParts parts;
    // the read-out's state, also held here so reading a plane or projectile stays one field away
    private final Planes planes;
    private final Projectiles projectiles;

    private long tick;

    /**
     * @param tuning     the rules' numbers
     * @param tickRateHz ticks per second, >= 1 (dt = 1 / tickRateHz)
     * @param maxPlayers plane slots, >= 1
     * @param seed       the lobby's seed for every random choice
     */
    public World(Tuning tuning, int tickRateHz, int maxPlayers, long seed) {
        this.parts = new WorldParts(tuning, tickRateHz, maxPlayers, seed);
        this.planes = parts.planes;
        this.projectiles = parts.projectiles;
    }

    // ---- players -------------------------------------------------------------------------------

    /** Adds a player and spawns its plane (random position, rot 0, throttle 0, full hp). Returns its slot, or NO_SLOT when full or the id is already present. */
    public int addPlayer(int playerId, String name) {
        return addPlayer(playerId, name, 0);
    }

    /**
     * {@link #addPlayer(int, String)}, keeping {@code clientKey} with the plane: the embedder's opaque
     * key of the player (0 for none), part of the world's state so a restored world still knows it.
     */
    public int addPlayer(int playerId, String name, long clientKey) {
        return parts.roster.add(playerId, name, clientKey);
    }

    /** Removes the player, its plane and its projectiles. Returns false when unknown. */
    public boolean removePlayer(int playerId) {
        return parts.roster.remove(playerId);
    }

    /** The slot of a player, or NO_SLOT. No boxing. */
    public int slotOf(int playerId) { return planes.slotOf(playerId); }
    /** Number of players in the world. */
    public int playerCount() { return planes.count; }

    /**
     * The DISCONNECT rule: the player's plane stays and flies on with a neutral input, and its input
     * sequence restarts at 0 (a reconnecting client numbers its inputs afresh). Replay applies it here too.
     *
     * @return false when the player is unknown
     */
    public boolean disconnect(int playerId) {
        return parts.roster.disconnect(playerId);
    }

    /**
     * The game loop's input rule: the player's input is stored ({@link #setInput}) unless the player is
     * unknown or {@code inputSeq} is not newer than the last one stored (0 means "no sequence" and is
     * always newer). Replaying a journal applies inputs through here too, so acks replay exactly.
     *
     * @return {@link #INPUT_APPLIED}, {@link #INPUT_UNKNOWN_PLAYER} or {@link #INPUT_STALE}
     */
    public int applyInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
        return parts.roster.applyInput(playerId, thrust, turn, shoot, inputSeq);
    }

    /** Stores the player's latest input (held until replaced). Clamps to [-1, 1]; a non-finite value is treated as 0. */
    public void setInput(int slot, double thrust, double turn, boolean shoot, long inputSeq) {
        parts.roster.setInput(slot, thrust, turn, shoot, inputSeq);
    }

    // ---- stepping ------------------------------------------------------------------------------

    /** Advances one tick in the rules' order; this tick's events replace the previous tick's. */
    public void step() {
        WorldParts p = parts;
        TickEvents events = p.events;
        tick++;
        events.clear();
        events.appendPending(p.pending);
        p.pending.clear();
        // 1. inputs: the latest one per player is already held in the plane arrays
        p.spawner.respawnDead(events);      // 2
        Flight.fly(planes, p.tuning, p.dt); // 3
        p.guns.fire(tick);                  // 4
        p.combat.update(tick);              // 5
        p.scores.advance();                 // 6
    }

    /** Ticks stepped so far (0 before the first step). */
    public long tick() { return tick; }
    /** The match status after the last step (LOBBY before any). */
    public LobbyStatus status() { return parts.clock.status(); }
    /** Whole seconds left in the running match; -1 when not running or without a time limit. */
    public int matchSecondsLeft() { return parts.clock.matchSecondsLeft(); }
    /** Incremented whenever any kill or death count changes or the player set changes. */
    public long scoresVersion() { return parts.scores.scoresVersion(); }
    /** Matches begun so far: 0 until the first countdown (or match) starts, then 1, 2, ... */
    public long matchNumber() { return parts.scores.matchNumber(); }
    /** The largest player id ever added (0 if none): a restored lobby hands out ids above it. */
    public int highestPlayerId() { return parts.roster.highestPlayerId(); }

    // ---- state, for journals and restoring ---------------------------------------------------------

    /**
     * Writes the whole state that later steps depend on, in a fixed order (docs/JOURNAL.md, "World
     * image"): a world {@link #restore restored} from it steps exactly as this one does. Allocates
     * nothing; the game loop calls it for checksums and snapshots.
     */
    public void writeState(StateWriter out) {
        WorldState.write(parts, tick, out);
    }

    /**
     * A world with the given configuration in the state {@link #writeState} wrote.
     *
     * @throws IllegalArgumentException when the state does not fit the configuration or is malformed
     */
    public static World restore(Tuning tuning, int tickRateHz, int maxPlayers, long seed, StateReader in) {
        World w = new World(tuning, tickRateHz, maxPlayers, seed);
        w.tick = WorldState.read(w.parts, in);
        return w;
    }

    // ---- configuration and benchmarking ------------------------------------------------------------

    /** The rules' numbers this world runs with. */
    public Tuning tuning() { return parts.tuning; }
    /** Ticks per second. */
    public int tickRateHz() { return parts.tickRateHz; }
    /** Maximum number of projectiles alive at once (enough for every plane firing continuously). */
    public int projectileCapacity() { return projectiles.capacity; }

    /**
     * Switches hit testing between the uniform grid (default) and testing every projectile against
     * every plane. Both give identical results; the naive test exists as a baseline for benchmarks.
     */
    public void setNaiveHitTest(boolean naive) {
        parts.combat.setNaiveHitTest(naive);
    }

    /** True when hit testing is naive (see {@link #setNaiveHitTest}). */
    public boolean isNaiveHitTest() { return parts.combat.isNaiveHitTest(); }

    // ---- planes, by slot (0 .. slotCapacity()-1; check isActive) -------------------------------

    public int slotCapacity() { return planes.capacity; }
    public boolean isActive(int slot) { return planes.isActive(slot); }
    public int playerId(int slot) { return planes.playerId[slot]; }
    public String playerName(int slot) { return planes.name[slot]; }
    public double planeX(int slot) { return planes.x[slot]; }
    public double planeY(int slot) { return planes.y[slot]; }
    public double planeRot(int slot) { return planes.rot[slot]; }
    public double planeThrottle(int slot) { return planes.throttle[slot]; }
    public int planeHp(int slot) { return planes.hp[slot]; }
    public boolean planeAlive(int slot) { return planes.alive[slot]; }
    public int kills(int slot) { return planes.kills[slot]; }
    public int deaths(int slot) { return planes.deaths[slot]; }
    /** Sequence number of the latest input stored for this player (0 if none). */
    public long lastInputSeq(int slot) { return planes.lastInputSeq[slot]; }

    /** The key the player joined with ({@link #addPlayer(int, String, long)}), 0 for none. */
    public long clientKey(int slot) { return planes.clientKey[slot]; }

    // ---- projectiles, dense 0 .. projectileCount()-1 -------------------------------------------

    public int projectileCount() { return projectiles.count; }
    public int projectileId(int i) { return projectiles.id[i]; }
    public int projectileOwner(int i) { return projectiles.ownerId[i]; }
    public double projectileX(int i) { return projectiles.x[i]; }
    public double projectileY(int i) { return projectiles.y[i]; }
    public double projectileRot(int i) { return projectiles.rot[i]; }
    public double projectileVx(int i) { return projectiles.vx[i]; }
    public double projectileVy(int i) { return projectiles.vy[i]; }
    public long projectileSpawnTick(int i) { return projectiles.spawnTick[i]; }

    // ---- this tick's events --------------------------------------------------------------------

    /** The events of the last step (hits, kills, spawns, expired/removed projectiles). */
    public TickEvents events() { return parts.events; }

    // ---- test hooks (package-private, never called by the game loop) --------------------------------

    /** Puts a live plane at an exact pose; the position must be inside the bounds. */
    void placePlane(int slot, double x, double y, double rot) { Flight.place(planes, parts.tuning, slot, x, y, rot); }
    /** Sets a plane's throttle directly, clamped to [0, 1]. */
    void setThrottle(int slot, double throttle) { planes.throttle[slot] = Math.max(0, Math.min(1, throttle)); }
    /** Ticks until a dead plane respawns (0 when alive). */
    int respawnTicksLeft(int slot) { return planes.respawnTicksLeft[slot]; }
    int cooldownTicks() { return parts.cooldownTicks; }
    int lifetimeTicks() { return parts.lifetimeTicks; }
    int respawnTicks() { return parts.respawnTicks; }
    /** Planes examined by hit tests so far (package-private: tests compare grid and naive by work done). */
    long hitGridCandidatesExamined() { return parts.combat.candidatesExamined(); }
}
