package org.jetraiders.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jetraiders.client.binary.DecodeResult;

/**
 * Counters and histograms shared by all clients of one run. Recording methods are thread-safe and
 * cheap (LongAdder, HdrHistogram Recorder), since every I/O thread records into them; the
 * histograms' windows belong to the stats thread. Per-client counters (snapshots, bytes) live in
 * {@link LoadClient}.
 */
final class LoadStats implements LatencyProbe.Sink {

    final WindowedHistogram effectLatency = new WindowedHistogram();
    final WindowedHistogram ackLatency = new WindowedHistogram();
    final WindowedHistogram pingRtt = new WindowedHistogram();
    final WindowedHistogram interArrival = new WindowedHistogram();
    final WindowedHistogram sendLateness = new WindowedHistogram();

    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger everConnected = new AtomicInteger();
    final AtomicInteger connectFailures = new AtomicInteger();
    final LongAdder laggedNotices = new LongAdder();
    final LongAdder laggedMissed = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder inputsSent = new LongAdder();
    final LongAdder lateSends = new LongAdder();
    final LongAdder skippedSends = new LongAdder();
    final LongAdder probeSkipped = new LongAdder();
    final LongAdder probeTimeouts = new LongAdder();
    final LongAdder unreadableFrames = new LongAdder();
    final LongAdder binaryFrames = new LongAdder();
    /** Binary frames that were not a world frame or that the decoder rejected. */
    final LongAdder undecodableFrames = new LongAdder();
    /** Client-to-server frames and their payload bytes (Join, Input, Ping), whole run. */
    final LongAdder framesSent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();

    private final Map<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> disconnectsByReason = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connectFailuresByReason = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> undecodableByResult = new ConcurrentHashMap<>();

    /** A binary frame the client could not use; rare, so the map lookup is fine. */
    void undecodable(DecodeResult result) {
        undecodableFrames.increment();
        undecodableByResult.computeIfAbsent(result.name(), k -> new LongAdder()).increment();
    }

    void sentFrame(int payloadBytes) {
        framesSent.increment();
        bytesSent.add(payloadBytes);
    }

    void error(String code) {
        errors.increment();
        errorsByCode.computeIfAbsent(code == null ? "(none)" : code, k -> new LongAdder()).increment();
    }

    void lagged(long missed) {
        laggedNotices.increment();
        laggedMissed.add(Math.max(0, missed));
    }

    void disconnect(int code, String reason) {
        disconnects.increment();
        disconnectsByReason.computeIfAbsent(closeKey(code, reason), k -> new LongAdder()).increment();
    }

    void connectFailure(int code, String reason) {
        connectFailures.incrementAndGet();
        connectFailuresByReason.computeIfAbsent(closeKey(code, reason), k -> new LongAdder()).increment();
    }

    static String closeKey(int code, String reason) {
        String r = reason == null || reason.isBlank() ? "" : " " + reason.strip();
        if (r.length() > 80) {
            r = r.substring(0, 80) + "...";
        }
        return code + r;
    }

    Map<String, Long> errorsByCode() {
        return copy(errorsByCode);
    }

    Map<String, Long> disconnectsByReason() {
        return copy(disconnectsByReason);
    }

    Map<String, Long> undecodableByResult() {
        return copy(undecodableByResult);
    }

    Map<String, Long> connectFailuresByReason() {
        return copy(connectFailuresByReason);
    }

    private static Map<String, Long> copy(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public void effectLatency(long nanos) {
        effectLatency.record(nanos);
    }

    @Override
    public void ackLatency(long nanos) {
        ackLatency.record(nanos);
    }

    @Override
    public void roundSkipped() {
        probeSkipped.increment();
    }

    @Override
    public void roundTimedOut() {
        probeTimeouts.increment();
    }
}
