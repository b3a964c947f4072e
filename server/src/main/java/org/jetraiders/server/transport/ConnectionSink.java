package org.jetraiders.server.transport;

import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.lobby.WireEncodings;
import org.jetraiders.server.protocol.json.ServerMessages;

/**
 * One connection's end of the lobby's output, on a consumer shard thread. It sends the shared bytes
 * the encoding stage wrote once per tick (kill feed, scoreboard) and leaves the snapshot itself to
 * the format: JSON splices this client's input ack into the shared WorldUpdate, binary encodes a
 * per-client delta. {@link #canAccept()} is false while the socket's send queue is over the limit,
 * which makes the engine skip snapshots (and later report them as Lagged) instead of queueing
 * without bound.
 */
abstract class ConnectionSink implements ClientSink {
    private final Connection connection;
    protected final FrameSender sender;
    private final int playerId;
    private final long queueLimitBytes;
    private final KeepAlive keepAlive;
    private int planeIndexHint;
    private long lastAck;
    private SpectatorFollow follow; // spectators only; set before the sink is attached
    private final EncodedBuffer laggedMessage = new EncodedBuffer(48); // consumer thread only

    ConnectionSink(Connection connection, FrameSender sender, int playerId, long queueLimitBytes) {
        this.connection = connection;
        this.sender = sender;
        this.playerId = playerId;
        this.queueLimitBytes = queueLimitBytes;
        // benchmarks and tests drive a sink without a connection: no keep-alive then
        this.keepAlive = connection != null ? connection.keepAlive() : KeepAlive.none();
    }

    /** Makes this a spectator's sink (its player id is 0): it keeps {@code follow} valid on every snapshot. */
    void follow(SpectatorFollow follow) {
        this.follow = follow;
    }

    @Override
    public boolean canAccept() {
        return sender.queuedBytes() < queueLimitBytes;
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        boolean lost = false;
        sender.beginBatch(); // the tick's frames leave in one write
        try {
            if (keepAlive.pingDue(snapshot.tick())) {
                lost = pingOrLost();
            }
            sendIfPresent(snapshot.encoded(WireEncodings.JSON_KILL_FEED));
            sendIfPresent(snapshot.encoded(WireEncodings.JSON_SCOREBOARD));
            if (follow != null) {
                follow.check(snapshot, sender);
            }
            int index = planeIndexHint < snapshot.planeCount() && snapshot.planeId(planeIndexHint) == playerId
                    ? planeIndexHint : snapshot.indexOfPlane(playerId);
            if (index >= 0) {
                planeIndexHint = index;
                lastAck = snapshot.planeLastInputSeq(index);
            }
            sendWorld(snapshot, lastAck);
        } finally {
            sender.endBatch();
        }
        if (lost) {
            connection.connectionLost();
        }
    }

    /** Once per ping interval: true if the last ping went unanswered too long, else a ping joins the batch. */
    private boolean pingOrLost() {
        long now = System.nanoTime();
        if (keepAlive.lost(now)) {
            return true;
        }
        sender.sendPing(now);
        return false;
    }

    /** Sends this tick's world state with the client's last processed input number. */
    protected abstract void sendWorld(Snapshot snapshot, long inputAck);

    /** The client acknowledged receiving the snapshot of this tick (binary clients, in their inputs). */
    void snapshotAcknowledged(long tick) {
    }

    private void sendIfPresent(EncodedBuffer buffer) {
        if (buffer.length() > 0) {
            sender.send(buffer.array(), 0, buffer.length());
        }
    }

    @Override
    public void onLagged(long missed) {
        ServerMessages.laggedUtf8(missed, laggedMessage);
        sender.send(laggedMessage.array(), 0, laggedMessage.length());
    }

    @Override
    public void onStatus(LobbyStatus status) {
        sender.send(ServerMessages.gameStateUtf8(status));
    }

    @Override
    public void onDetached(DetachReason reason) {
        connection.consumerDetached(reason);
    }
}
