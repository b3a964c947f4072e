package org.jetraiders.engine.pipeline;

import java.util.List;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import org.jetraiders.engine.SnapshotEncoder;

/**
 * The stage between the game loop and the client consumers: runs each wire format's encoder once per
 * snapshot (never on the game loop), then wakes the consumer shards. Client consumers read only
 * snapshots this stage's sequence has passed, so the bytes are complete when they see them.
 */
public final class EncodingStageHandler implements EventHandler<SnapshotEvent> {
    private static final System.Logger LOG = System.getLogger(EncodingStageHandler.class.getName());

    private final SnapshotEncoder[] encoders;
    private final ConsumerShards shards;
    private long failures;
    private Sequence progress;

    public EncodingStageHandler(List<SnapshotEncoder> encoders, ConsumerShards shards) {
        this.encoders = encoders.toArray(new SnapshotEncoder[0]);
        this.shards = shards;
    }

    @Override
    public void onEvent(SnapshotEvent event, long sequence, boolean endOfBatch) {
        for (int i = 0; i < encoders.length; i++) {
            try {
                encoders[i].encode(event, event.encoded(i));
            } catch (RuntimeException e) {
                event.encoded(i).reset();
                if (failures++ % 1000 == 0) {
                    LOG.log(System.Logger.Level.ERROR, "snapshot encoder " + i + " failed (" + failures + " so far)", e);
                }
            }
        }
        if (endOfBatch) {
            // The processor would publish our progress only after this call returns; a shard woken
            // before that finds nothing new and parks for its idle period. Publish it first.
            progress.set(sequence);
            shards.signalAll();
        }
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        this.progress = sequenceCallback;
    }
}
