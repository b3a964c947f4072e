package org.jetraiders.engine.sim;

/**
 * Who is in the world and what they hold down: players joining (their plane spawns at once) and
 * leaving (their plane and projectiles go), and each player's latest input, held in {@link Planes}
 * until replaced. These happen between steps; their events wait in the world's pending events for the
 * next step, and a player who joins and leaves between two steps leaves no spawn event.
 *
 * <p>Only the game-loop thread of the world's lobby touches it.
 */
final class Roster {
    private final Planes planes;
    private final Projectiles projectiles;
    private final Spawner spawner;
    private final MatchScores scores;
    private final TickEvents pending;

    private int highestPlayerId;

    Roster(Planes planes, Projectiles projectiles, Spawner spawner, MatchScores scores, TickEvents pending) {
        this.planes = planes;
        this.projectiles = projectiles;
        this.spawner = spawner;
        this.scores = scores;
        this.pending = pending;
    }

    /** Takes the lowest free slot and spawns the plane; World.NO_SLOT when full or the id is present. */
    int add(int playerId, String name, long clientKey) {
        int slot = planes.add(playerId, name);
        if (slot == World.NO_SLOT) {
            return World.NO_SLOT;
        }
        planes.clientKey[slot] = clientKey;
        spawner.spawn(slot);
        pending.addSpawn(playerId);
        scores.changed();
        highestPlayerId = Math.max(highestPlayerId, playerId);
        return slot;
    }

    /** Removes the player, its plane and its projectiles (compacted in order). False when unknown. */
    boolean remove(int playerId) {
        int slot = planes.slotOf(playerId);
        if (slot == World.NO_SLOT) {
            return false;
        }
        Projectiles p = projectiles;
        int w = 0;
        for (int r = 0; r < p.count; r++) {
            if (p.ownerSlot[r] == slot) {
                pending.addRemovedProjectile(p.id[r]);
            } else {
                if (w != r) {
                    p.move(r, w);
                }
                w++;
            }
        }
        p.count = w;
        pending.removeSpawnsOf(playerId);
        planes.remove(slot);
        scores.changed();
        return true;
    }

    /** The DISCONNECT rule: a neutral input and the input sequence back to 0. False when unknown. */
    boolean disconnect(int playerId) {
        int slot = planes.slotOf(playerId);
        if (slot == World.NO_SLOT) {
            return false;
        }
        setInput(slot, 0, 0, false, 0);
        return true;
    }

    /** Stores the input unless the player is unknown or the sequence is stale (0 is never stale). */
    int applyInput(int playerId, double thrust, double turn, boolean shoot, long inputSeq) {
        int slot = planes.slotOf(playerId);
        if (slot == World.NO_SLOT) {
            return World.INPUT_UNKNOWN_PLAYER;
        }
        if (inputSeq != 0 && inputSeq <= planes.lastInputSeq[slot]) {
            return World.INPUT_STALE;
        }
        setInput(slot, thrust, turn, shoot, inputSeq);
        return World.INPUT_APPLIED;
    }

    /** Holds the input in the plane's slot, clamped to [-1, 1], non-finite as 0; ignored for a free slot. */
    void setInput(int slot, double thrust, double turn, boolean shoot, long inputSeq) {
        if (!planes.isActive(slot)) {
            return;
        }
        planes.thrust[slot] = clampInput(thrust);
        planes.turn[slot] = clampInput(turn);
        planes.shoot[slot] = shoot;
        planes.lastInputSeq[slot] = inputSeq;
    }

    private static double clampInput(double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        return v < -1 ? -1 : (v > 1 ? 1 : v);
    }

    /** The largest player id ever added (0 if none). */
    int highestPlayerId() {
        return highestPlayerId;
    }

    /** Restoring a world image. */
    void setHighestPlayerId(int id) {
        highestPlayerId = id;
    }
}
