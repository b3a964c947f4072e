package org.jetraiders.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.SnapshotEncoder;

/**
 * The stage between the game loop and the client consumers: runs each wire format's encoder once per
 * snapshot, never on the game loop. It owns no thread: an encoding {@link ConsumerShard} (shared by
 * many lobbies, and never by client sinks, which could block it) polls it when a game loop signals,
 * and it wakes the client threads when it is done. Client consumers read only snapshots this stage's {@link #sequence()} has passed, so the
 * bytes are complete when they see them; the sequence also gates the output ring, so the game loop
 * never overwrites a slot being encoded.
 *
 * <p>Polled by one shard thread at a time; {@link #retire()} and {@link #sequence()} are thread-safe.
 */
public final class EncodingStage {
    private static final System.Logger LOG = System.getLogger(EncodingStage.class.getName());

    private final RingBuffer<SnapshotEvent> ring;
    private final SnapshotEncoder[] encoders;
    private final Sequence sequence = new Sequence();
    private final ConsumerShards downstream;
    private volatile boolean retired;
    private long failures;

    /** @param downstream the client threads to wake when a snapshot is encoded */
    public EncodingStage(RingBuffer<SnapshotEvent> ring, SnapshotEncoder[] encoders, ConsumerShards downstream) {
        this.ring = ring;
        this.encoders = encoders.clone();
        this.downstream = downstream;
    }

    ConsumerShards downstream() {
        return downstream;
    }

    /** Starts gating the ring from its current cursor. Must run before the game loop publishes. */
    public void register() {
        ring.addGatingSequences(sequence);
    }

    /** How far the stage has encoded: the client consumers' upstream. */
    public Sequence sequence() {
        return sequence;
    }

    /** One pass: encode everything the game loop has published since the last one. */
    int poll() {
        if (retired) {
            ring.removeGatingSequence(sequence);
            return ClientConsumer.DONE;
        }
        long available = ring.getCursor();
        long current = sequence.get();
        if (available <= current) {
            return ClientConsumer.IDLE;
        }
        for (long s = current + 1; s <= available; s++) {
            encode(ring.get(s));
        }
        sequence.set(available);
        return ClientConsumer.WORKED;
    }

    private void encode(SnapshotEvent event) {
        for (int i = 0; i < encoders.length; i++) {
            try {
                EncodedBuffer out = event.encoded(i);
                out.resetToSharedCapacity();
                encoders[i].encode(event, out);
            } catch (RuntimeException e) {
                event.encoded(i).reset();
                if (failures++ % 1000 == 0) {
                    LOG.log(System.Logger.Level.ERROR, "snapshot encoder " + i + " failed (" + failures + " so far)", e);
                }
            }
        }
    }

    /** Any thread: the hosting shard drops the stage at its next pass. */
    public void retire() {
        retired = true;
    }
}
