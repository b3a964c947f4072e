package org.jetraiders.bench.codec;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.json.FrameBuilder;

/**
 * The server's binary protocol in one {@link BinaryMode}: no shared stage (the encoder is per
 * connection, see {@link BinaryClientEncoder}'s class doc), one {@link BinaryClientEncoder} per client
 * with the default history, all of the work in {@link #encodeClient}.
 */
final class BinaryWireCodec implements WireCodec {
    private final BinaryClientEncoder[] encoders;

    BinaryWireCodec(BinaryMode mode, int clients, int tickRateHz) {
        encoders = new BinaryClientEncoder[clients];
        for (int i = 0; i < clients; i++) {
            encoders[i] = new BinaryClientEncoder(mode, tickRateHz);
        }
    }

    @Override
    public int encodeShared(Snapshot snapshot, EncodedBuffer shared) {
        return 0;
    }

    @Override
    public int encodeClient(int client, Snapshot snapshot, EncodedBuffer shared, long inputAck, long ackedTick,
            FrameBuilder out) {
        return encoders[client].encode(snapshot, inputAck, ackedTick, out);
    }

    int fullFrames() {
        int n = 0;
        for (BinaryClientEncoder e : encoders) {
            n += e.fullFrames();
        }
        return n;
    }

    int deltaFrames() {
        int n = 0;
        for (BinaryClientEncoder e : encoders) {
            n += e.deltaFrames();
        }
        return n;
    }
}
