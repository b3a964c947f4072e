package org.jetraiders.engine.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;

/**
 * Everything a {@link Snapshot} view shows, copied out inside {@code onSnapshot} (the view is reused
 * once the callback returns). Numbers are kept as a flat {@code long[]} with doubles as their raw bits,
 * so two copies compare bit for bit.
 */
public final class SnapshotCopy {
    public final long sequence;
    public final long tick;
    public final LobbyStatus status;
    public final int planeCount;
    public final int hitCount;
    public final int killCount;
    private final long[] numbers;
    private final List<String> names;
    private final byte[][] encoded;

    // per-plane values the tests look at directly
    private final int[] planeId;
    private final double[] planeRot;
    private final long[] planeLastInputSeq;
    private final int[] planeKills;
    private final int[] planeDeaths;

    public SnapshotCopy(Snapshot s, int encoderCount) {
        sequence = s.sequence();
        tick = s.tick();
        status = s.status();
        planeCount = s.planeCount();
        hitCount = s.hitCount();
        killCount = s.killCount();
        LongList n = new LongList();
        n.add(s.sequence()).add(s.tick()).add(s.status().phase().ordinal()).add(s.status().secondsLeft())
                .add(s.matchSecondsLeft()).add(s.scoresVersion());
        names = new ArrayList<>();
        planeId = new int[planeCount];
        planeRot = new double[planeCount];
        planeLastInputSeq = new long[planeCount];
        planeKills = new int[planeCount];
        planeDeaths = new int[planeCount];
        n.add(planeCount);
        for (int i = 0; i < planeCount; i++) {
            planeId[i] = s.planeId(i);
            planeRot[i] = s.planeRot(i);
            planeLastInputSeq[i] = s.planeLastInputSeq(i);
            planeKills[i] = s.planeKills(i);
            planeDeaths[i] = s.planeDeaths(i);
            names.add(s.planeName(i));
            n.add(s.planeId(i)).add(s.planeX(i)).add(s.planeY(i)).add(s.planeRot(i)).add(s.planeThrottle(i))
                    .add(s.planeHp(i)).add(s.planeAlive(i) ? 1 : 0).add(s.planeKills(i)).add(s.planeDeaths(i))
                    .add(s.planeLastInputSeq(i));
        }
        n.add(s.projectileCount());
        for (int i = 0; i < s.projectileCount(); i++) {
            n.add(s.projectileId(i)).add(s.projectileOwner(i)).add(s.projectileX(i)).add(s.projectileY(i))
                    .add(s.projectileRot(i)).add(s.projectileVx(i)).add(s.projectileVy(i)).add(s.projectileSpawnTick(i));
        }
        n.add(s.hitCount());
        for (int i = 0; i < s.hitCount(); i++) {
            n.add(s.hitProjectileId(i)).add(s.hitShooterId(i)).add(s.hitVictimId(i)).add(s.hitDamage(i))
                    .add(s.hitVictimHp(i));
        }
        n.add(s.killCount());
        for (int i = 0; i < s.killCount(); i++) {
            n.add(s.killKillerId(i)).add(s.killVictimId(i));
        }
        n.add(s.spawnCount());
        for (int i = 0; i < s.spawnCount(); i++) {
            n.add(s.spawnPlayerId(i));
        }
        n.add(s.removedProjectileCount());
        for (int i = 0; i < s.removedProjectileCount(); i++) {
            n.add(s.removedProjectileId(i));
        }
        numbers = n.toArray();
        encoded = new byte[encoderCount][];
        for (int e = 0; e < encoderCount; e++) {
            encoded[e] = Arrays.copyOf(s.encoded(e).array(), s.encoded(e).length());
        }
    }

    /** Every numeric field, doubles as {@link Double#doubleToRawLongBits}. */
    public long[] numbers() {
        return numbers.clone();
    }

    public List<String> names() {
        return names;
    }

    public byte[] encoded(int index) {
        return encoded[index];
    }

    public int indexOfPlane(int playerId) {
        for (int i = 0; i < planeCount; i++) {
            if (planeId[i] == playerId) {
                return i;
            }
        }
        return -1;
    }

    public double planeRot(int i) {
        return planeRot[i];
    }

    public long planeLastInputSeq(int i) {
        return planeLastInputSeq[i];
    }

    public int planeId(int i) {
        return planeId[i];
    }

    public int planeKills(int i) {
        return planeKills[i];
    }

    public int planeDeaths(int i) {
        return planeDeaths[i];
    }

    /** Bit-for-bit equality of every field (and of the names). */
    public boolean sameAs(SnapshotCopy other) {
        return Arrays.equals(numbers, other.numbers) && names.equals(other.names);
    }

    /** As {@link #sameAs}, except the place in the stream (a restored lobby numbers its snapshots from 0). */
    public boolean sameWorldAs(SnapshotCopy other) {
        return Arrays.equals(numbers, 1, numbers.length, other.numbers, 1, other.numbers.length)
                && names.equals(other.names);
    }

    @Override
    public String toString() {
        return "Snapshot(seq=" + sequence + ", tick=" + tick + ", " + status + ", planes=" + planeCount + ")";
    }

    private static final class LongList {
        private long[] a = new long[64];
        private int n;

        LongList add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
            return this;
        }

        LongList add(double v) {
            return add(Double.doubleToRawLongBits(v));
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
