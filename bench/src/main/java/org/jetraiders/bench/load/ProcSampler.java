package org.jetraiders.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time, peak RSS, thread count and per-thread context switches of one process from /proc.
 * {@link #forSelf()} falls back to the JVM's own process CPU time when /proc is not available
 * (non-Linux). Stateless apart from the path; the stats thread calls it.
 */
final class ProcSampler {

    private static final long FALLBACK_CLK_TCK = 100;

    private final Path dir;
    private final long nanosPerTick;
    private final boolean self;

    private ProcSampler(Path dir, boolean self) {
        this.dir = dir;
        this.self = self;
        this.nanosPerTick = TimeUnit.SECONDS.toNanos(1) / clockTicksPerSecond();
    }

    static ProcSampler forPid(long pid) {
        return new ProcSampler(Path.of("/proc", Long.toString(pid)), false);
    }

    static ProcSampler forSelf() {
        return new ProcSampler(Path.of("/proc", "self"), true);
    }

    /** True when the process's /proc entry is readable. */
    boolean available() {
        return Files.isReadable(dir.resolve("stat"));
    }

    /** Cumulative user + system CPU time of the process in nanoseconds, or -1 when unavailable. */
    long cpuNanos() {
        try {
            return ProcStat.cpuTicks(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII)) * nanosPerTick;
        } catch (IOException | IllegalArgumentException e) {
            if (self) {
                java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
                if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                    return sun.getProcessCpuTime();
                }
            }
            return -1;
        }
    }

    /** Peak RSS in KiB (VmHWM, over the process's whole life), or -1 when unavailable. */
    long peakRssKib() {
        try {
            return ProcStat.peakRssKib(Files.readString(dir.resolve("status"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return -1;
        }
    }

    /** Number of threads now ({@code Threads} in /proc/<pid>/status), or -1 when unavailable. */
    int threads() {
        try {
            return ProcStat.threads(Files.readString(dir.resolve("status"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * How long the process has run, in seconds (10-ms steps: clock ticks), or NaN when unknown. A JVM's
     * {@code -Xlog:gc} uptime starts a few tens of milliseconds later, when the VM does.
     */
    double uptimeSeconds() {
        try {
            long startTicks = ProcStat.startTicks(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII));
            double sinceBoot = ProcStat.secondsSinceBoot(Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII));
            return sinceBoot - startTicks * (nanosPerTick / 1e9);
        } catch (IOException | IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** Every thread's context-switch counters now. */
    TaskSwitches taskSwitches() {
        return TaskSwitches.read(dir);
    }

    /** CPU use between two {@link #cpuNanos()} samples as a percentage of one core; -1 if unknown. */
    static double cpuPercent(long cpuNanos0, long cpuNanos1, long wallNanos) {
        if (cpuNanos0 < 0 || cpuNanos1 < 0 || wallNanos <= 0) {
            return -1;
        }
        return 100.0 * (cpuNanos1 - cpuNanos0) / wallNanos;
    }

    /** USER_HZ from {@code getconf CLK_TCK}; 100 (the value on every mainstream Linux) if that fails. */
    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    long v = Long.parseLong(out);
                    return v > 0 ? v : FALLBACK_CLK_TCK;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return FALLBACK_CLK_TCK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return FALLBACK_CLK_TCK;
    }
}
