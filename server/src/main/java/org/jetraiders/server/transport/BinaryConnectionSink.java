package org.jetraiders.server.transport;

import org.jetraiders.engine.DetachReason;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.engine.EncodedBuffer;

/**
 * Binary protocol: each snapshot is encoded for this client alone, as a delta against the last
 * snapshot it acknowledged (a full one on join, after a Lagged skip, or when its baseline is too
 * old). The snapshot was quantized once for the lobby on the encoding stage; the delta is
 * per-client work, so it runs here on the consumer thread, never on the game loop.
 */
final class BinaryConnectionSink extends ConnectionSink implements FrameSender.BinaryFrameWriter {
    private final BinaryClientEncoder encoder;
    private final BinaryQuantizeStage quantized;
    private volatile long acknowledgedTick = -1;
    // spectators: a full frame every this many frames (0: never), since they acknowledge nothing
    private int fullFrameEvery;
    private int framesSinceFull;

    BinaryConnectionSink(Connection connection, FrameSender sender, int playerId, long queueLimitBytes,
                         BinaryMode mode, int tickRateHz, BinaryQuantizeStage quantized) {
        super(connection, sender, playerId, queueLimitBytes);
        this.encoder = new BinaryClientEncoder(mode, tickRateHz);
        this.quantized = quantized;
        if (quantized != null) {
            quantized.markInUse();
        }
    }

    /**
     * For a spectator, which sends no Input and so acknowledges no tick: a full frame every
     * {@code frames} frames, so that one that failed to decode a frame (and lost its baselines)
     * recovers within that many frames without asking.
     */
    void fullFrameEvery(int frames) {
        this.fullFrameEvery = frames;
    }

    @Override
    protected void sendWorld(Snapshot snapshot, long inputAck) {
        if (fullFrameEvery > 0 && ++framesSinceFull >= fullFrameEvery) {
            encoder.resetBaseline();
            framesSinceFull = 0;
        }
        sender.sendBinary(this, snapshot, inputAck); // this, not a capturing lambda: no allocation
    }

    @Override
    public int write(EncodedBuffer out, Snapshot snapshot, long inputAck) {
        return encoder.encode(quantized, snapshot, inputAck, acknowledgedTick, out);
    }

    @Override
    void snapshotAcknowledged(long tick) {
        acknowledgedTick = tick;
    }

    @Override
    public void onDetached(DetachReason reason) {
        if (quantized != null) {
            quantized.release();
        }
        super.onDetached(reason);
    }

    @Override
    public void onLagged(long missed) {
        encoder.resetBaseline(); // the client missed frames: the next one must stand alone
        super.onLagged(missed);
    }
}
