package org.jetraiders.server.sched;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

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
        if (!Platform.isLinux()) {
            throw new UnsupportedOperationException("thread priorities are set on Linux only, not on "
                    + System.getProperty("os.name"));
        }
        try {
            // JNA's first library load runs "ldconfig -p" once to learn the search path: a short-lived
            // child process, and a JDK "process reaper" thread that ends a minute later
            return new NativeNice(Native.load(Platform.C_LIBRARY_NAME, C.class));
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("JNA could not load its native part: " + e.getMessage(), e);
        }
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
