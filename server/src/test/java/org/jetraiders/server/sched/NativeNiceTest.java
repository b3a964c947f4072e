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
 * The real system calls, each on a fresh thread (a nice value, once lowered or raised, stays with the
 * thread): they change that thread only, as the kernel's own view in /proc shows.
 */
class NativeNiceTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(ThreadNiceOnLinux.isLinux(), "thread priorities are set on Linux only");
    }

    private static <T> T onFreshThread(Callable<T> body) throws Exception {
        return ThreadNiceOnLinux.onFreshThread("nice-test", body);
    }

    @Test
    void shouldRaiseTheCallingThreadsNiceValueWithoutPrivilegeAndLeaveTheOtherThreads() throws Exception {
        NativeNice nice = NativeNice.load();
        int before = ThreadNiceOnLinux.ofCallingThread();
        int[] seen = onFreshThread(() -> {
            String failure = nice.setCallingThread(5);
            assertNull(failure, "raising a nice value needs no privilege");
            return new int[] {nice.callingThread(), ThreadNiceOnLinux.ofCallingThread()};
        });
        assertEquals(5, seen[0], "getpriority on the thread");
        assertEquals(5, seen[1], "the kernel's view of the thread");
        assertEquals(before, ThreadNiceOnLinux.ofCallingThread(), "the test's own thread is untouched");
    }

    @Test
    void shouldLowerTheNiceValueWhenPrivileged() throws Exception {
        assumeTrue(ThreadNiceOnLinux.mayLowerNiceTo(-10), "needs root, CAP_SYS_NICE or RLIMIT_NICE >= 30");
        NativeNice nice = NativeNice.load();
        int seen = onFreshThread(() -> {
            assertNull(nice.setCallingThread(-10));
            return ThreadNiceOnLinux.ofCallingThread();
        });
        assertEquals(-10, seen);
    }

    @Test
    void shouldSayNotPermittedAndChangeNothingWhenUnprivileged() throws Exception {
        assumeFalse(ThreadNiceOnLinux.mayLowerNiceTo(-10), "runs where lowering is refused (no CAP_SYS_NICE, RLIMIT_NICE < 30)");
        NativeNice nice = NativeNice.load();
        String failure = onFreshThread(() -> {
            String why = nice.setCallingThread(-10);
            assertEquals(0, ThreadNiceOnLinux.ofCallingThread());
            return why;
        });
        assertTrue(failure != null && failure.startsWith("not permitted"), failure);
    }
}
