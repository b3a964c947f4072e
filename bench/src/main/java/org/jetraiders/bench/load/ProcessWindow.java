package org.jetraiders.bench.load;

/**
 * What one process (the server, or the load generator itself) did over the measured window: CPU
 * time, the thread count (sampled at the start, once a second and at the end: the last value and the
 * maximum) and the context switches of all its threads. {@link #start}, {@link #sample} and
 * {@link #finish} are called by the stats thread only.
 */
final class ProcessWindow {

    private final ProcSampler process;
    private long startNanos;
    private long cpu0 = -1;
    private TaskSwitches switches0 = TaskSwitches.UNAVAILABLE;
    private int threads = -1;
    private int maxThreads = -1;
    private double uptimeAtStart = Double.NaN;

    ProcessWindow(ProcSampler process) {
        this.process = process;
    }

    void start(long nowNanos) {
        startNanos = nowNanos;
        cpu0 = process.cpuNanos();
        switches0 = process.taskSwitches();
        threads = -1;
        maxThreads = -1;
        uptimeAtStart = process.uptimeSeconds();
        sample();
    }

    /** Samples the thread count. */
    void sample() {
        int t = process.threads();
        if (t >= 0) {
            threads = t;
            maxThreads = Math.max(maxThreads, t);
        }
    }

    /** Ends the window at {@code nowNanos}. */
    Result finish(long nowNanos) {
        long wall = nowNanos - startNanos;
        double cpu = ProcSampler.cpuPercent(cpu0, process.cpuNanos(), wall);
        long[] switches = process.taskSwitches().since(switches0);
        sample();
        double seconds = wall / 1e9;
        Summary.Threads t = new Summary.Threads(threads, maxThreads,
                switches[0] < 0 || seconds <= 0 ? Double.NaN : switches[0] / seconds,
                switches[1] < 0 || seconds <= 0 ? Double.NaN : switches[1] / seconds);
        long rss = process.peakRssKib();
        return new Result(cpu < 0 ? Double.NaN : cpu, rss < 0 ? Double.NaN : rss / 1024.0, t,
                uptimeAtStart, process.uptimeSeconds());
    }

    /**
     * CPU in % of one core, peak RSS in MiB (NaN when unknown), threads and switches, and the process's
     * uptime in seconds when the window began and ended (NaN when unknown).
     */
    record Result(double cpuPercent, double peakRssMb, Summary.Threads threads, double uptimeAtStart,
                  double uptimeAtEnd) {
    }
}
