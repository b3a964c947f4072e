package org.jetraiders.engine;

/**
 * Runs first on every thread a {@link GameLoopPool} or {@link ClientThreadPool} starts, on that
 * thread, before its first pass: the place to set a thread's scheduling priority or CPU affinity,
 * which only the thread itself can do without knowing its native id. Threads started later (a client
 * thread replacing one whose sink blocked) run it too.
 *
 * <p>It must return promptly. An exception from it is logged and the thread runs on.
 */
@FunctionalInterface
public interface PipelineThreadHook {
    /** Does nothing. */
    PipelineThreadHook NONE = role -> { };

    /** Called on the starting thread. */
    void started(PipelineThreadRole role);
}
