/**
 * Scheduling priority of the pipeline's threads: the game loop and the encoding stage run at a lower
 * nice value than everything else on the machine, so a busy machine delays the bulk work (sockets,
 * HTTP, the JIT, other processes) before it delays a tick.
 *
 * <p>Why: a game-loop thread wakes 60 times a second and works well under a millisecond, but on a
 * saturated 2-core machine it waited on the run queue about a millisecond per wake-up on average, and
 * now and then over half a tick, which is a late tick for every lobby it hosts (BENCHMARKS.md,
 * "2026-12-02, seventh session"). Linux gives a thread with a lower nice value a larger share and
 * lets it preempt on wake-up.
 *
 * <p>Threads: {@link org.jetraiders.server.sched.PipelinePriorities#started} runs on each pipeline
 * thread as it starts (the engine's {@code PipelineThreadHook}); Linux's {@code setpriority(2)} with
 * {@code who = 0} changes the calling thread only. Lowering a nice value needs root,
 * {@code CAP_SYS_NICE}, or an {@code RLIMIT_NICE} of at least {@code 20 - nice} ({@code docker run
 * --ulimit nice=30} for -10); without it the server logs once and runs on at the default priority.
 */
package org.jetraiders.server.sched;
