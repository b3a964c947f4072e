package org.jetraiders.server.lobby;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.engine.Lobby;
import org.jetraiders.server.metrics.RecentTicks;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;

/**
 * An engine lobby plus what the server needs around it: how many connections use it, since when it
 * has been empty, its players' seats (who may resume which plane, see {@link Seats}) and its
 * spectators. {@link #enter()} and {@link #tryRetire()} race safely: a lobby is retired only
 * while nobody is in it, and nobody can enter a retired lobby. A player away in its reconnect grace
 * still occupies its place; so does a spectator.
 */
public final class ManagedLobby {
    private static final int RETIRED = -1;

    private final Lobby lobby;
    private final BinaryQuantizeStage binaryStage;
    private final JsonWorldUpdateEncoder jsonWorld;
    private final InetAddress creator;
    private final RecentTicks recentTicks;
    private final boolean permanent;
    private final AtomicInteger occupants = new AtomicInteger();
    private final AtomicInteger spectators = new AtomicInteger();
    private final Seats seats;
    private volatile long emptySinceNanos;

    /** @param reconnectGraceNanos how long a dropped player's plane waits for it (0: it leaves at once) */
    ManagedLobby(Lobby lobby, BinaryQuantizeStage binaryStage, JsonWorldUpdateEncoder jsonWorld,
                 RecentTicks recentTicks, InetAddress creator, boolean permanent, long nowNanos,
                 long reconnectGraceNanos) {
        this.lobby = lobby;
        this.seats = new Seats(lobby, this::exit, reconnectGraceNanos);
        this.creator = creator;
        this.binaryStage = binaryStage;
        this.jsonWorld = jsonWorld;
        this.recentTicks = recentTicks;
        this.permanent = permanent;
        this.emptySinceNanos = nowNanos;
    }

    public Lobby lobby() {
        return lobby;
    }

    /** The lobby's shared quantization for binary clients. */
    public BinaryQuantizeStage binaryStage() {
        return binaryStage;
    }

    /** The lobby's shared WorldUpdate encoder for JSON clients (runs only while one is attached). */
    public JsonWorldUpdateEncoder jsonWorld() {
        return jsonWorld;
    }

    /** How the lobby ticked over the last seconds, recorded by its game loop; {@code /health} judges on it. */
    public RecentTicks recentTicks() {
        return recentTicks;
    }

    public String name() {
        return lobby.name();
    }

    /** The remote address whose Join created this lobby; null for lobbies the server made. */
    public InetAddress creator() {
        return creator;
    }

    public boolean isPermanent() {
        return permanent;
    }

    public int occupants() {
        return Math.max(0, occupants.get());
    }

    /** Who holds which player's plane, and who may take it back. */
    public Seats seats() {
        return seats;
    }

    /**
     * A player the engine lobby already has (restored from a journal after a restart) whose client
     * has yet to come back: it claims its place and waits the reconnect grace like a dropped player.
     *
     * @return false if the lobby was retired meanwhile
     */
    public boolean restoreHeldPlayer(int playerId, long resumeKey, long nowNanos) {
        if (!enter()) {
            return false;
        }
        seats.restoreHeld(playerId, resumeKey, nowNanos);
        return true;
    }

    /** Spectators watching now. */
    public int spectators() {
        return Math.max(0, spectators.get());
    }

    /**
     * Claims a spectator's place ({@link #enter()} too, so a watched lobby stays open).
     *
     * @param max spectators this lobby admits
     * @return false when {@code max} are watching or the lobby was retired
     */
    public boolean enterAsSpectator(int max) {
        while (true) {
            int n = spectators.get();
            if (n >= max) {
                return false;
            }
            if (spectators.compareAndSet(n, n + 1)) {
                break;
            }
        }
        if (!enter()) {
            spectators.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives a spectator's place back. */
    public void exitAsSpectator(long nowNanos) {
        spectators.decrementAndGet();
        exit(nowNanos);
    }

    /** Claims a place for a connection; false if the lobby was retired meanwhile. */
    public boolean enter() {
        while (true) {
            int n = occupants.get();
            if (n == RETIRED) {
                return false;
            }
            if (occupants.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives the place back; the lobby's idle clock starts when the last one leaves. */
    public void exit(long nowNanos) {
        if (occupants.decrementAndGet() == 0) {
            emptySinceNanos = nowNanos;
        }
    }

    /** Retires the lobby if it has been empty for {@code idleNanos}; true if this call retired it. */
    boolean tryRetire(long nowNanos, long idleNanos) {
        return !permanent && occupants.get() == 0 && nowNanos - emptySinceNanos >= idleNanos
                && occupants.compareAndSet(0, RETIRED);
    }
}
