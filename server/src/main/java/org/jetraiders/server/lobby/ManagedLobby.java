package org.jetraiders.server.lobby;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetraiders.engine.Lobby;
import org.jetraiders.server.metrics.RecentTicks;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;

/**
 * An engine lobby plus what the server needs around it: how many connections use it, since when it
 * has been empty. {@link #enter()} and {@link #tryRetire()} race safely: a lobby is retired only
 * while nobody is in it, and nobody can enter a retired lobby.
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
    private volatile long emptySinceNanos;

    ManagedLobby(Lobby lobby, BinaryQuantizeStage binaryStage, JsonWorldUpdateEncoder jsonWorld,
                 RecentTicks recentTicks, InetAddress creator, boolean permanent, long nowNanos) {
        this.lobby = lobby;
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
