package org.jetraiders.server.agones;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread, {@code jr-agones}, on which every piece of Agones state is read and written, and
 * on which the HTTP client completes its calls. Work handed to it after {@link #stop()} is dropped,
 * so late answers from the sidecar cannot act on a stopping server. A task that throws is logged and
 * does not end a periodic schedule's successors (each run catches its own errors).
 */
final class AgonesThread implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(AgonesThread.class);

    private final ScheduledThreadPoolExecutor executor;

    AgonesThread() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jr-agones");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code task} on the Agones thread soon; dropped once stopped. */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException stopped) {
            // stopping: late work has nothing left to act on
        }
    }

    void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopping
        }
    }

    /** Runs {@code task} now and then every {@code period} (at a fixed rate, so a slow run does not shift the beat). */
    void every(Runnable task, Duration period) {
        try {
            executor.scheduleAtFixedRate(guarded(task), 0, period.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopping
        }
    }

    boolean isStopped() {
        return executor.isShutdown();
    }

    /** Drops every scheduled task and waits briefly for a running one to finish. */
    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Agones task failed; the game is not affected", e);
            }
        };
    }
}
