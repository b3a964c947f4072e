package org.jetraiders.server.sched;

/** The calling thread's nice value: read and set. {@link NativeNice} on Linux; tests fake it. */
interface ThreadNice {
    /**
     * Sets the calling thread's nice value.
     *
     * @return null when it took, else why not in a few words
     */
    String setCallingThread(int nice);

    /** The calling thread's nice value now. */
    int callingThread();
}
