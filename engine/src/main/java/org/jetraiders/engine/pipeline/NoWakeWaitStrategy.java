package org.jetraiders.engine.pipeline;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * The wait strategy of rings whose consumers poll instead of waiting: publishing signals nobody. The
 * input ring is drained by its game-loop shard on the tick's beat, so an input need not wake any
 * thread (with {@code BlockingWaitStrategy} every publish took a lock and notified the game loop,
 * which then woke for nothing: the simulation only reads inputs at the next tick). Nothing may wait
 * on such a ring's barriers.
 */
public final class NoWakeWaitStrategy implements WaitStrategy {
    public static final NoWakeWaitStrategy INSTANCE = new NoWakeWaitStrategy();

    private NoWakeWaitStrategy() {
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier) {
        throw new UnsupportedOperationException("this ring is polled on a beat; nothing waits on its barriers");
    }

    @Override
    public void signalAllWhenBlocking() {
        // nobody blocks: the consumer polls at its next beat
    }
}
