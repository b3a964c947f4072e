package org.jetraiders.server.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code sched_setscheduler} call, each on a fresh thread (a thread keeps its policy): it
 * changes that thread only, as the kernel's own view in /proc shows, and a thread it starts runs at
 * the default policy again.
 */
class NativeFifoTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(ThreadNiceOnLinux.isLinux(), "real-time scheduling is set on Linux only");
    }

    private static <T> T onFreshThread(Callable<T> body) throws Exception {
        return ThreadNiceOnLinux.onFreshThread("fifo-test", body);
    }

    @Test
    void shouldPutTheCallingThreadInSchedFifoAndNotTheThreadsItStartsWhenPrivileged() throws Exception {
        assumeTrue(ThreadNiceOnLinux.mayUseFifo(3), "needs root, CAP_SYS_NICE or RLIMIT_RTPRIO >= 3");
        NativeFifo fifo = NativeFifo.load();
        int[] seen = onFreshThread(() -> {
            assertNull(fifo.setCallingThread(3));
            int child = onFreshThread(ThreadNiceOnLinux::fifoPriorityOfCallingThread);
            return new int[] {fifo.callingThread(), ThreadNiceOnLinux.fifoPriorityOfCallingThread(), child};
        });
        assertEquals(3, seen[0], "sched_getparam on the thread");
        assertEquals(3, seen[1], "the kernel's view of the thread");
        assertEquals(0, seen[2], "a thread it started runs at the default policy (SCHED_RESET_ON_FORK)");
        assertEquals(0, ThreadNiceOnLinux.fifoPriorityOfCallingThread(), "the test's own thread is untouched");
    }

    @Test
    void shouldSayInvalidForAPriorityOutsideTheKernelsRange() throws Exception {
        NativeFifo fifo = NativeFifo.load();
        String failure = onFreshThread(() -> {
            String why = fifo.setCallingThread(100);
            assertEquals(0, fifo.callingThread());
            return why;
        });
        assertTrue(failure != null && (failure.startsWith("invalid") || failure.startsWith("not permitted")), failure);
    }

    @Test
    void shouldSayNotPermittedAndChangeNothingWhenUnprivileged() throws Exception {
        assumeFalse(ThreadNiceOnLinux.mayUseFifo(3), "runs where SCHED_FIFO is refused (no CAP_SYS_NICE, RLIMIT_RTPRIO < 3)");
        NativeFifo fifo = NativeFifo.load();
        String failure = onFreshThread(() -> {
            String why = fifo.setCallingThread(3);
            assertEquals(0, ThreadNiceOnLinux.fifoPriorityOfCallingThread());
            return why;
        });
        assertTrue(failure != null && failure.startsWith("not permitted") && failure.contains("CAP_SYS_NICE"), failure);
    }
}
