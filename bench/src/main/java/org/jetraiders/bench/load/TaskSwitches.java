package org.jetraiders.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The voluntary and involuntary context switches of every thread of a process at one moment, read
 * from {@code /proc/<pid>/task/<tid>/status} (the process's own status file only has its main
 * thread's). {@link #since} gives what happened between two readings, per thread, so threads that
 * start in between count in full; a thread that ended in between takes its counts with it (Linux
 * keeps no per-process total of ended threads in /proc), which is fine for servers and load
 * generators whose threads live for the whole run.
 */
final class TaskSwitches {

    static final TaskSwitches UNAVAILABLE = new TaskSwitches(Map.of(), false);

    /** tid → {voluntary, involuntary}. */
    private final Map<String, long[]> byThread;
    private final boolean available;

    private TaskSwitches(Map<String, long[]> byThread, boolean available) {
        this.byThread = byThread;
        this.available = available;
    }

    /** Reads {@code procDir/task/*&#47;status}; {@link #UNAVAILABLE} when the directory cannot be read. */
    static TaskSwitches read(Path procDir) {
        Map<String, long[]> counts = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(procDir.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String status = Files.readString(task.resolve("status"), StandardCharsets.US_ASCII);
                    long voluntary = ProcStat.voluntarySwitches(status);
                    long involuntary = ProcStat.involuntarySwitches(status);
                    if (voluntary >= 0 && involuntary >= 0) {
                        counts.put(task.getFileName().toString(), new long[] {voluntary, involuntary});
                    }
                } catch (IOException e) {
                    // the thread ended while we listed the directory
                }
            }
        } catch (IOException | RuntimeException e) {
            return UNAVAILABLE;
        }
        return of(counts);
    }

    /** A reading from given per-thread counts (tid → {voluntary, involuntary}); for tests. */
    static TaskSwitches of(Map<String, long[]> byThread) {
        return new TaskSwitches(Map.copyOf(byThread), true);
    }

    boolean available() {
        return available;
    }

    /**
     * Switches from {@code before} to this reading, summed over the threads alive now:
     * {voluntary, involuntary}; {-1, -1} when either reading is unavailable.
     */
    long[] since(TaskSwitches before) {
        if (!available || !before.available) {
            return new long[] {-1, -1};
        }
        long voluntary = 0;
        long involuntary = 0;
        for (Map.Entry<String, long[]> e : byThread.entrySet()) {
            long[] now = e.getValue();
            long[] then = before.byThread.getOrDefault(e.getKey(), new long[2]);
            voluntary += Math.max(0, now[0] - then[0]);
            involuntary += Math.max(0, now[1] - then[1]);
        }
        return new long[] {voluntary, involuntary};
    }
}
