package org.jetraiders.bench.load;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Summary} as a human-readable table and as JSON. Stateless. */
final class ReportWriter {

    static final String JSON_MARKER = "--- JSON ---";

    private ReportWriter() {
    }

    /** The human-readable table. */
    static String table(Summary s) {
        Summary.Config c = s.config();
        StringBuilder b = new StringBuilder(2048);
        line(b, "Jet Raiders load test", c.url() + "  format=" + c.format()
                + (Options.FORMAT_BIN.equals(c.format()) ? "  decode=" + c.decode() : ""));
        line(b, "clients / lobbies / probes", c.clients() + " / " + c.lobbies() + " / " + c.probes());
        line(b, "input rate per client", num(c.rateHz()) + " Hz  (I/O threads " + c.ioThreads() + ")");
        line(b, "warmup + measured", num(c.warmupSeconds()) + " s + " + num(s.measuredSeconds()) + " s");
        b.append('\n');
        Summary.Connections k = s.connections();
        line(b, "connected", k.connected() + " (open at end " + k.openAtEnd() + ")");
        line(b, "connect failures", k.connectFailures() + reasons(k.connectFailuresByReason()));
        line(b, "disconnects", k.disconnects() + reasons(k.disconnectsByReason()));
        b.append('\n');
        Summary.Latency l = s.latency();
        pct(b, "input-to-effect latency ms", l.effect());
        pct(b, "input-to-ack latency ms", l.ack());
        pct(b, "ping RTT ms", l.pingRtt());
        line(b, "probe rounds skipped / timed out", l.roundsSkipped() + " / " + l.roundsTimedOut());
        b.append('\n');
        Summary.Snapshots n = s.snapshots();
        pct(b, "snapshot inter-arrival ms", n.interArrival());
        line(b, "largest snapshot gap ms", num(n.maxGapMs()));
        spread(b, "snapshots/s per client", n.perClientRate());
        spread(b, "KiB/s per client", scale(n.perClientBytes(), 1.0 / 1024));
        line(b, "snapshots / bytes total", n.total() + " / " + n.bytesTotal());
        line(b, "clients without snapshots", Integer.toString(n.silentClients()));
        Summary.Bandwidth bw = s.bandwidth();
        line(b, "down B/s per client payload/wire", num(bw.downPayloadPerSecond()) + " / " + num(bw.downWirePerSecond())
                + "  (snapshots " + num(bw.snapshotPayloadPerSecond()) + ")");
        line(b, "bytes per snapshot", num(bw.bytesPerSnapshot()));
        line(b, "up B/s per client payload/wire", num(bw.upPayloadPerSecond()) + " / " + num(bw.upWirePerSecond()));
        Summary.Inputs in = s.inputs();
        line(b, "inputs sent (/s)", in.sent() + " (" + num(in.perSecond()) + ")  late " + in.late()
                + "  skipped " + in.skipped());
        pct(b, "input send lateness ms", in.lateness());
        b.append('\n');
        Summary.Problems p = s.problems();
        line(b, "lagged notices / missed", p.laggedNotices() + " / " + p.laggedMissed());
        line(b, "errors", p.errors() + reasons(p.errorsByCode()));
        line(b, "unreadable / binary frames", p.unreadableFrames() + " / " + p.binaryFrames());
        line(b, "undecodable binary frames", p.undecodableFrames() + reasons(p.undecodableByResult()));
        b.append('\n');
        Summary.Cpu cpu = s.cpu();
        if (cpu.serverPid() > 0) {
            line(b, "server pid " + cpu.serverPid() + " CPU %", num(cpu.serverCpuPercent()) + " of one core");
            line(b, "server peak RSS MiB", num(cpu.serverPeakRssMb()));
            line(b, "server uptime s over the window", num(cpu.serverUptimeAtStart()) + " to "
                    + num(cpu.serverUptimeAtEnd()) + "  (the uptime of -Xlog:gc's decorations)");
            threads(b, "server", cpu.serverThreads());
        } else {
            line(b, "server CPU / RSS", "not sampled (use --server-pid)");
        }
        Summary.ServerTicks t = s.serverTicks();
        line(b, "server ticks in the window", !t.wasRead() ? t.unavailable()
                : t.ticks() + " over " + t.lobbies() + " lobbies: " + t.late() + " late"
                        + (t.mostLateInOneLobby() < 0 ? "" : " (at most " + t.mostLateInOneLobby() + " in one lobby)")
                        + ", " + t.skipped() + " skipped");
        line(b, "load generator CPU %", num(cpu.ownCpuPercent()) + " of one core, peak RSS "
                + num(cpu.ownPeakRssMb()) + " MiB");
        threads(b, "load generator", cpu.ownThreads());
        return b.toString();
    }

    private static void threads(StringBuilder b, String who, Summary.Threads t) {
        line(b, who + " threads", t.atEnd() < 0 ? "-" : t.atEnd() + " (max " + t.max() + ")");
        line(b, who + " context switches/s", num(t.switchesPerSecond()) + "  (voluntary "
                + num(t.voluntaryPerSecond()) + ", involuntary " + num(t.involuntaryPerSecond()) + ")");
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-34s %s%n", label, value));
    }

    private static void pct(StringBuilder b, String label, Summary.Percentiles p) {
        if (p.count() == 0) {
            line(b, label, "no samples");
            return;
        }
        line(b, label, String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (n=%d)",
                num(p.p50()), num(p.p90()), num(p.p99()), num(p.p999()), num(p.max()), p.count()));
    }

    private static void spread(StringBuilder b, String label, Summary.Spread s) {
        line(b, label, "mean " + num(s.mean()) + "  min " + num(s.min()) + "  max " + num(s.max()));
    }

    private static Summary.Spread scale(Summary.Spread s, double f) {
        return new Summary.Spread(s.mean() * f, s.min() * f, s.max() * f);
    }

    private static String reasons(Map<String, Long> m) {
        return m.isEmpty() ? "" : "  " + m;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    /** The JSON summary, pretty-printed. */
    static String json(Summary s) {
        StringWriter out = new StringWriter(4096);
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent("  ");
            Summary.Config c = s.config();
            w.beginObject();
            w.name("format").value(c.format());
            w.name("url").value(c.url());
            w.name("clients").value(c.clients());
            w.name("lobbies").value(c.lobbies());
            w.name("probes").value(c.probes());
            w.name("rate_hz").value(c.rateHz());
            w.name("duration_s").value(c.durationSeconds());
            w.name("warmup_s").value(c.warmupSeconds());
            w.name("io_threads").value(c.ioThreads());
            w.name("decode").value(c.decode());
            w.name("senders").value(c.ioThreads()); // the I/O threads send the inputs; kept for older readers
            w.name("measured_s").value(round(s.measuredSeconds()));

            Summary.Connections k = s.connections();
            w.name("connections").beginObject();
            w.name("connected").value(k.connected());
            w.name("open_at_end").value(k.openAtEnd());
            w.name("connect_failures").value(k.connectFailures());
            counts(w, "connect_failures_by_reason", k.connectFailuresByReason());
            w.name("close_timeouts").value(k.closeTimeouts());
            w.endObject();
            w.name("disconnects").beginObject();
            w.name("total").value(k.disconnects());
            counts(w, "by_close_code", k.disconnectsByReason());
            w.endObject();

            Summary.Latency l = s.latency();
            percentiles(w, "latency_ms", l.effect());
            percentiles(w, "ack_latency_ms", l.ack());
            percentiles(w, "ping_rtt_ms", l.pingRtt());
            w.name("probe_rounds_skipped").value(l.roundsSkipped());
            w.name("probe_rounds_timed_out").value(l.roundsTimedOut());

            Summary.Snapshots n = s.snapshots();
            percentiles(w, "interarrival_ms", n.interArrival());
            w.name("max_gap_ms");
            number(w, n.maxGapMs());
            spread(w, "snapshots_per_s_per_client", n.perClientRate());
            spread(w, "bytes_per_s_per_client", n.perClientBytes());
            w.name("snapshots_total").value(n.total());
            w.name("bytes_total").value(n.bytesTotal());
            w.name("silent_clients").value(n.silentClients());

            Summary.Bandwidth bw = s.bandwidth();
            w.name("bandwidth_per_client").beginObject();
            w.name("down_payload_bytes_per_s");
            number(w, bw.downPayloadPerSecond());
            w.name("down_wire_bytes_per_s");
            number(w, bw.downWirePerSecond());
            w.name("snapshot_payload_bytes_per_s");
            number(w, bw.snapshotPayloadPerSecond());
            w.name("bytes_per_snapshot");
            number(w, bw.bytesPerSnapshot());
            w.name("up_payload_bytes_per_s");
            number(w, bw.upPayloadPerSecond());
            w.name("up_wire_bytes_per_s");
            number(w, bw.upWirePerSecond());
            w.name("note").value("payload = WebSocket application data; wire adds WebSocket frame headers, not TCP/IP");
            w.endObject();

            Summary.Inputs in = s.inputs();
            w.name("inputs").beginObject();
            w.name("sent").value(in.sent());
            w.name("per_s").value(round(in.perSecond()));
            w.name("late").value(in.late());
            w.name("skipped").value(in.skipped());
            w.endObject();
            percentiles(w, "send_lateness_ms", in.lateness());

            Summary.Problems p = s.problems();
            w.name("lagged").beginObject();
            w.name("notices").value(p.laggedNotices());
            w.name("missed").value(p.laggedMissed());
            w.endObject();
            w.name("errors").beginObject();
            w.name("total").value(p.errors());
            counts(w, "by_code", p.errorsByCode());
            w.endObject();
            w.name("unreadable_frames").value(p.unreadableFrames());
            w.name("binary_frames").value(p.binaryFrames());
            w.name("undecodable_frames").beginObject();
            w.name("total").value(p.undecodableFrames());
            counts(w, "by_result", p.undecodableByResult());
            w.endObject();

            Summary.Cpu cpu = s.cpu();
            w.name("server");
            if (cpu.serverPid() > 0) {
                w.beginObject();
                w.name("pid").value(cpu.serverPid());
                w.name("cpu_percent");
                number(w, cpu.serverCpuPercent());
                w.name("peak_rss_mb");
                number(w, cpu.serverPeakRssMb());
                w.name("uptime_at_window_start_s");
                number(w, cpu.serverUptimeAtStart());
                w.name("uptime_at_window_end_s");
                number(w, cpu.serverUptimeAtEnd());
                threads(w, cpu.serverThreads());
                w.endObject();
            } else {
                w.nullValue();
            }
            Summary.ServerTicks t = s.serverTicks();
            w.name("server_ticks").beginObject();
            if (t.wasRead()) {
                w.name("ticks").value(t.ticks());
                w.name("late").value(t.late());
                if (t.mostLateInOneLobby() >= 0) {
                    w.name("most_late_in_one_lobby").value(t.mostLateInOneLobby());
                }
                w.name("skipped").value(t.skipped());
                w.name("lobbies").value(t.lobbies());
            } else {
                w.name("unavailable").value(t.unavailable());
            }
            w.endObject();
            w.name("loadgen").beginObject();
            w.name("cpu_percent");
            number(w, cpu.ownCpuPercent());
            w.name("peak_rss_mb");
            number(w, cpu.ownPeakRssMb());
            threads(w, cpu.ownThreads());
            w.endObject();
            w.name("scope").value("rates and histograms: measured window; counters: whole run");
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void threads(JsonWriter w, Summary.Threads t) throws IOException {
        w.name("threads");
        count(w, t.atEnd());
        w.name("threads_max");
        count(w, t.max());
        w.name("ctx_switches_per_s");
        number(w, t.switchesPerSecond());
        w.name("voluntary_ctx_switches_per_s");
        number(w, t.voluntaryPerSecond());
        w.name("involuntary_ctx_switches_per_s");
        number(w, t.involuntaryPerSecond());
    }

    private static void count(JsonWriter w, long v) throws IOException {
        if (v < 0) {
            w.nullValue();
        } else {
            w.value(v);
        }
    }

    private static void percentiles(JsonWriter w, String name, Summary.Percentiles p) throws IOException {
        w.name(name).beginObject();
        w.name("samples").value(p.count());
        w.name("p50");
        number(w, p.p50());
        w.name("p90");
        number(w, p.p90());
        w.name("p99");
        number(w, p.p99());
        w.name("p99_9");
        number(w, p.p999());
        w.name("max");
        number(w, p.max());
        w.name("mean");
        number(w, p.mean());
        w.endObject();
    }

    private static void spread(JsonWriter w, String name, Summary.Spread s) throws IOException {
        w.name(name).beginObject();
        w.name("mean");
        number(w, s.mean());
        w.name("min");
        number(w, s.min());
        w.name("max");
        number(w, s.max());
        w.endObject();
    }

    private static void counts(JsonWriter w, String name, Map<String, Long> m) throws IOException {
        w.name(name).beginObject();
        for (Map.Entry<String, Long> e : m.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
    }

    private static void number(JsonWriter w, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            w.nullValue();
        } else {
            w.value(round(v));
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
