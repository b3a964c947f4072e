package org.jetraiders.server.transport;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.lobby.WireEncodings;

/** JSON: the WorldUpdate encoded once per tick, with only this client's {@code ack} spliced in. */
final class JsonConnectionSink extends ConnectionSink {
    JsonConnectionSink(Connection connection, FrameSender sender, int playerId, long queueLimitBytes) {
        super(connection, sender, playerId, queueLimitBytes);
    }

    @Override
    protected void sendWorld(Snapshot snapshot, long inputAck) {
        EncodedBuffer world = snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE);
        if (world.length() > 0) { // empty only if the encoder failed for this tick (the stage logged it)
            sender.sendWorldUpdate(world, inputAck);
        }
    }
}
