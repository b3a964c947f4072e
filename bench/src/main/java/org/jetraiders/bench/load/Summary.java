package org.jetraiders.bench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The results of one run. Rates and histograms cover the measured window (after the warmup);
 * counters of problems (failures, disconnects, lagged, errors) cover the whole run.
 * Times are in milliseconds; a value that could not be measured is {@code NaN} (null in JSON).
 *
 * @param config        what was asked for
 * @param measuredSeconds actual length of the measured window
 */
public record Summary(
        Config config,
        double measuredSeconds,
        Connections connections,
        Latency latency,
        Snapshots snapshots,
        Bandwidth bandwidth,
        Inputs inputs,
        Problems problems,
        Cpu cpu,
        ServerTicks serverTicks) {

    /** Without the server's tick counters ({@code --server-metrics} not given). */
    public Summary(Config config, double measuredSeconds, Connections connections, Latency latency,
                   Snapshots snapshots, Bandwidth bandwidth, Inputs inputs, Problems problems, Cpu cpu) {
        this(config, measuredSeconds, connections, latency, snapshots, bandwidth, inputs, problems, cpu,
                ServerTicks.NOT_READ);
    }

    /** Number of clients that connected at least once. */
    public int connected() {
        return connections.connected();
    }

    /**
     * @param ioThreads the load generator's selector threads ({@code --io-threads}), which also send the inputs
     * @param decode    {@code all} or {@code probes}: which binary clients decode world frames ({@code --decode})
     */
    public record Config(String url, String format, int clients, int lobbies, double rateHz,
                         double durationSeconds, double warmupSeconds, int probes, int ioThreads, String decode) {
        static Config of(Options o) {
            return new Config(o.url().toString(), o.format(), o.clients(), o.lobbies(), o.rateHz(),
                    o.durationSeconds(), o.warmupSeconds(), o.probes(), o.ioThreads(), o.decode());
        }
    }

    public record Connections(int connected, int openAtEnd, int connectFailures,
                              Map<String, Long> connectFailuresByReason, long disconnects,
                              Map<String, Long> disconnectsByReason, int closeTimeouts) {
    }

    /**
     * @param effect  input sent → first snapshot showing the probe's rotation changed
     * @param ack     input sent → first snapshot whose ack covers it
     * @param pingRtt Ping → Pong round trip (empty if the server does not answer pings)
     */
    public record Latency(Percentiles effect, Percentiles ack, Percentiles pingRtt,
                          long roundsSkipped, long roundsTimedOut) {
    }

    /**
     * @param interArrival gap between consecutive snapshots of the same client, all clients pooled
     * @param maxGapMs     the largest such gap of any client over the whole run
     * @param perClientRate snapshots per second per client
     * @param perClientBytes payload bytes per second per client (all inbound frames)
     * @param silentClients connected clients that got no snapshot in the window
     */
    public record Snapshots(Percentiles interArrival, double maxGapMs, Spread perClientRate,
                            Spread perClientBytes, long total, long bytesTotal, int silentClients) {
    }

    /**
     * Traffic per connected client in the measured window, for comparing wire formats. Payload bytes
     * are the WebSocket frames' application data; "wire" adds the WebSocket frame headers (2, 4 or
     * 10 bytes server to client; 6 or more client to server, which are masked), not TCP/IP.
     *
     * @param downPayloadPerSecond  all server-to-client payload bytes per second per client (mean)
     * @param downWirePerSecond     the same with WebSocket frame headers
     * @param snapshotPayloadPerSecond world frames only (JSON WorldUpdate or binary WorldDelta/WorldQuantized)
     * @param bytesPerSnapshot      mean payload size of one world frame
     * @param upPayloadPerSecond    client-to-server payload bytes per second per client (Input, Ping)
     * @param upWirePerSecond       the same with the masked frame headers
     */
    public record Bandwidth(double downPayloadPerSecond, double downWirePerSecond, double snapshotPayloadPerSecond,
                            double bytesPerSnapshot, double upPayloadPerSecond, double upWirePerSecond) {
        static final Bandwidth EMPTY = new Bandwidth(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /**
     * @param sent      inputs sent over the whole run
     * @param perSecond inputs sent per second (all clients) in the measured window
     * @param late    sends more than 1 ms after their deadline (the generator is overloaded)
     * @param skipped sends dropped because an I/O thread's input timer fell a whole period behind
     * @param lateness how long after its deadline each send went out (measured window)
     */
    public record Inputs(long sent, double perSecond, long late, long skipped, Percentiles lateness) {
    }

    /**
     * @param unreadableFrames   text frames that were not JSON with a type, or WorldUpdates a probe could not read
     * @param binaryFrames       binary frames received (all of them; unexpected in json format)
     * @param undecodableFrames  binary frames (bin format) that were not world frames or that the decoder rejected
     * @param undecodableByResult the decoder's verdicts (MALFORMED, UNKNOWN_BASELINE, UNKNOWN_KIND, ...)
     */
    public record Problems(long laggedNotices, long laggedMissed, long errors, Map<String, Long> errorsByCode,
                           long unreadableFrames, long binaryFrames, long undecodableFrames,
                           Map<String, Long> undecodableByResult) {
    }

    /**
     * The server's ticks in the measured window, summed over its lobbies ({@code --server-metrics}): one beat
     * that comes late in a server of L lobbies counts L late ticks, so {@code mostLateInOneLobby} (the most
     * any one lobby had; -1 when unknown) is about the number of late beats. {@code unavailable} says why
     * they could not be read (null when they were; "not read" without the option).
     */
    public record ServerTicks(long ticks, long late, long skipped, int lobbies, long mostLateInOneLobby,
                              String unavailable) {

        public static final ServerTicks NOT_READ = unavailable("not read (use --server-metrics)");

        /** Without the per-lobby figure (-1: unknown). */
        public ServerTicks(long ticks, long late, long skipped, int lobbies, String unavailable) {
            this(ticks, late, skipped, lobbies, -1, unavailable);
        }

        public static ServerTicks unavailable(String why) {
            return new ServerTicks(-1, -1, -1, -1, -1, why);
        }

        public boolean wasRead() {
            return unavailable == null;
        }
    }

    /**
     * CPU in % of one core over the measured window; RSS peaks in MiB; threads and context switches
     * of the server and of the load generator itself; the server's uptime in seconds when the window
     * began and ended, to find the window in its GC log; -1 / NaN when unknown.
     */
    public record Cpu(long serverPid, double serverCpuPercent, double serverPeakRssMb,
                      double ownCpuPercent, double ownPeakRssMb, Threads serverThreads, Threads ownThreads,
                      double serverUptimeAtStart, double serverUptimeAtEnd) {

        /** Without the server's uptime. */
        public Cpu(long serverPid, double serverCpuPercent, double serverPeakRssMb,
                   double ownCpuPercent, double ownPeakRssMb, Threads serverThreads, Threads ownThreads) {
            this(serverPid, serverCpuPercent, serverPeakRssMb, ownCpuPercent, ownPeakRssMb, serverThreads, ownThreads,
                    Double.NaN, Double.NaN);
        }

        /** Without thread figures. */
        public Cpu(long serverPid, double serverCpuPercent, double serverPeakRssMb,
                   double ownCpuPercent, double ownPeakRssMb) {
            this(serverPid, serverCpuPercent, serverPeakRssMb, ownCpuPercent, ownPeakRssMb, Threads.EMPTY, Threads.EMPTY);
        }
    }

    /**
     * A process's threads over the measured window: the count at its end and the most seen (sampled
     * once a second), and the voluntary and involuntary context switches per second summed over all
     * its threads ({@code /proc/<pid>/task/*&#47;status}); -1 / NaN when unknown.
     */
    public record Threads(int atEnd, int max, double voluntaryPerSecond, double involuntaryPerSecond) {
        public static final Threads EMPTY = new Threads(-1, -1, Double.NaN, Double.NaN);

        /** Voluntary plus involuntary context switches per second. */
        public double switchesPerSecond() {
            return voluntaryPerSecond + involuntaryPerSecond;
        }
    }

    /** Percentiles of a nanosecond histogram, converted to milliseconds. */
    public record Percentiles(long count, double p50, double p90, double p99, double p999, double max, double mean) {
        static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);

        static Percentiles of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return EMPTY;
            }
            return new Percentiles(h.getTotalCount(),
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                    ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()), h.getMean() / 1e6);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** Mean, min and max of a per-client figure across clients; NaN when there were none. */
    public record Spread(double mean, double min, double max) {
        static final Spread EMPTY = new Spread(Double.NaN, Double.NaN, Double.NaN);
    }
}
