package org.jetraiders.engine;

/**
 * One tick's published state, as a client sink sees it: a read-only view of a pre-allocated slot of
 * the lobby's output ring.
 *
 * <p>Valid only during the callback that received it: the slot is reused once every consumer has
 * moved past it. Copy what you need to keep. Planes are listed in a stable order (by slot); dead
 * planes are included with {@link #planeAlive(int)} false so scores stay complete.
 */
public interface Snapshot {
    /** Position of this snapshot in the lobby's output stream (0, 1, 2, ...). */
    long sequence();

    /** Simulation tick this snapshot shows. */
    long tick();

    /** Lobby status at this tick. */
    LobbyStatus status();

    /** Whole seconds left in the running match, or -1 when not running or without a limit. */
    int matchSecondsLeft();

    /** Changes whenever a kill or death count or the player set changes. */
    long scoresVersion();

    // ---- planes ----

    int planeCount();

    int planeId(int i);

    String planeName(int i);

    double planeX(int i);

    double planeY(int i);

    double planeRot(int i);

    double planeThrottle(int i);

    int planeHp(int i);

    boolean planeAlive(int i);

    int planeKills(int i);

    int planeDeaths(int i);

    /** The client's input sequence number of the latest input this tick used (0 if none carried one). */
    long planeLastInputSeq(int i);

    /** Index of a player's plane in this snapshot, or -1. Linear scan: for per-client lookups once per tick. */
    default int indexOfPlane(int playerId) {
        for (int i = 0, n = planeCount(); i < n; i++) {
            if (planeId(i) == playerId) {
                return i;
            }
        }
        return -1;
    }

    // ---- projectiles ----

    int projectileCount();

    int projectileId(int i);

    int projectileOwner(int i);

    double projectileX(int i);

    double projectileY(int i);

    double projectileRot(int i);

    double projectileVx(int i);

    double projectileVy(int i);

    long projectileSpawnTick(int i);

    // ---- this tick's events ----

    int hitCount();

    int hitProjectileId(int i);

    int hitShooterId(int i);

    int hitVictimId(int i);

    /** Damage dealt; 0 when the hit landed outside a running match. */
    int hitDamage(int i);

    int hitVictimHp(int i);

    int killCount();

    int killKillerId(int i);

    int killVictimId(int i);

    /** Planes that (re)spawned this tick. */
    int spawnCount();

    int spawnPlayerId(int i);

    /** Projectiles that ended this tick (hit, expired, owner left). */
    int removedProjectileCount();

    int removedProjectileId(int i);

    // ---- bytes written by the lobby's encoding stage ----

    /**
     * The bytes the encoder at {@code index} (its position in {@link LobbyConfig.Builder#encoders})
     * wrote for this snapshot. Client sinks read them; they never re-encode the shared part.
     */
    EncodedBuffer encoded(int index);
}
