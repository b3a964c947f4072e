package org.jetraiders.engine.sim;

/**
 * A {@link World}'s image in and out of a {@link StateWriter} / {@link StateReader}, in the one order
 * docs/JOURNAL.md gives: the tick and the counters, the generator, the match clock, planes by slot (the
 * slot is kept, since iteration order is slot order), projectiles in order, and the spawns and removals
 * still pending between two steps. Reading checks every count and slot against the world's capacities,
 * so a malformed image fails with a message instead of corrupting the world.
 *
 * <p>Called on the thread that owns the world: its lobby's game-loop thread writes images (checksums and
 * snapshots; writing allocates nothing), and restoring fills a new world before any loop steps it.
 */
final class WorldState {
    private WorldState() {
    }

    /** Writes the image of the world made of {@code w} after {@code tick} steps. */
    static void write(WorldParts w, long tick, StateWriter out) {
        out.putLong(tick);
        out.putLong(w.scores.scoresVersion());
        out.putLong(w.scores.matchNumber());
        out.putInt(w.roster.highestPlayerId());
        out.putInt(w.guns.nextProjectileId());
        out.putLong(w.random.state());
        w.clock.writeState(out);
        writePlanes(w.planes, out);
        writeProjectiles(w.projectiles, out);
        writePending(w.pending, out);
    }

    /** Reads an image {@link #write} wrote into the freshly built parts {@code w}; returns the tick. */
    static long read(WorldParts w, StateReader in) {
        long tick = nonNegative(in.getLong(), "tick");
        long scoresVersion = in.getLong();
        w.scores.restore(scoresVersion, nonNegative(in.getLong(), "match number"));
        w.roster.setHighestPlayerId(in.getInt());
        w.guns.setNextProjectileId(in.getInt());
        w.random.setState(in.getLong());
        w.clock.readState(in);
        readPlanes(w.planes, in);
        readProjectiles(w.projectiles, w.planes, in);
        readPending(w.pending, in);
        return tick;
    }

    private static void writePlanes(Planes p, StateWriter out) {
        out.putInt(p.count);
        for (int s = 0; s < p.capacity; s++) {
            if (!p.active[s]) {
                continue;
            }
            out.putInt(s);
            out.putInt(p.playerId[s]);
            out.putString(p.name[s]);
            out.putDouble(p.x[s]);
            out.putDouble(p.y[s]);
            out.putDouble(p.rot[s]);
            out.putDouble(p.throttle[s]);
            out.putDouble(p.forwardX[s]);
            out.putDouble(p.forwardY[s]);
            out.putInt(p.hp[s]);
            out.putBoolean(p.alive[s]);
            out.putInt(p.respawnTicksLeft[s]);
            out.putInt(p.cooldownTicksLeft[s]);
            out.putInt(p.kills[s]);
            out.putInt(p.deaths[s]);
            out.putDouble(p.thrust[s]);
            out.putDouble(p.turn[s]);
            out.putBoolean(p.shoot[s]);
            out.putLong(p.lastInputSeq[s]);
            out.putLong(p.clientKey[s]);
        }
    }

    private static void readPlanes(Planes p, StateReader in) {
        int count = count(in.getInt(), p.capacity, "planes");
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int s = in.getInt();
            if (s <= previous || s >= p.capacity) {
                throw new IllegalArgumentException("malformed world image: plane slot " + s + " after " + previous
                        + " (capacity " + p.capacity + ")");
            }
            previous = s;
            int id = in.getInt();
            if (p.addAt(s, id, in.getString()) != s) {
                throw new IllegalArgumentException("malformed world image: player " + id + " cannot take slot " + s);
            }
            p.x[s] = in.getDouble();
            p.y[s] = in.getDouble();
            p.rot[s] = in.getDouble();
            p.throttle[s] = in.getDouble();
            p.forwardX[s] = in.getDouble();
            p.forwardY[s] = in.getDouble();
            p.hp[s] = in.getInt();
            p.alive[s] = in.getBoolean();
            p.respawnTicksLeft[s] = in.getInt();
            p.cooldownTicksLeft[s] = in.getInt();
            p.kills[s] = in.getInt();
            p.deaths[s] = in.getInt();
            p.thrust[s] = in.getDouble();
            p.turn[s] = in.getDouble();
            p.shoot[s] = in.getBoolean();
            p.lastInputSeq[s] = in.getLong();
            p.clientKey[s] = in.getLong();
        }
    }

    private static void writeProjectiles(Projectiles q, StateWriter out) {
        out.putInt(q.count);
        for (int i = 0; i < q.count; i++) {
            out.putInt(q.id[i]);
            out.putInt(q.ownerId[i]);
            out.putInt(q.ownerSlot[i]);
            out.putDouble(q.x[i]);
            out.putDouble(q.y[i]);
            out.putDouble(q.rot[i]);
            out.putDouble(q.vx[i]);
            out.putDouble(q.vy[i]);
            out.putLong(q.spawnTick[i]);
            out.putInt(q.life[i]);
        }
    }

    private static void readProjectiles(Projectiles q, Planes planes, StateReader in) {
        int count = count(in.getInt(), q.capacity, "projectiles");
        for (int i = 0; i < count; i++) {
            int id = in.getInt();
            int ownerId = in.getInt();
            int ownerSlot = in.getInt();
            if (!planes.isActive(ownerSlot) || planes.playerId[ownerSlot] != ownerId) {
                throw new IllegalArgumentException("malformed world image: projectile " + id + " of player "
                        + ownerId + " names slot " + ownerSlot);
            }
            q.add(id, ownerId, ownerSlot, in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(),
                    in.getDouble(), in.getLong(), in.getInt());
        }
    }

    private static void writePending(TickEvents pending, StateWriter out) {
        out.putInt(pending.spawnCount());
        for (int i = 0; i < pending.spawnCount(); i++) {
            out.putInt(pending.spawnPlayerId(i));
        }
        out.putInt(pending.removedProjectileCount());
        for (int i = 0; i < pending.removedProjectileCount(); i++) {
            out.putInt(pending.removedProjectileId(i));
        }
    }

    private static void readPending(TickEvents pending, StateReader in) {
        pending.clear();
        int spawns = count(in.getInt(), Integer.MAX_VALUE, "pending spawns");
        for (int i = 0; i < spawns; i++) {
            pending.addSpawn(in.getInt());
        }
        int removed = count(in.getInt(), Integer.MAX_VALUE, "pending removals");
        for (int i = 0; i < removed; i++) {
            pending.addRemovedProjectile(in.getInt());
        }
    }

    private static long nonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException("malformed world image: " + what + " " + v);
        }
        return v;
    }

    private static int count(int n, int max, String what) {
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("malformed world image: " + n + " " + what + " (at most " + max + ")");
        }
        return n;
    }
}
