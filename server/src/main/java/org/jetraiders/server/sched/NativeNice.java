package org.jetraiders.server.sched;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;

/**
 * Linux's {@code setpriority(2)} and {@code getpriority(2)} on the calling thread, through JNA. Linux
 * keeps a nice value per thread, so {@code PRIO_PROCESS} with {@code who = 0} means this thread, not
 * the whole process (POSIX would say process; Linux does not).
 */
final class NativeNice implements ThreadNice {
    private static final int PRIO_PROCESS = 0;
    private static final int CALLING_THREAD = 0;
    private static final int EPERM = 1;
    private static final int EACCES = 13;

    /** The C library's two calls; declared to throw so JNA hands over errno. */
    private interface C extends Library {
        int setpriority(int which, int who, int prio) throws LastErrorException;

        int getpriority(int which, int who) throws LastErrorException;
    }

    private final C c;

    private NativeNice(C c) {
        this.c = c;
    }

    /**
     * @throws UnsupportedOperationException off Linux, or when JNA's native part cannot load (for
     *                                       example a {@code noexec} temporary directory)
     */
    static NativeNice load() {
        return new NativeNice(LinuxLibc.load(C.class, "thread priorities are set"));
    }

    @Override
    public String setCallingThread(int nice) {
        try {
            c.setpriority(PRIO_PROCESS, CALLING_THREAD, nice);
            return null;
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == EPERM || errno == EACCES) {
                return "not permitted (errno " + errno + "): a lower nice value needs root, CAP_SYS_NICE or an "
                        + "RLIMIT_NICE of at least " + (20 - nice) + " (docker run --ulimit nice=" + (20 - nice) + ")";
            }
            return "setpriority failed with errno " + errno;
        }
    }

    @Override
    public int callingThread() {
        return c.getpriority(PRIO_PROCESS, CALLING_THREAD);
    }
}
