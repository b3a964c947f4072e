package org.jetraiders.server.sched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux says of a thread's nice value and of this process's privilege, read from /proc. */
final class ThreadNiceOnLinux {
    private ThreadNiceOnLinux() {
    }

    static boolean isLinux() {
        return com.sun.jna.Platform.isLinux();
    }

    /** The calling thread's nice value, from {@code /proc/thread-self/stat}. */
    static int ofCallingThread() throws IOException {
        return niceOf(Path.of("/proc/thread-self/stat"));
    }

    /** The nice value of this process's thread of that name (the kernel keeps 15 characters), or fails. */
    static int ofThreadNamed(String name) throws IOException {
        String comm = name.length() > 15 ? name.substring(0, 15) : name;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).strip().equals(comm)) {
                    return niceOf(task.resolve("stat"));
                }
            }
        }
        throw new AssertionError("no thread named " + comm + " in /proc/self/task");
    }

    /**
     * Whether this process may lower its threads' nice value to {@code nice}: CAP_SYS_NICE (bit 23) in
     * its effective set (root has it), or an RLIMIT_NICE soft limit of at least {@code 20 - nice}.
     */
    static boolean mayLowerNiceTo(int nice) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:") && (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 23)) != 0) {
                return true;
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max nice priority")) {
                String soft = line.substring("Max nice priority".length()).strip().split("\\s+")[0];
                return soft.equals("unlimited") || Long.parseLong(soft) >= 20 - nice;
            }
        }
        return false;
    }

    /** Field 19 of a stat line; the fields start after the command name's closing parenthesis. */
    private static int niceOf(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] afterName = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(afterName[19 - 3]);
    }
}
