package org.jetraiders.server.protocol.binary.support;

import java.util.ArrayList;
import java.util.List;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.client.binary.ClientWorldState;

/** A hand-built {@link Snapshot} with full projectile motion, for binary encoder tests. */
public final class BinarySnapshot implements Snapshot {
    private record Plane(int id, double x, double y, double rot, int hp, boolean alive) {
    }

    private record Projectile(int id, int owner, double x, double y, double rot, double vx, double vy, long spawnTick) {
    }

    private final List<Plane> planes = new ArrayList<>();
    private final List<Projectile> projectiles = new ArrayList<>();
    private long tick;

    public BinarySnapshot tick(long tick) {
        this.tick = tick;
        return this;
    }

    public BinarySnapshot plane(int id, double x, double y, double rot, int hp) {
        planes.add(new Plane(id, x, y, rot, hp, true));
        return this;
    }

    public BinarySnapshot deadPlane(int id) {
        planes.add(new Plane(id, 0, 0, 0, 0, false));
        return this;
    }

    /** A projectile at (x, y) now, flying at {@code speed} px/s along {@code rot}, fired at {@code spawnTick}. */
    public BinarySnapshot projectile(int id, int owner, double x, double y, double rot, double speed, long spawnTick) {
        projectiles.add(new Projectile(id, owner, x, y, rot, speed * Math.sin(rot), -speed * Math.cos(rot), spawnTick));
        return this;
    }

    public BinarySnapshot rawProjectile(int id, int owner, double x, double y, double rot, double vx, double vy, long spawnTick) {
        projectiles.add(new Projectile(id, owner, x, y, rot, vx, vy, spawnTick));
        return this;
    }

    /** The snapshot a client state shows (exact: quantized values are representable as doubles). */
    public static BinarySnapshot of(ClientWorldState s) {
        BinarySnapshot b = new BinarySnapshot().tick(s.tick());
        for (int i = 0; i < s.planeCount(); i++) {
            b.plane(s.planeId(i), s.planeX(i), s.planeY(i), s.planeRot(i), s.planeHp(i));
        }
        for (int i = 0; i < s.projectileCount(); i++) {
            double rot = s.projectileMotion() ? 0 : s.projectileRot(i);
            b.rawProjectile(s.projectileId(i), s.projectileOwner(i), s.projectileX(i), s.projectileY(i), rot,
                    s.projectileQvx(i) / 8.0, s.projectileQvy(i) / 8.0,
                    s.projectileMotion() ? s.projectileSpawnTick(i) : s.tick());
        }
        return b;
    }

    @Override public long sequence() { return tick; }
    @Override public long tick() { return tick; }
    @Override public LobbyStatus status() { return LobbyStatus.MATCH_RUNNING; }
    @Override public int matchSecondsLeft() { return -1; }
    @Override public long scoresVersion() { return 0; }
    @Override public int planeCount() { return planes.size(); }
    @Override public int planeId(int i) { return planes.get(i).id; }
    @Override public String planeName(int i) { return "p" + planes.get(i).id; }
    @Override public double planeX(int i) { return planes.get(i).x; }
    @Override public double planeY(int i) { return planes.get(i).y; }
    @Override public double planeRot(int i) { return planes.get(i).rot; }
    @Override public double planeThrottle(int i) { return 0; }
    @Override public int planeHp(int i) { return planes.get(i).hp; }
    @Override public boolean planeAlive(int i) { return planes.get(i).alive; }
    @Override public int planeKills(int i) { return 0; }
    @Override public int planeDeaths(int i) { return 0; }
    @Override public long planeLastInputSeq(int i) { return 0; }
    @Override public int projectileCount() { return projectiles.size(); }
    @Override public int projectileId(int i) { return projectiles.get(i).id; }
    @Override public int projectileOwner(int i) { return projectiles.get(i).owner; }
    @Override public double projectileX(int i) { return projectiles.get(i).x; }
    @Override public double projectileY(int i) { return projectiles.get(i).y; }
    @Override public double projectileRot(int i) { return projectiles.get(i).rot; }
    @Override public double projectileVx(int i) { return projectiles.get(i).vx; }
    @Override public double projectileVy(int i) { return projectiles.get(i).vy; }
    @Override public long projectileSpawnTick(int i) { return projectiles.get(i).spawnTick; }
    @Override public int hitCount() { return 0; }
    @Override public int hitProjectileId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitShooterId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitVictimId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitDamage(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitVictimHp(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int killCount() { return 0; }
    @Override public int killKillerId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int killVictimId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int spawnCount() { return 0; }
    @Override public int spawnPlayerId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int removedProjectileCount() { return 0; }
    @Override public int removedProjectileId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public EncodedBuffer encoded(int index) { throw new IndexOutOfBoundsException(index); }
}
