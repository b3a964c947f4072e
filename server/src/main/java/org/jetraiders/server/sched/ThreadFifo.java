package org.jetraiders.server.sched;

/**
 * The calling thread's real-time (SCHED_FIFO) priority: set and read. {@link NativeFifo} on Linux;
 * tests fake it.
 */
interface ThreadFifo {
    /**
     * Puts the calling thread in SCHED_FIFO at {@code priority} (1 to 99); threads it starts later run
     * at the default policy again.
     *
     * @return null when it took, else why not in a few words
     */
    String setCallingThread(int priority);

    /** The calling thread's SCHED_FIFO priority now, or 0 when it runs at the default policy. */
    int callingThread();
}
