package org.jetraiders.server.transport;

import org.jetraiders.engine.ClientSink;
import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.lobby.WireEncodings;
import org.jetraiders.server.protocol.json.ServerMessages;

/**
 * One connection's end of the lobby's output: sends the shared bytes the encoding stage wrote once
 * per tick, adding only this client's part (its input ack) to the WorldUpdate. Runs on a consumer
 * shard thread. {@link #canAccept()} is false while the socket's send queue is over the limit, which
 * makes the engine skip snapshots (and later report them as Lagged) instead of queueing without bound.
 */
final class ConnectionSink implements ClientSink {
    private final Connection connection;
    private final TextFrameSender sender;
    private final int playerId;
    private final long queueLimitBytes;
    private int planeIndexHint;
    private long lastAck;

    ConnectionSink(Connection connection, TextFrameSender sender, int playerId, long queueLimitBytes) {
        this.connection = connection;
        this.sender = sender;
        this.playerId = playerId;
        this.queueLimitBytes = queueLimitBytes;
    }

    @Override
    public boolean canAccept() {
        return sender.queuedBytes() < queueLimitBytes;
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        sendIfPresent(snapshot.encoded(WireEncodings.JSON_KILL_FEED));
        sendIfPresent(snapshot.encoded(WireEncodings.JSON_SCOREBOARD));
        EncodedBuffer world = snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE);
        if (world.length() == 0) {
            return; // encoder failed for this tick (logged by the stage); skip rather than send garbage
        }
        int index = planeIndexHint < snapshot.planeCount() && snapshot.planeId(planeIndexHint) == playerId
                ? planeIndexHint : snapshot.indexOfPlane(playerId);
        if (index >= 0) {
            planeIndexHint = index;
            lastAck = snapshot.planeLastInputSeq(index);
        }
        sender.sendWorldUpdate(world, lastAck);
    }

    private void sendIfPresent(EncodedBuffer buffer) {
        if (buffer.length() > 0) {
            sender.send(buffer.array(), 0, buffer.length());
        }
    }

    @Override
    public void onLagged(long missed) {
        sender.send(ServerMessages.lagged(missed));
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
