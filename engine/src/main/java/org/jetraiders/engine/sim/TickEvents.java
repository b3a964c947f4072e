package org.jetraiders.engine.sim;

/**
 * What happened during one tick, in pre-allocated growable primitive arrays, cleared at the start of
 * every step. INTERNAL.
 */
public final class TickEvents {
    // hits: projectile id, shooter id, victim id, damage dealt (0 during the countdown), victim hp after
    public int hitCount() { throw new UnsupportedOperationException(); }
    public int hitProjectileId(int i) { throw new UnsupportedOperationException(); }
    public int hitShooterId(int i) { throw new UnsupportedOperationException(); }
    public int hitVictimId(int i) { throw new UnsupportedOperationException(); }
    public int hitDamage(int i) { throw new UnsupportedOperationException(); }
    public int hitVictimHp(int i) { throw new UnsupportedOperationException(); }

    // kills: killer id, victim id
    public int killCount() { throw new UnsupportedOperationException(); }
    public int killKillerId(int i) { throw new UnsupportedOperationException(); }
    public int killVictimId(int i) { throw new UnsupportedOperationException(); }

    // spawns (join and respawn): player id
    public int spawnCount() { throw new UnsupportedOperationException(); }
    public int spawnPlayerId(int i) { throw new UnsupportedOperationException(); }

    // projectiles that ended this tick (hit, expired, or owner left): projectile id
    public int removedProjectileCount() { throw new UnsupportedOperationException(); }
    public int removedProjectileId(int i) { throw new UnsupportedOperationException(); }
}
