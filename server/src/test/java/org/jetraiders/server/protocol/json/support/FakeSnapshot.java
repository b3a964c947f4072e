package org.jetraiders.server.protocol.json.support;

import java.util.ArrayList;
import java.util.List;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;

/** A hand-built {@link Snapshot} for encoder tests; the engine's World is not needed. */
public final class FakeSnapshot implements Snapshot {
    private record Plane(int id, String name, double x, double y, double rot, int hp, boolean alive, int kills, int deaths, long lastSeq) {
    }

    private record Projectile(int id, int owner, double x, double y, double rot) {
    }

    private record Kill(int killer, int victim) {
    }

    private final List<Plane> planes = new ArrayList<>();
    private final List<Projectile> projectiles = new ArrayList<>();
    private final List<Kill> kills = new ArrayList<>();
    private long sequence;
    private long tick;
    private LobbyStatus status = LobbyStatus.MATCH_RUNNING;
    private int matchSecondsLeft = -1;
    private long scoresVersion;

    public FakeSnapshot tick(long tick) {
        this.tick = tick;
        this.sequence = tick;
        return this;
    }

    public FakeSnapshot status(LobbyStatus status) {
        this.status = status;
        return this;
    }

    public FakeSnapshot matchSecondsLeft(int seconds) {
        this.matchSecondsLeft = seconds;
        return this;
    }

    public FakeSnapshot scoresVersion(long version) {
        this.scoresVersion = version;
        return this;
    }

    public FakeSnapshot plane(int id, String name, double x, double y, double rot, int hp) {
        planes.add(new Plane(id, name, x, y, rot, hp, true, 0, 0, 0));
        return this;
    }

    public FakeSnapshot deadPlane(int id, String name) {
        planes.add(new Plane(id, name, 0, 0, 0, 0, false, 0, 0, 0));
        return this;
    }

    public FakeSnapshot scoredPlane(int id, String name, boolean alive, int kills, int deaths) {
        planes.add(new Plane(id, name, 0, 0, 0, alive ? 100 : 0, alive, kills, deaths, 0));
        return this;
    }

    public FakeSnapshot projectile(int id, int owner, double x, double y, double rot) {
        projectiles.add(new Projectile(id, owner, x, y, rot));
        return this;
    }

    public FakeSnapshot kill(int killer, int victim) {
        kills.add(new Kill(killer, victim));
        return this;
    }

    public FakeSnapshot clearKills() {
        kills.clear();
        return this;
    }

    @Override public long sequence() { return sequence; }
    @Override public long tick() { return tick; }
    @Override public LobbyStatus status() { return status; }
    @Override public int matchSecondsLeft() { return matchSecondsLeft; }
    @Override public long scoresVersion() { return scoresVersion; }
    @Override public int planeCount() { return planes.size(); }
    @Override public int planeId(int i) { return planes.get(i).id; }
    @Override public String planeName(int i) { return planes.get(i).name; }
    @Override public double planeX(int i) { return planes.get(i).x; }
    @Override public double planeY(int i) { return planes.get(i).y; }
    @Override public double planeRot(int i) { return planes.get(i).rot; }
    @Override public double planeThrottle(int i) { return 0; }
    @Override public int planeHp(int i) { return planes.get(i).hp; }
    @Override public boolean planeAlive(int i) { return planes.get(i).alive; }
    @Override public int planeKills(int i) { return planes.get(i).kills; }
    @Override public int planeDeaths(int i) { return planes.get(i).deaths; }
    @Override public long planeLastInputSeq(int i) { return planes.get(i).lastSeq; }
    @Override public int projectileCount() { return projectiles.size(); }
    @Override public int projectileId(int i) { return projectiles.get(i).id; }
    @Override public int projectileOwner(int i) { return projectiles.get(i).owner; }
    @Override public double projectileX(int i) { return projectiles.get(i).x; }
    @Override public double projectileY(int i) { return projectiles.get(i).y; }
    @Override public double projectileRot(int i) { return projectiles.get(i).rot; }
    @Override public double projectileVx(int i) { return 0; }
    @Override public double projectileVy(int i) { return 0; }
    @Override public long projectileSpawnTick(int i) { return 0; }
    @Override public int hitCount() { return 0; }
    @Override public int hitProjectileId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitShooterId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitVictimId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitDamage(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int hitVictimHp(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int killCount() { return kills.size(); }
    @Override public int killKillerId(int i) { return kills.get(i).killer; }
    @Override public int killVictimId(int i) { return kills.get(i).victim; }
    @Override public int spawnCount() { return 0; }
    @Override public int spawnPlayerId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public int removedProjectileCount() { return 0; }
    @Override public int removedProjectileId(int i) { throw new IndexOutOfBoundsException(i); }
    @Override public EncodedBuffer encoded(int index) { throw new UnsupportedOperationException("not encoded"); }
}
