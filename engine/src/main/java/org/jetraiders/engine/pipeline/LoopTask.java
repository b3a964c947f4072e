package org.jetraiders.engine.pipeline;

/**
 * Work a {@link GameLoopShard} runs on its beat: one lobby's game loop, or anything else that steps on
 * a schedule. The shard knows nothing of what a task simulates; it only asks when the task is next
 * due, runs it, and wakes the task's consumers once per pass when it published output.
 *
 * <p>{@link #run} and {@link #signalConsumers} are called only by the hosting shard's thread.
 */
public interface LoopTask {
    /**
     * Does what is due at {@code nowNanos} (ticks whose deadline passed, work requested through the
     * shard's wake-up).
     *
     * @return true if output was published, so {@link #signalConsumers} should run after this pass
     */
    boolean run(long nowNanos);

    /** When {@link #run} is next due without a wake-up; {@code Long.MAX_VALUE} when only on request. */
    long nextDeadline();

    /** True once the task is finished; the shard drops it at its next pass and never calls it again. */
    boolean isRetired();

    /** Wakes whoever consumes this task's output. {@code passId} is unique per pass of any shard. */
    void signalConsumers(long passId);

    /** The shard now hosting this task; called once, before the task is first run. */
    void hostedBy(GameLoopShard shard, long nowNanos);
}
