package org.jetraiders.server.transport;

import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.lobby.WireEncodings;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;

/** JSON: the WorldUpdate encoded once per tick, with only this client's {@code ack} spliced in. */
final class JsonConnectionSink extends ConnectionSink {
    private final JsonWorldUpdateEncoder world;

    JsonConnectionSink(Connection connection, FrameSender sender, int playerId, long queueLimitBytes,
                       JsonWorldUpdateEncoder world) {
        super(connection, sender, playerId, queueLimitBytes);
        this.world = world;
        if (world != null) {
            world.markInUse();
        }
    }

    @Override
    public void onDetached(DetachReason reason) {
        if (world != null) {
            world.release();
        }
        super.onDetached(reason);
    }

    @Override
    protected void sendWorld(Snapshot snapshot, long inputAck) {
        EncodedBuffer world = snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE);
        if (world.length() > 0) { // empty only if the encoder failed for this tick (the stage logged it)
            sender.sendWorldUpdate(world, inputAck);
        }
    }
}
