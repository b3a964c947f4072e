package org.jetraiders.engine.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A daemon thread that works in passes and parks between them until woken or a deadline: the shape
 * of the game-loop shards and the consumer shards. {@link #wake()} (any thread) makes sure another
 * pass runs; a wake-up that lands during a pass is never lost, because the thread clears the flag
 * when a pass begins and parks only if nothing set it since.
 */
public abstract class PassThread implements Runnable {
    private static final Logger LOG = Logger.getLogger(PassThread.class.getName());
    /** A start hook that does nothing. */
    public static final Runnable NO_START_HOOK = () -> { };

    private final String threadName;
    private final Runnable onStart;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile boolean parked;
    private volatile Thread thread;

    protected PassThread(String threadName) {
        this(threadName, NO_START_HOOK);
    }

    /**
     * @param onStart runs first on the new thread, before its first pass (for example to set the
     *                thread's scheduling priority); an exception from it is logged and the thread runs on
     */
    protected PassThread(String threadName, Runnable onStart) {
        this.threadName = threadName;
        this.onStart = onStart;
    }

    protected final String threadName() {
        return threadName;
    }

    /** The start hook, for a subclass that starts a successor thread of the same kind. */
    protected final Runnable onStart() {
        return onStart;
    }

    public final void start() {
        Thread t = new Thread(this::startHookThenRun, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void startHookThenRun() {
        try {
            onStart.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the start hook of " + threadName + " failed; the thread runs on", e);
        }
        run();
    }

    /** Any thread: new work may be there; make sure the thread runs another pass. */
    public final void wake() {
        wakePending.set(true);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Any thread: the thread ends after its current pass. */
    public final void stop() {
        running = false;
        wake();
    }

    public final void join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.join(millis);
        }
    }

    protected final boolean isRunning() {
        return running;
    }

    /** The thread, as a pass begins: wake-ups from now on ask for the next pass. */
    protected final void beginPass() {
        wakePending.set(false);
    }

    /** The thread, after a pass: parks up to {@code nanos} unless woken since {@link #beginPass()}. */
    protected final void parkUnlessWoken(long nanos) {
        if (nanos > 0 && !wakePending.get()) {
            parked = true;
            LockSupport.parkNanos(this, nanos);
            parked = false;
        }
    }

    /**
     * Any thread: parked between passes with no wake-up pending, so no pass runs until the next
     * {@link #wake()} or deadline. Tests use it to start from a quiet thread.
     */
    public final boolean isIdle() {
        return parked && !wakePending.get();
    }
}
