package org.jetraiders.server.sched;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;

/**
 * Linux's {@code sched_setscheduler(2)} on the calling thread, through JNA: SCHED_FIFO with
 * {@code SCHED_RESET_ON_FORK}, so a thread the game loop or the encoder happens to start (a JDK
 * helper, a logger's) runs at the default policy, not in real time. As with nice values, Linux keeps
 * the policy per thread and {@code pid = 0} means the calling thread.
 */
final class NativeFifo implements ThreadFifo {
    private static final int CALLING_THREAD = 0;
    private static final int SCHED_FIFO = 1;
    private static final int SCHED_RESET_ON_FORK = 0x40000000;
    private static final int EPERM = 1;
    private static final int EINVAL = 22;

    /** The C library's calls; declared to throw so JNA hands over errno. */
    private interface C extends Library {
        int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;

        int sched_getscheduler(int pid) throws LastErrorException;

        int sched_getparam(int pid, int[] param) throws LastErrorException;
    }

    private final C c;

    private NativeFifo(C c) {
        this.c = c;
    }

    /**
     * @throws UnsupportedOperationException off Linux, or when JNA's native part cannot load
     */
    static NativeFifo load() {
        return new NativeFifo(LinuxLibc.load(C.class, "real-time scheduling is set"));
    }

    @Override
    public String setCallingThread(int priority) {
        try {
            c.sched_setscheduler(CALLING_THREAD, SCHED_FIFO | SCHED_RESET_ON_FORK, new int[] {priority});
            return null;
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == EPERM) {
                return "not permitted (errno 1): SCHED_FIFO needs root, CAP_SYS_NICE or an RLIMIT_RTPRIO of at least "
                        + priority + " (docker run --cap-add SYS_NICE, or --ulimit rtprio=" + priority
                        + "), and in a cgroup v1 hierarchy with real-time group scheduling a cpu.rt_runtime_us above 0";
            }
            if (errno == EINVAL) {
                return "invalid (errno 22): priority " + priority + " is outside this kernel's SCHED_FIFO range";
            }
            return "sched_setscheduler failed with errno " + errno;
        }
    }

    @Override
    public int callingThread() {
        int policy = c.sched_getscheduler(CALLING_THREAD) & ~SCHED_RESET_ON_FORK;
        if (policy != SCHED_FIFO) {
            return 0;
        }
        int[] param = new int[1];
        c.sched_getparam(CALLING_THREAD, param);
        return param[0];
    }
}
