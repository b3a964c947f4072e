package org.jetraiders.bench.codec;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;

/**
 * The server's binary protocol in one {@link BinaryMode}, as the server runs it: the lobby's
 * {@link BinaryQuantizeStage} quantizes each snapshot once ({@link #encodeShared}, no bytes), and one
 * {@link BinaryClientEncoder} per client writes that client's frame from it ({@link #encodeClient}).
 */
final class BinaryWireCodec implements WireCodec {
    private final BinaryClientEncoder[] encoders;
    // one state per recorded snapshot, like the server's ring of one per output-ring slot
    private final BinaryQuantizeStage stage;

    BinaryWireCodec(BinaryMode mode, int clients, int tickRateHz) {
        stage = new BinaryQuantizeStage(SnapshotCodecBenchmark.RECORDED_TICKS, tickRateHz);
        stage.markInUse();
        encoders = new BinaryClientEncoder[clients];
        for (int i = 0; i < clients; i++) {
            encoders[i] = new BinaryClientEncoder(mode, tickRateHz);
        }
    }

    @Override
    public int encodeShared(Snapshot snapshot, EncodedBuffer shared) {
        stage.encode(snapshot, shared);
        return 0; // no shared bytes: every binary frame is per client
    }

    @Override
    public int encodeClient(int client, Snapshot snapshot, EncodedBuffer shared, long inputAck, long ackedTick,
            EncodedBuffer out) {
        return encoders[client].encode(stage, snapshot, inputAck, ackedTick, out);
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
