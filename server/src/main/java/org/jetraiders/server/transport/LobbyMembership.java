package org.jetraiders.server.transport;

import java.net.InetAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jetraiders.engine.ClientSubscription;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.server.lobby.ManagedLobby;
import org.jetraiders.server.lobby.Seats;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.json.ClientMessage;
import org.jetraiders.server.protocol.json.ErrorCode;
import org.jetraiders.server.protocol.json.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's place in a lobby: the Join that takes it ({@link LobbyDoor} decides; this applies
 * the decision: Identity or Spectating, the sink attached, the pings moved onto the ticks), the seat a
 * player holds ({@link Seats.Holder}: a newer connection may take it over), and giving all of it
 * back at teardown. A player's plane outlives a dropped connection for the reconnect grace: the seat
 * is released rather than left, unless the client left or was sent away ({@link ConnectionCloser#keepsPlane}).
 *
 * <p>Threads: the Join and the takeover on the selector thread, which also reads this state for every
 * Input; the join timeout on the jr-timers thread; {@link #giveBack} on whichever thread tore the
 * connection down, under the closer's lock. Hence the state is volatile.
 */
final class LobbyMembership implements Seats.Holder {
    // the log lines keep the category they always had
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final Connection connection;
    private final TransportContext context;
    private final FrameSender sender;
    private final KeepAlive keepAlive;
    private final ConnectionCloser closer;
    private final LobbyDoor door;
    private final InetAddress address;
    private final String queryLobby;
    private final String remote;
    private final boolean binary;

    private volatile ScheduledFuture<?> joinTimeout;
    private volatile ManagedLobby lobby;
    private volatile int playerId;
    private volatile String name;
    private volatile ClientSubscription subscription;
    private volatile ConnectionSink sink;
    private volatile boolean spectator;
    private volatile SpectatorFollow follow;
    private volatile boolean superseded;

    /** @param connection the connection its sink reports keep-alive losses and detaches to */
    LobbyMembership(Connection connection, TransportContext context, FrameSender sender, KeepAlive keepAlive,
                    ConnectionCloser closer, InetAddress address, String queryLobby, String remote, boolean binary) {
        this.connection = connection;
        this.context = context;
        this.sender = sender;
        this.keepAlive = keepAlive;
        this.closer = closer;
        this.door = new LobbyDoor(context);
        this.address = address;
        this.queryLobby = queryLobby;
        this.remote = remote;
        this.binary = binary;
    }

    void armJoinTimeout() {
        joinTimeout = context.timers().schedule(() -> {
            if (lobby == null) {
                closer.close(CloseReason.JOIN_TIMEOUT);
            }
        }, context.config().joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The lobby joined (as a player or a spectator), or null before Join. */
    ManagedLobby lobby() {
        return lobby;
    }

    /** The lobby's name for the log; "-" before Join. */
    String lobbyName() {
        ManagedLobby current = lobby;
        return current == null ? "-" : current.name();
    }

    /** The player's id; 0 for a spectator, before Join and after teardown. */
    int playerId() {
        return playerId;
    }

    boolean isSpectator() {
        return spectator;
    }

    /** Whether a newer connection took this player's plane over. */
    boolean isSuperseded() {
        return superseded;
    }

    /** The lobby's output to this client, or null before Join. */
    ConnectionSink sink() {
        return sink;
    }

    /** Whom this spectator follows; null unless spectating. */
    SpectatorFollow follow() {
        return follow;
    }

    /** Selector thread: a Join. */
    void onJoin(ClientMessage message) {
        if (lobby != null) {
            context.metrics().rejectedInput("already_joined");
            sendError(ErrorCode.ALREADY_JOINED, spectator ? "already spectating; Join ignored"
                    : "already joined as player " + playerId + "; Join ignored");
            return;
        }
        Admission admission = door.admit(message, queryLobby, address, this);
        if (admission.isRefused()) {
            if (admission.error() != null) {
                sendError(admission.error(), admission.detail());
            }
            if (admission.isServerStopping()) {
                sender.send(ServerMessages.gameStateUtf8(LobbyStatus.STOPPING));
            }
            closer.close(admission.close());
            return;
        }
        if (admission.warning() != null) {
            sendError(admission.warning(), null);
        }
        ScheduledFuture<?> timeout = joinTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        ManagedLobby target = admission.lobby();
        Lobby engineLobby = target.lobby();
        int id = admission.playerId();
        this.spectator = admission.isSpectator();
        this.playerId = id;
        this.name = admission.name();
        this.lobby = target;
        sender.send(spectator ? ServerMessages.spectating(target.name(), 0)
                : ServerMessages.identity(id, target.name(), admission.resumeToken(), admission.resumed()));
        try {
            long limit = context.config().sendQueueLimitBytes();
            // a spectator acknowledges nothing (it sends no Input), so its binary frames are relative to
            // the previous frame sent rather than to an acknowledged one, with a full one every second
            int tickRate = engineLobby.config().tickRateHz();
            if (binary) {
                BinaryConnectionSink binarySink = new BinaryConnectionSink(connection, sender, id, limit,
                        spectator ? BinaryMode.PROJECTILE_EVENTS : BinaryMode.DELTA, tickRate, target.binaryStage());
                if (spectator) {
                    binarySink.fullFrameEvery(tickRate); // once a second
                }
                sink = binarySink;
            } else {
                sink = new JsonConnectionSink(connection, sender, id, limit, target.jsonWorld());
            }
            if (spectator) {
                follow = new SpectatorFollow(target.name());
                sink.follow(follow);
            }
            keepAlive.rideOnTicks(tickRate);
            subscription = engineLobby.attach(sink);
        } catch (IllegalStateException stopping) {
            closer.close(CloseReason.SERVER_STOPPING);
            return;
        }
        if (spectator) {
            LOG.info("spectate {} lobby={} format={}", remote, target.name(), binary ? "binary" : "json");
        } else {
            LOG.info("{} {} lobby={} player={} name={} format={}", admission.resumed() ? "resume" : "join", remote,
                    target.name(), id, name, binary ? "binary" : "json");
        }
        if (closer.isTorndown()) {
            closer.teardown(this); // closed while we were joining: undo what we just did
        }
    }

    /** Selector thread: the superseded connection's work is over; nothing it sends counts any more. */
    @Override
    public void superseded() {
        superseded = true;
        sendError(ErrorCode.SUPERSEDED, "another connection joined as player " + playerId + " and took the plane over");
        closer.close(CloseReason.SUPERSEDED);
    }

    /**
     * Only from {@link ConnectionCloser#teardown}, under its lock: cancels the join timeout, stops the
     * consumer, and gives back the spectator's place or the player's seat (held for the grace on a drop).
     */
    void giveBack() {
        ScheduledFuture<?> timeout = joinTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        ClientSubscription sub = subscription;
        subscription = null;
        if (sub != null) {
            sub.detach();
        }
        ManagedLobby current = lobby;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        if (spectator) {
            spectator = false; // once: the place is given back here
            current.exitAsSpectator(now);
            context.metrics().spectatorsChanged(-1);
        } else if (playerId > 0) {
            Seats.Release release = current.seats().release(playerId, this, closer.keepsPlane(), now);
            if (release == Seats.Release.HELD) {
                LOG.info("lobby {} player {} dropped; its plane waits {} s for it", current.name(), playerId,
                        context.config().reconnectGrace().toSeconds());
            }
            playerId = 0;
        }
    }

    private void sendError(ErrorCode code, String detail) {
        sender.send(ServerMessages.error(code, detail));
    }
}
