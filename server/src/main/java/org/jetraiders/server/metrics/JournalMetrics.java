package org.jetraiders.server.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.jetraiders.engine.journal.JournalObserver;

/**
 * The journals' families, fed by the engine's journal threads through {@link JournalObserver}:
 * {@code jetraiders_journal_bytes_written_total}, {@code jetraiders_journal_broken_total{reason}} (a
 * lobby's journal fell behind its ring, filled its buffer, or hit a disk error: the lobby played on),
 * {@code jetraiders_journal_fsync_seconds} (a histogram) and {@code jetraiders_journal_files_deleted_total}
 * (the size budget). Thread-safe; the journal threads are its only writers, so the library's
 * allocating {@code observe} is fine here (once a second per file).
 */
public final class JournalMetrics implements JournalObserver {
    /** Upper bounds in seconds: a healthy fsync takes a millisecond or so, a sick disk seconds. */
    static final double[] FSYNC_BUCKETS = {0.000_1, 0.000_5, 0.001, 0.005, 0.010, 0.050, 0.100, 0.500, 1, 5};

    private final Counter bytesWritten = Counter.builder().name("jetraiders_journal_bytes_written_total")
            .help("Bytes written to journal files.").withoutExemplars().build();
    private final LabelledCounter broken = new LabelledCounter("jetraiders_journal_broken_total",
            "Times a lobby's journal broke (its lobby played on; the journal resumed in a new file), by reason.",
            "reason");
    private final Histogram fsync = Histogram.builder().name("jetraiders_journal_fsync_seconds")
            .help("Time to force a journal file to disk.").classicOnly().classicUpperBounds(FSYNC_BUCKETS)
            .withoutExemplars().build();
    private final Counter filesDeleted = Counter.builder().name("jetraiders_journal_files_deleted_total")
            .help("Journal files deleted to keep within --journal-retention-mb.").withoutExemplars().build();

    JournalMetrics(PrometheusRegistry registry) {
        registry.register(bytesWritten);
        broken.registerWith(registry);
        registry.register(fsync);
        registry.register(filesDeleted);
    }

    @Override
    public void bytesWritten(long bytes) {
        bytesWritten.inc(bytes);
    }

    @Override
    public void journalBroken(String lobby, String reason) {
        broken.increment(reason);
    }

    @Override
    public void fsynced(long nanos) {
        fsync.observe(nanos / 1e9);
    }

    @Override
    public void fileDeleted(Path file, long bytes) {
        filesDeleted.inc();
    }

    public long bytesWritten() {
        return bytesWritten.getLongValue();
    }

    /** Sorted copy: reason → breaks. */
    public Map<String, Long> brokenByReason() {
        return broken.snapshot();
    }

    public long fsyncs() {
        return fsync.collect().getDataPoints().get(0).getCount();
    }

    public long filesDeleted() {
        return filesDeleted.getLongValue();
    }
}
