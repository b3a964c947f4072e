package org.jetraiders.server.lobby;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jetraiders.engine.Lobby;

/**
 * The players of one lobby who came through the server's door (bots are not seated), each with its
 * resume key and who holds its plane: a connection, or nobody for up to the reconnect grace after
 * its connection dropped. A {@code Join} presenting the key within the grace takes the seat back
 * (same player id, plane, kills and deaths); one presenting it while another connection holds the
 * seat takes it over, and the older connection is told to go ({@link Holder#superseded()}).
 *
 * <p>A seat owns its player's place in the lobby ({@link ManagedLobby#enter()}): a held seat keeps
 * the lobby open, and the place is given back only when the player leaves for good. Changes to the
 * simulation (the player's DISCONNECT or LEAVE) are published to the engine while the seat's lock is
 * held, so they enter the input ring in the order the seats changed: a resumed client's first input
 * always comes after the DISCONNECT that reset its input sequence.
 *
 * <p>Thread-safe: joins and resumes on the WebSocket selector thread, releases on whichever thread
 * saw a connection close, expiry on the timer thread. Nothing here runs per message.
 */
public final class Seats {
    /** Whoever holds a seat: a connection. */
    public interface Holder {
        /** A newer connection took the seat over: close this one. Called on the taker's thread, without locks. */
        void superseded();
    }

    /** What became of a seat whose holder let it go. */
    public enum Release {
        /** The plane stays for the grace; nobody holds it. */
        HELD,
        /** The player left: plane removed, place in the lobby given back. */
        LEFT,
        /** The caller no longer held the seat (a newer connection took it over): nothing changed. */
        NOT_HOLDER
    }

    /** A seat taken back: the player's id, and whether a live connection had to give it up. */
    public record Resumption(int playerId, boolean tookOver) {
    }

    private static final class Seat {
        final int playerId;
        final long key;
        Holder holder;
        long heldSinceNanos;

        Seat(int playerId, long key, Holder holder, long heldSinceNanos) {
            this.playerId = playerId;
            this.key = key;
            this.holder = holder;
            this.heldSinceNanos = heldSinceNanos;
        }
    }

    private final Lobby lobby;
    private final LongConsumer exitLobby;
    private final long graceNanos;
    private final Map<Long, Seat> byKey = new HashMap<>();
    private final Map<Integer, Seat> byPlayer = new HashMap<>();

    /**
     * @param exitLobby gives a departed player's place back (ManagedLobby::exit), with the time
     * @param graceNanos how long a plane waits for its player to come back; 0: it leaves at once
     */
    Seats(Lobby lobby, LongConsumer exitLobby, long graceNanos) {
        this.lobby = lobby;
        this.exitLobby = exitLobby;
        this.graceNanos = graceNanos;
    }

    /** Seats a player who just joined the engine lobby, holding the place its connection claimed. */
    public synchronized void seat(int playerId, long key, Holder holder) {
        Seat seat = new Seat(playerId, key, holder, 0);
        byPlayer.put(playerId, seat);
        if (key != 0) {
            byKey.put(key, seat); // a key is one player's: a fresh seat under it replaces none in practice
        }
    }

    /**
     * Seats a player the lobby already has, with nobody connected: a lobby restored after a restart
     * (its players came back from the journal, their connections did not). It waits the grace like
     * any dropped player.
     */
    public synchronized void restoreHeld(int playerId, long key, long nowNanos) {
        Seat seat = new Seat(playerId, key, null, nowNanos);
        byPlayer.put(playerId, seat);
        if (key != 0) {
            byKey.put(key, seat);
        }
    }

    /**
     * Takes the seat of {@code key} for {@code holder}, if there is one. A seat held by another live
     * connection is taken over: the player's input turns neutral (DISCONNECT, so the new client's
     * input numbers start afresh) and the previous holder is told to go.
     *
     * @return the player taken back, or null when no seat has this key (join as a new player)
     */
    public Resumption resume(long key, Holder holder) {
        if (key == 0) {
            return null;
        }
        Holder previous;
        int playerId;
        synchronized (this) {
            Seat seat = byKey.get(key);
            if (seat == null) {
                return null;
            }
            previous = seat.holder;
            playerId = seat.playerId;
            seat.holder = holder;
            seat.heldSinceNanos = 0;
            if (previous != null) {
                lobby.disconnect(playerId);
            }
        }
        if (previous != null && previous != holder) {
            previous.superseded();
        }
        return new Resumption(playerId, previous != null);
    }

    /**
     * The holder's connection ended. With {@code keepPlane} (a drop: the network, a slow reader) and a
     * grace, the plane stays with a neutral input; otherwise (the player left, or was sent away for
     * misbehaving) it leaves now.
     */
    public synchronized Release release(int playerId, Holder holder, boolean keepPlane, long nowNanos) {
        Seat seat = byPlayer.get(playerId);
        if (seat == null || seat.holder != holder) {
            return Release.NOT_HOLDER;
        }
        if (keepPlane && graceNanos > 0) {
            seat.holder = null;
            seat.heldSinceNanos = nowNanos;
            lobby.disconnect(playerId);
            return Release.HELD;
        }
        remove(seat, nowNanos);
        return Release.LEFT;
    }

    /**
     * Removes the planes whose grace is over, as if their players had left.
     *
     * @return the player ids removed (empty, and allocation-free, when none)
     */
    public synchronized List<Integer> expire(long nowNanos) {
        List<Integer> expired = List.of();
        for (Seat seat : byPlayer.values()) {
            if (seat.holder == null && nowNanos - seat.heldSinceNanos >= graceNanos) {
                if (expired.isEmpty()) {
                    expired = new ArrayList<>();
                }
                expired.add(seat.playerId);
            }
        }
        for (int playerId : expired) {
            remove(byPlayer.get(playerId), nowNanos);
        }
        return expired;
    }

    /** Seats whose player is away (in the grace). */
    public synchronized int held() {
        int n = 0;
        for (Seat seat : byPlayer.values()) {
            if (seat.holder == null) {
                n++;
            }
        }
        return n;
    }

    /** Whether this player has a seat (connected or held). */
    public synchronized boolean isSeated(int playerId) {
        return byPlayer.containsKey(playerId);
    }

    /** Under the lock: the player leaves the engine lobby and gives its place back. */
    private void remove(Seat seat, long nowNanos) {
        byPlayer.remove(seat.playerId);
        if (seat.key != 0) {
            byKey.remove(seat.key, seat);
        }
        lobby.leave(seat.playerId);
        exitLobby.accept(nowNanos);
    }
}
