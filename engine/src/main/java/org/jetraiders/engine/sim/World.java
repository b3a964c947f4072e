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
 * <p>INTERNAL: not part of the embedding API.
 */
public final class World {
    /** Returned by {@link #slotOf(int)} for an unknown player, and by {@link #addPlayer} when full. */
    public static final int NO_SLOT = -1;

    public World(Tuning tuning, int tickRateHz, int maxPlayers, long seed) {
        throw new UnsupportedOperationException("TODO");
    }

    // ---- players -------------------------------------------------------------------------------

    /** Adds a player and spawns its plane (random position, rot 0, throttle 0, full hp). Returns its slot, or NO_SLOT when full or the id is already present. */
    public int addPlayer(int playerId, String name) { throw new UnsupportedOperationException(); }

    /** Removes the player, its plane and its projectiles. Returns false when unknown. */
    public boolean removePlayer(int playerId) { throw new UnsupportedOperationException(); }

    /** The slot of a player, or NO_SLOT. No boxing. */
    public int slotOf(int playerId) { throw new UnsupportedOperationException(); }

    /** Number of players in the world. */
    public int playerCount() { throw new UnsupportedOperationException(); }

    /** Stores the player's latest input (held until replaced). Clamps to [-1, 1]; a non-finite value is treated as 0. */
    public void setInput(int slot, double thrust, double turn, boolean shoot, long inputSeq) { throw new UnsupportedOperationException(); }

    // ---- stepping ------------------------------------------------------------------------------

    /** Advances one tick in the rules' order; this tick's events replace the previous tick's. */
    public void step() { throw new UnsupportedOperationException(); }

    /** Ticks stepped so far (0 before the first step). */
    public long tick() { throw new UnsupportedOperationException(); }

    /** The match status after the last step (LOBBY before any). */
    public LobbyStatus status() { throw new UnsupportedOperationException(); }

    /** Whole seconds left in the running match; -1 when not running or without a time limit. */
    public int matchSecondsLeft() { throw new UnsupportedOperationException(); }

    /** Incremented whenever any kill or death count changes or the player set changes. */
    public long scoresVersion() { throw new UnsupportedOperationException(); }

    // ---- planes, by slot (0 .. slotCapacity()-1; check isActive) -------------------------------

    public int slotCapacity() { throw new UnsupportedOperationException(); }
    public boolean isActive(int slot) { throw new UnsupportedOperationException(); }
    public int playerId(int slot) { throw new UnsupportedOperationException(); }
    public String playerName(int slot) { throw new UnsupportedOperationException(); }
    public double planeX(int slot) { throw new UnsupportedOperationException(); }
    public double planeY(int slot) { throw new UnsupportedOperationException(); }
    public double planeRot(int slot) { throw new UnsupportedOperationException(); }
    public double planeThrottle(int slot) { throw new UnsupportedOperationException(); }
    public int planeHp(int slot) { throw new UnsupportedOperationException(); }
    public boolean planeAlive(int slot) { throw new UnsupportedOperationException(); }
    public int kills(int slot) { throw new UnsupportedOperationException(); }
    public int deaths(int slot) { throw new UnsupportedOperationException(); }
    /** Sequence number of the latest input stored for this player (0 if none). */
    public long lastInputSeq(int slot) { throw new UnsupportedOperationException(); }

    // ---- projectiles, dense 0 .. projectileCount()-1 -------------------------------------------

    public int projectileCount() { throw new UnsupportedOperationException(); }
    public int projectileId(int i) { throw new UnsupportedOperationException(); }
    public int projectileOwner(int i) { throw new UnsupportedOperationException(); }
    public double projectileX(int i) { throw new UnsupportedOperationException(); }
    public double projectileY(int i) { throw new UnsupportedOperationException(); }
    public double projectileRot(int i) { throw new UnsupportedOperationException(); }
    public double projectileVx(int i) { throw new UnsupportedOperationException(); }
    public double projectileVy(int i) { throw new UnsupportedOperationException(); }
    public long projectileSpawnTick(int i) { throw new UnsupportedOperationException(); }

    // ---- this tick's events --------------------------------------------------------------------

    /** The events of the last step (hits, kills, spawns, expired/removed projectiles). */
    public TickEvents events() { throw new UnsupportedOperationException(); }
}
