/**
 * Scheduling priority of the pipeline's threads: the game loop and the encoding stage run in real time
 * (SCHED_FIFO, {@code --game-loop-rt-priority}) where the server may, and at a lower nice value than
 * everything else on the machine ({@code --game-loop-nice}) where it may not, so a busy machine delays
 * the bulk work (sockets, HTTP, the JIT, other processes) before it delays a tick.
 *
 * <p>Why: a game-loop thread wakes 60 times a second and works well under a millisecond, but on a
 * saturated 2-core machine it waited on the run queue about a millisecond per wake-up on average, and
 * now and then over half a tick, which is a late tick for every lobby it hosts (BENCHMARKS.md,
 * "2026-12-02, seventh session"). Linux gives a thread with a lower nice value a larger share and
 * lets it preempt on wake-up, but at 1,024 clients a nice -10 game loop still waited 5.2 ms at p99 and
 * up to 20 ms for a core when its beat woke it (behind the selector, the encoder, softirq, RCU, other
 * processes) and late beats stayed; in SCHED_FIFO it waited 0.43 ms at p99, 1.1 ms at most, and held the
 * tick in 4 of 6 runs against 1 of 6 (BENCHMARKS.md, "the game loop in real time"). The two
 * threads work under a millisecond per beat, so real time takes almost nothing from the rest; the
 * policy is set with {@code SCHED_RESET_ON_FORK}, so a thread they happen to start is a normal one.
 *
 * <p>Threads: {@link org.jetraiders.server.sched.PipelinePriorities#started} runs on each pipeline
 * thread as it starts (the engine's {@code PipelineThreadHook}); Linux's {@code setpriority(2)} with
 * {@code who = 0} changes the calling thread only, as does {@code sched_setscheduler(2)} with
 * {@code pid = 0}. Lowering a nice value needs root,
 * {@code CAP_SYS_NICE}, or an {@code RLIMIT_NICE} of at least {@code 20 - nice} ({@code docker run
 * --ulimit nice=30} for -10), SCHED_FIFO root, {@code CAP_SYS_NICE} or an {@code RLIMIT_RTPRIO} of at
 * least the priority; without them the server logs once per role and runs on at what it got.
 */
package org.jetraiders.server.sched;
