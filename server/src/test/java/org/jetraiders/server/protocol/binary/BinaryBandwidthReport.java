package org.jetraiders.server.protocol.binary;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.server.protocol.binary.support.SimulatedGame;
import org.jetraiders.server.protocol.json.JsonWorldUpdateEncoder;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * World-frame bytes per second for one client of a 16-plane lobby at 60 Hz with about 200 projectiles in
 * flight (a fixed seed, the real engine), for JSON and for each binary step. Deterministic byte counts,
 * no timing. DELTA is measured with the client's acks reaching the server {@code ackDelay} ticks after
 * the frame was sent (3 ticks = 50 ms, a 40-50 ms RTT; 12 ticks = 200 ms). Payload bytes only; the
 * WebSocket header adds 2 bytes per frame under 126 bytes, 4 above (shown separately).
 *
 * <p>Run: {@code java ... BinaryBandwidthReport} (or see {@code BinaryBandwidthReportTest}).
 */
public final class BinaryBandwidthReport {
    public static final int PLANES = 16;
    public static final int TICK_RATE = 60;
    public static final long SEED = 20240611L;
    public static final double SHOOT_FRACTION = 0.8;
    public static final int WARM_UP_TICKS = 5 * TICK_RATE;
    public static final int MEASURED_TICKS = 60 * TICK_RATE;
    public static final int[] ACK_DELAYS = {1, 3, 6, 12};

    /** Row labels and bytes per second; {@link #projectilesInFlight} is the average. */
    public final String[] labels;
    public final double[] payloadBytesPerSecond;
    public final double[] wireBytesPerSecond;
    public final double[] maxFrameBytes;
    public double projectilesInFlight;

    private BinaryBandwidthReport(int rows) {
        labels = new String[rows];
        payloadBytesPerSecond = new double[rows];
        wireBytesPerSecond = new double[rows];
        maxFrameBytes = new double[rows];
    }

    public static BinaryBandwidthReport run() {
        int rows = 3 + ACK_DELAYS.length;
        BinaryBandwidthReport report = new BinaryBandwidthReport(rows);
        report.labels[0] = "JSON WorldUpdate";
        report.labels[1] = "binary QUANTIZED";
        report.labels[2] = "binary +PROJECTILE_EVENTS";
        BinaryClientEncoder[] encoders = new BinaryClientEncoder[rows - 1];
        encoders[0] = new BinaryClientEncoder(BinaryMode.QUANTIZED, TICK_RATE);
        encoders[1] = new BinaryClientEncoder(BinaryMode.PROJECTILE_EVENTS, TICK_RATE);
        BinarySnapshotDecoder[] clients = new BinarySnapshotDecoder[ACK_DELAYS.length];
        long[][] ackAt = new long[ACK_DELAYS.length][MEASURED_TICKS + WARM_UP_TICKS + 64];
        for (int d = 0; d < ACK_DELAYS.length; d++) {
            report.labels[3 + d] = "binary +DELTA, acks " + ACK_DELAYS[d] + " tick" + (ACK_DELAYS[d] > 1 ? "s" : "") + " late";
            encoders[2 + d] = new BinaryClientEncoder(BinaryMode.DELTA, TICK_RATE);
            clients[d] = new BinarySnapshotDecoder();
        }
        SimulatedGame game = new SimulatedGame(SEED, PLANES, SHOOT_FRACTION, 0);
        JsonWorldUpdateEncoder json = new JsonWorldUpdateEncoder();
        EncodedBuffer shared = new EncodedBuffer(4096);
        EncodedBuffer frame = new EncodedBuffer(4096);
        long[] payload = new long[rows];
        long[] wire = new long[rows];
        long projectiles = 0;
        for (int t = 0; t < WARM_UP_TICKS + MEASURED_TICKS; t++) {
            Snapshot s = game.step();
            boolean measured = t >= WARM_UP_TICKS;
            int me = s.indexOfPlane(1);
            long inputAck = me < 0 ? 0 : s.planeLastInputSeq(me);
            json.encode(s, shared);
            count(report, payload, wire, 0, JsonWorldUpdateFrame.withAck(shared, inputAck, frame), measured);
            for (int e = 0; e < encoders.length; e++) {
                long clientAck = 0;
                if (e >= 2) {
                    int d = e - 2;
                    int seen = t - ACK_DELAYS[d];
                    clientAck = seen >= 0 ? ackAt[d][seen] : 0;
                }
                int n = encoders[e].encode(s, inputAck, clientAck, frame);
                count(report, payload, wire, e + 1, n, measured);
                if (e >= 2) {
                    int d = e - 2;
                    if (!clients[d].decode(frame.array(), 0, n).isOk()) {
                        throw new IllegalStateException("client could not decode tick " + s.tick());
                    }
                    ackAt[d][t] = clients[d].latestTick();
                }
            }
            if (measured) {
                projectiles += s.projectileCount();
            }
        }
        double seconds = MEASURED_TICKS / (double) TICK_RATE;
        for (int r = 0; r < rows; r++) {
            report.payloadBytesPerSecond[r] = payload[r] / seconds;
            report.wireBytesPerSecond[r] = wire[r] / seconds;
        }
        report.projectilesInFlight = projectiles / (double) MEASURED_TICKS;
        return report;
    }

    private static void count(BinaryBandwidthReport report, long[] payload, long[] wire, int row, int bytes, boolean measured) {
        if (!measured) {
            return;
        }
        payload[row] += bytes;
        wire[row] += bytes + (bytes < 126 ? 2 : (bytes <= 65535 ? 4 : 10));
        report.maxFrameBytes[row] = Math.max(report.maxFrameBytes[row], bytes);
    }

    /** The report as a Markdown table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d planes, %.0f projectiles in flight on average, %d Hz, %d s, seed %d%n%n",
                PLANES, projectilesInFlight, TICK_RATE, MEASURED_TICKS / TICK_RATE, SEED));
        sb.append("| Encoding | bytes/frame | payload B/s | with WS header B/s | vs JSON | largest frame |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (int r = 0; r < labels.length; r++) {
            sb.append(String.format("| %s | %.1f | %,.0f | %,.0f | %.1f%% | %,.0f |%n", labels[r],
                    payloadBytesPerSecond[r] / TICK_RATE, payloadBytesPerSecond[r], wireBytesPerSecond[r],
                    100 * payloadBytesPerSecond[r] / payloadBytesPerSecond[0], maxFrameBytes[r]));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(run().table());
    }
}
