package org.jetraiders.bench.codec;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * The server's JSON path as a lobby runs it: {@link JsonWorldUpdateEncoder} once per snapshot on the
 * encoding stage, then {@link JsonWorldUpdateFrame#withAck} per client on a consumer thread.
 */
final class JsonWireCodec implements WireCodec {
    private final JsonWorldUpdateEncoder encoder = new JsonWorldUpdateEncoder();

    @Override
    public int encodeShared(Snapshot snapshot, EncodedBuffer shared) {
        encoder.encode(snapshot, shared);
        return shared.length();
    }

    @Override
    public int encodeClient(int client, Snapshot snapshot, EncodedBuffer shared, long inputAck, long ackedTick,
            EncodedBuffer out) {
        return JsonWorldUpdateFrame.withAck(shared, inputAck, out);
    }
}
