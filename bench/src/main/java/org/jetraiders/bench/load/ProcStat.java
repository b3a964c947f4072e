package org.jetraiders.bench.load;

/**
 * Parsers for Linux {@code /proc/<pid>/stat} and {@code /proc/<pid>/status} text. Pure functions,
 * so tests feed them sample strings.
 */
final class ProcStat {

    // Field numbers from proc(5), 1-based: (14) utime, (15) stime, in clock ticks.
    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;
    // (22) starttime: when the process started, in clock ticks after boot.
    private static final int STARTTIME_FIELD = 22;
    // Fields after "comm" (field 2) start at (3) state.
    private static final int FIRST_FIELD_AFTER_COMM = 3;

    private ProcStat() {
    }

    /**
     * utime + stime in clock ticks from a {@code /proc/<pid>/stat} line. The command name (field 2)
     * is in parentheses and may itself contain spaces and parentheses, so fields are counted from
     * the last ')'.
     *
     * @throws IllegalArgumentException when the line is not in that format
     */
    static long cpuTicks(String statLine) {
        String[] fields = fieldsAfterComm(statLine);
        int u = UTIME_FIELD - FIRST_FIELD_AFTER_COMM;
        int s = STIME_FIELD - FIRST_FIELD_AFTER_COMM;
        if (fields.length <= s) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: only " + fields.length + " fields after comm");
        }
        try {
            return Long.parseLong(fields[u]) + Long.parseLong(fields[s]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: utime/stime not numbers", e);
        }
    }

    /**
     * When the process started, in clock ticks after boot, from a {@code /proc/<pid>/stat} line.
     *
     * @throws IllegalArgumentException when the line is not in that format
     */
    static long startTicks(String statLine) {
        String[] fields = fieldsAfterComm(statLine);
        int i = STARTTIME_FIELD - FIRST_FIELD_AFTER_COMM;
        if (fields.length <= i) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: only " + fields.length + " fields after comm");
        }
        try {
            return Long.parseLong(fields[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: starttime not a number", e);
        }
    }

    /** Seconds since boot, the first number of {@code /proc/uptime}. */
    static double secondsSinceBoot(String procUptime) {
        String[] parts = procUptime.trim().split("\\s+");
        try {
            return Double.parseDouble(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/uptime line: " + procUptime, e);
        }
    }

    private static String[] fieldsAfterComm(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: no ')'");
        }
        return statLine.substring(close + 1).trim().split("\\s+");
    }

    /** Peak resident set size in KiB ({@code VmHWM}) from {@code /proc/<pid>/status}, or -1 if absent. */
    static long peakRssKib(String status) {
        return longField(status, "VmHWM:");
    }

    /** Current resident set size in KiB ({@code VmRSS}), or -1 if absent. */
    static long rssKib(String status) {
        return longField(status, "VmRSS:");
    }

    /** Number of threads ({@code Threads}) from {@code /proc/<pid>/status}, or -1 if absent. */
    static int threads(String status) {
        return (int) longField(status, "Threads:");
    }

    /**
     * Voluntary context switches ({@code voluntary_ctxt_switches}) of one thread, from
     * {@code /proc/<pid>/task/<tid>/status}, or -1 if absent. (In {@code /proc/<pid>/status} the
     * figure is the main thread's only.)
     */
    static long voluntarySwitches(String status) {
        return longField(status, "voluntary_ctxt_switches:");
    }

    /** Involuntary context switches ({@code nonvoluntary_ctxt_switches}) of one thread, or -1 if absent. */
    static long involuntarySwitches(String status) {
        return longField(status, "nonvoluntary_ctxt_switches:");
    }

    private static long longField(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
