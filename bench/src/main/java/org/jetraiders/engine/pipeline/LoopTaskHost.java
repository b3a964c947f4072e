package org.jetraiders.engine.pipeline;

/**
 * Benchmark access to {@link LoopTask#hostedBy}, which needs a {@link GameLoopShard} (package-private
 * constructor): hosts a task on a shard that is never started, so that a benchmark thread can call
 * {@link LoopTask#run} itself with times of its choosing, as the shard's thread would on its beat.
 *
 * <p>Lives in the <em>bench</em> module under the engine's package name (split package on the class
 * path), so the engine's API stays as it is.
 */
public final class LoopTaskHost {
    private LoopTaskHost() {
    }

    /**
     * Hosts {@code task} as a shard whose schedules are aligned to {@code epochNanos} would at
     * {@code nowNanos}: a ticking lobby's first tick falls due one period after {@code epochNanos}
     * when {@code nowNanos == epochNanos}. The shard's thread is never started; nothing wakes it.
     */
    public static void host(LoopTask task, long epochNanos, long nowNanos) {
        task.hostedBy(new GameLoopShard("bench-unstarted-shard", epochNanos, PassThread.NO_START_HOOK), nowNanos);
    }
}
