package org.jetraiders.bench.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one run: creates the I/O threads and the clients (client i belongs to I/O thread
 * i mod --io-threads), starts the I/O threads with their input timers and the connector thread,
 * prints progress once a second, opens the measured window after the warmup, closes everything after
 * the duration, stops the I/O threads and assembles the {@link Summary}. The calling thread is the
 * stats thread.
 */
final class LoadRun {

    static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Options options;
    private final PrintStream progress;
    private final LoadStats stats = new LoadStats();
    private final List<LoadClient> clients = new ArrayList<>();
    private final List<IoThread> ioThreads = new ArrayList<>();
    private final ProcessWindow own = new ProcessWindow(ProcSampler.forSelf());
    private final ProcSampler server;
    private final ProcessWindow serverWindow;
    private final ServerTickCounters serverTicks;

    private long windowStartNanos;
    private long lastProgressSnapshots;
    private long inputsSent0;
    private long bytesSent0;
    private long framesSent0;

    LoadRun(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        this.server = options.serverPid().isPresent() ? ProcSampler.forPid(options.serverPid().getAsLong()) : null;
        this.serverWindow = server == null ? null : new ProcessWindow(server);
        this.serverTicks = options.serverMetrics() == null ? null : new ServerTickCounters(options.serverMetrics());
    }

    Summary execute() {
        if (server != null && !server.available()) {
            throw new Options.UsageException("--server-pid " + options.serverPid().getAsLong()
                    + ": no such process (/proc/<pid>/stat is not readable)");
        }
        if (serverTicks != null) {
            serverTicks.check();
        }
        int threads = Math.min(options.ioThreads(), options.clients());
        for (int k = 0; k < threads; k++) {
            ioThreads.add(new IoThread("jr-load-io-" + k));
        }
        for (int i = 0; i < options.clients(); i++) {
            clients.add(new LoadClient(options.urlFor(i), i, options.lobbyFor(i), options.rateHz(), stats,
                    options.isProbe(i), options.binary(), options.fullDecode(i), ioThreads.get(i % threads)));
        }
        long t0 = System.nanoTime();
        startIoThreads(t0);
        Connector connector = new Connector(clients, options.connectRate(), t0);
        startDaemon(connector, "jr-load-connector");
        try {
            measure(t0, connector);
        } catch (RuntimeException e) {
            connector.stop();
            closeAll();
            stopIoThreads();
            throw e;
        }
        connector.stop();
        long windowEnd = System.nanoTime();
        double measuredSeconds = (windowEnd - windowStartNanos) / 1e9;
        Summary.Cpu cpu = cpu(windowEnd);
        Summary.ServerTicks ticks = serverTicks == null ? Summary.ServerTicks.NOT_READ : serverTicks.finish();
        Summary partial = summarize(measuredSeconds, cpu, ticks);
        int closeTimeouts = closeAll();
        stopIoThreads();
        return withCloseTimeouts(partial, closeTimeouts);
    }

    /** I/O thread k owns clients k, k+T, ... and writes their inputs; its timer's offset interleaves the threads. */
    private void startIoThreads(long t0) {
        int threads = ioThreads.size();
        for (int k = 0; k < threads; k++) {
            List<LoadClient> mine = new ArrayList<>();
            for (int i = k; i < clients.size(); i += threads) {
                mine.add(clients.get(i));
            }
            ioThreads.get(k).start(InputTimer.forThread(mine, options.rateHz(), t0, k, threads, stats));
        }
    }

    private void stopIoThreads() {
        try {
            for (IoThread io : ioThreads) {
                io.stop(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void measure(long t0, Connector connector) {
        long windowStart = t0 + (long) (options.warmupSeconds() * 1e9);
        long end = windowStart + (long) (options.durationSeconds() * 1e9);
        long nextTick = t0 + SECOND;
        long lastTick = t0;
        boolean measuring = false;
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now - windowStart >= 0) {
                startWindow(now);
                measuring = true;
            }
            if (now - end >= 0) {
                break;
            }
            if (now - nextTick >= 0) {
                printProgress(now - t0, now - lastTick, measuring);
                if (measuring) {
                    own.sample();
                    if (serverWindow != null) {
                        serverWindow.sample();
                    }
                }
                lastTick = now;
                nextTick += SECOND;
                if (noClientCanConnect(connector)) {
                    throw new LoadTest.RunFailedException("no client could connect to " + options.url()
                            + "; failures: " + stats.connectFailuresByReason());
                }
            }
            long wake = Math.min(nextTick - now, end - now);
            if (!measuring) {
                wake = Math.min(wake, windowStart - now);
            }
            LockSupport.parkNanos(Math.max(wake, 1));
        }
        rollHistograms();
        if (stats.everConnected.get() == 0) {
            throw new LoadTest.RunFailedException("no client connected to " + options.url() + " during the run; failures: "
                    + stats.connectFailuresByReason());
        }
    }

    private boolean noClientCanConnect(Connector connector) {
        return connector.done() && stats.everConnected.get() == 0
                && stats.connectFailures.get() >= clients.size();
    }

    private void startWindow(long now) {
        stats.effectLatency.startWindow();
        stats.ackLatency.startWindow();
        stats.pingRtt.startWindow();
        stats.interArrival.startWindow();
        stats.sendLateness.startWindow();
        for (LoadClient c : clients) {
            c.markWindowStart();
        }
        windowStartNanos = now;
        inputsSent0 = stats.inputsSent.sum();
        bytesSent0 = stats.bytesSent.sum();
        framesSent0 = stats.framesSent.sum();
        own.start(now);
        if (serverWindow != null) {
            serverWindow.start(now);
        }
        if (serverTicks != null) {
            serverTicks.start();
        }
    }

    private void rollHistograms() {
        stats.effectLatency.roll();
        stats.ackLatency.roll();
        stats.pingRtt.roll();
        stats.interArrival.roll();
        stats.sendLateness.roll();
    }

    private void printProgress(long elapsedNanos, long sinceLastNanos, boolean measuring) {
        rollHistograms();
        long total = 0;
        for (LoadClient c : clients) {
            total += c.snapshots();
        }
        double rate = (total - lastProgressSnapshots) / (sinceLastNanos / 1e9);
        lastProgressSnapshots = total;
        progress.println(ProgressLine.format(elapsedNanos / 1e9, measuring, stats.open.get(), clients.size(), rate,
                stats.effectLatency.window(), stats.laggedMissed.sum(), stats.errors.sum(), stats.disconnects.sum()));
        progress.flush();
    }

    private Summary.Cpu cpu(long windowEndNanos) {
        ProcessWindow.Result self = own.finish(windowEndNanos);
        if (serverWindow == null) {
            return new Summary.Cpu(-1, Double.NaN, Double.NaN, self.cpuPercent(), self.peakRssMb(),
                    Summary.Threads.EMPTY, self.threads());
        }
        ProcessWindow.Result srv = serverWindow.finish(windowEndNanos);
        return new Summary.Cpu(options.serverPid().getAsLong(), srv.cpuPercent(), srv.peakRssMb(),
                self.cpuPercent(), self.peakRssMb(), srv.threads(), self.threads(), srv.uptimeAtStart(),
                srv.uptimeAtEnd());
    }

    private Summary summarize(double measuredSeconds, Summary.Cpu cpu, Summary.ServerTicks ticks) {
        int opened = 0;
        int silent = 0;
        long totalSnapshots = 0;
        long totalBytes = 0;
        long totalSnapshotBytes = 0;
        long totalWireBytes = 0;
        long maxGap = 0;
        double sumRate = 0;
        double minRate = Double.POSITIVE_INFINITY;
        double maxRate = 0;
        double sumBytes = 0;
        double minBytes = Double.POSITIVE_INFINITY;
        double maxBytes = 0;
        for (LoadClient c : clients) {
            if (!c.wasOpened()) {
                continue;
            }
            opened++;
            long snaps = c.windowSnapshots();
            long bytes = c.windowBytes();
            if (snaps == 0) {
                silent++;
            }
            totalSnapshots += snaps;
            totalBytes += bytes;
            totalSnapshotBytes += c.windowSnapshotBytes();
            totalWireBytes += c.windowWireBytes();
            maxGap = Math.max(maxGap, c.maxGapNanos());
            double rate = snaps / measuredSeconds;
            double bps = bytes / measuredSeconds;
            sumRate += rate;
            minRate = Math.min(minRate, rate);
            maxRate = Math.max(maxRate, rate);
            sumBytes += bps;
            minBytes = Math.min(minBytes, bps);
            maxBytes = Math.max(maxBytes, bps);
        }
        Summary.Spread rate = opened == 0 ? Summary.Spread.EMPTY : new Summary.Spread(sumRate / opened, minRate, maxRate);
        Summary.Spread bytes = opened == 0 ? Summary.Spread.EMPTY
                : new Summary.Spread(sumBytes / opened, minBytes, maxBytes);
        Summary.Connections connections = new Summary.Connections(stats.everConnected.get(), stats.open.get(),
                stats.connectFailures.get(), stats.connectFailuresByReason(), stats.disconnects.sum(),
                stats.disconnectsByReason(), 0);
        Summary.Latency latency = new Summary.Latency(
                Summary.Percentiles.of(stats.effectLatency.window()),
                Summary.Percentiles.of(stats.ackLatency.window()),
                Summary.Percentiles.of(stats.pingRtt.window()),
                stats.probeSkipped.sum(), stats.probeTimeouts.sum());
        Summary.Snapshots snapshots = new Summary.Snapshots(Summary.Percentiles.of(stats.interArrival.window()),
                maxGap == 0 ? Double.NaN : maxGap / 1e6, rate, bytes, totalSnapshots, totalBytes, silent);
        Summary.Bandwidth bandwidth = Summary.Bandwidth.EMPTY;
        if (opened > 0) {
            double perClientSecond = opened * measuredSeconds;
            long upBytes = stats.bytesSent.sum() - bytesSent0;
            long upFrames = stats.framesSent.sum() - framesSent0;
            bandwidth = new Summary.Bandwidth(totalBytes / perClientSecond, totalWireBytes / perClientSecond,
                    totalSnapshotBytes / perClientSecond,
                    totalSnapshots == 0 ? Double.NaN : (double) totalSnapshotBytes / totalSnapshots,
                    upBytes / perClientSecond, (upBytes + 6.0 * upFrames) / perClientSecond);
        }
        long sent = stats.inputsSent.sum();
        Summary.Inputs inputs = new Summary.Inputs(sent, (sent - inputsSent0) / measuredSeconds,
                stats.lateSends.sum(), stats.skippedSends.sum(), Summary.Percentiles.of(stats.sendLateness.window()));
        Summary.Problems problems = new Summary.Problems(stats.laggedNotices.sum(), stats.laggedMissed.sum(),
                stats.errors.sum(), stats.errorsByCode(), stats.unreadableFrames.sum(), stats.binaryFrames.sum(),
                stats.undecodableFrames.sum(), stats.undecodableByResult());
        return new Summary(Summary.Config.of(options), measuredSeconds, connections, latency, snapshots, bandwidth,
                inputs, problems, cpu, ticks);
    }

    private static Summary withCloseTimeouts(Summary s, int closeTimeouts) {
        Summary.Connections k = s.connections();
        Summary.Connections closed = new Summary.Connections(k.connected(), k.openAtEnd(), k.connectFailures(),
                k.connectFailuresByReason(), k.disconnects(), k.disconnectsByReason(), closeTimeouts);
        return new Summary(s.config(), s.measuredSeconds(), closed, s.latency(), s.snapshots(), s.bandwidth(),
                s.inputs(), s.problems(), s.cpu(), s.serverTicks());
    }

    /** Closes every client in parallel and waits up to 5 s in total; returns how many did not close. */
    private int closeAll() {
        for (LoadClient c : clients) {
            if (c.wasStarted()) {
                c.closeQuietly();
            }
        }
        long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        int timeouts = 0;
        for (LoadClient c : clients) {
            if (!c.wasStarted()) {
                continue;
            }
            try {
                if (!c.awaitClosed(Math.max(0, deadline - System.nanoTime()))) {
                    timeouts++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return timeouts;
    }

    private static void startDaemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
