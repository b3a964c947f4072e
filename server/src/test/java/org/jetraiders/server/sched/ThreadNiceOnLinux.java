package org.jetraiders.server.sched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What Linux says of a thread's nice value and scheduling policy and of this process's privilege, read
 * from /proc.
 */
final class ThreadNiceOnLinux {
    private ThreadNiceOnLinux() {
    }

    static boolean isLinux() {
        return com.sun.jna.Platform.isLinux();
    }

    /**
     * Runs the body on a new thread named {@code name} and returns what it returned: a thread keeps its
     * nice value and policy, so each system-call test gets a thread of its own.
     */
    static <T> T onFreshThread(String name, Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        t.start();
        return result.get(10, TimeUnit.SECONDS);
    }

    /** The calling thread's nice value, from {@code /proc/thread-self/stat}. */
    static int ofCallingThread() throws IOException {
        return niceOf(Path.of("/proc/thread-self/stat"));
    }

    /** The nice value of this process's thread of that name (the kernel keeps 15 characters), or fails. */
    static int ofThreadNamed(String name) throws IOException {
        return niceOf(statOfThreadNamed(name));
    }

    /** The calling thread's SCHED_FIFO priority, 0 when it runs at another policy. */
    static int fifoPriorityOfCallingThread() throws IOException {
        return fifoPriorityOf(Path.of("/proc/thread-self/stat"));
    }

    /** The SCHED_FIFO priority of this process's thread of that name, 0 when it runs at another policy. */
    static int fifoPriorityOfThreadNamed(String name) throws IOException {
        return fifoPriorityOf(statOfThreadNamed(name));
    }

    private static Path statOfThreadNamed(String name) throws IOException {
        String comm = name.length() > 15 ? name.substring(0, 15) : name;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).strip().equals(comm)) {
                    return task.resolve("stat");
                }
            }
        }
        throw new AssertionError("no thread named " + comm + " in /proc/self/task");
    }

    /**
     * Whether this process may put its threads in SCHED_FIFO at {@code priority}: CAP_SYS_NICE in its
     * effective set, or an RLIMIT_RTPRIO soft limit of at least {@code priority}.
     */
    static boolean mayUseFifo(int priority) throws IOException {
        if (hasCapSysNice()) {
            return true;
        }
        return softLimitAtLeast("Max realtime priority", priority);
    }

    /**
     * Whether this process may lower its threads' nice value to {@code nice}: CAP_SYS_NICE (bit 23) in
     * its effective set (root has it), or an RLIMIT_NICE soft limit of at least {@code 20 - nice}.
     */
    static boolean mayLowerNiceTo(int nice) throws IOException {
        if (hasCapSysNice()) {
            return true;
        }
        return softLimitAtLeast("Max nice priority", 20 - nice);
    }

    private static boolean hasCapSysNice() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:") && (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 23)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean softLimitAtLeast(String limit, long atLeast) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith(limit)) {
                String soft = line.substring(limit.length()).strip().split("\\s+")[0];
                return soft.equals("unlimited") || Long.parseLong(soft) >= atLeast;
            }
        }
        return false;
    }

    /** Fields 40 (rt_priority) and 41 (policy, 1 = SCHED_FIFO) of a stat line. */
    private static int fifoPriorityOf(Path stat) throws IOException {
        String[] fields = fieldsAfterName(stat);
        int priority = Integer.parseInt(fields[40 - 3]);
        int policy = Integer.parseInt(fields[41 - 3]);
        return policy == 1 ? priority : 0;
    }

    /** Field 19 of a stat line. */
    private static int niceOf(Path stat) throws IOException {
        return Integer.parseInt(fieldsAfterName(stat)[19 - 3]);
    }

    /** A stat line's fields from field 3 on: they start after the command name's closing parenthesis. */
    private static String[] fieldsAfterName(Path stat) throws IOException {
        String line = Files.readString(stat);
        return line.substring(line.lastIndexOf(')') + 2).split(" ");
    }
}
