package org.jetraiders.server.journal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the server records its lobbies ({@code --data-dir} and the {@code --journal*} flags;
 * docs/JOURNAL.md). Immutable; the compact constructor validates every value and names the flag of a
 * bad one.
 *
 * @param enabled          whether lobbies are recorded at all
 * @param dataDir          the server's data directory; journals go to {@code <dataDir>/journal/<lobby>/}
 * @param retentionMb      total size of the journal files kept, in MiB; the oldest go first; 0 keeps all
 * @param fsyncInterval    each journal file with new bytes is forced to disk at least this often
 * @param snapshotInterval a world snapshot at least this often: restoring replays at most this much
 * @param bufferKb         each lobby's buffer between encoding and the disk, in KiB; a disk further behind breaks the journal
 * @param recover          at start-up, restore every lobby whose newest journal did not end (the server
 *                         died while it ran; {@link CrashRecovery}); only while journaling is on
 */
public record JournalSettings(boolean enabled, Path dataDir, long retentionMb, Duration fsyncInterval,
                              Duration snapshotInterval, int bufferKb, boolean recover) {
    private static final JournalSettings DEFAULTS = new JournalSettings(true, Path.of("data"), 1024,
            Duration.ofSeconds(1), Duration.ofSeconds(5), 256, true);

    public JournalSettings {
        require(dataDir != null && !dataDir.toString().isBlank(), "data-dir must not be blank");
        requireRange("journal-retention-mb", retentionMb, 0, 1L << 30);
        require(fsyncInterval != null, "journal-fsync-ms must be set");
        requireRange("journal-fsync-ms", fsyncInterval.toMillis(), 1, 60_000);
        require(snapshotInterval != null, "journal-snapshot-seconds must be set");
        requireRange("journal-snapshot-seconds", snapshotInterval.toSeconds(), 1, 3600);
        requireRange("journal-buffer-kb", bufferKb, 64, 1 << 20);
    }

    /** Without {@code recover} (true by default). */
    public JournalSettings(boolean enabled, Path dataDir, long retentionMb, Duration fsyncInterval,
                           Duration snapshotInterval, int bufferKb) {
        this(enabled, dataDir, retentionMb, fsyncInterval, snapshotInterval, bufferKb, true);
    }

    /** Whether start-up restores crashed lobbies: {@code --recover} and {@code --journal} both on. */
    public boolean recovers() {
        return enabled && recover;
    }

    /** On, under {@code ./data}, 1 GiB kept, forced every second, a snapshot every 5 s, 256 KiB per lobby, recovery on. */
    public static JournalSettings defaults() {
        return DEFAULTS;
    }

    /** Where the journal files go: {@code <dataDir>/journal}. */
    public Path journalDirectory() {
        return dataDir.resolve("journal");
    }

    public JournalSettings withEnabled(boolean v) {
        return new JournalSettings(v, dataDir, retentionMb, fsyncInterval, snapshotInterval, bufferKb, recover);
    }

    public JournalSettings withDataDir(Path v) {
        return new JournalSettings(enabled, v, retentionMb, fsyncInterval, snapshotInterval, bufferKb, recover);
    }

    public JournalSettings withRetentionMb(long v) {
        return new JournalSettings(enabled, dataDir, v, fsyncInterval, snapshotInterval, bufferKb, recover);
    }

    public JournalSettings withFsyncInterval(Duration v) {
        return new JournalSettings(enabled, dataDir, retentionMb, v, snapshotInterval, bufferKb, recover);
    }

    public JournalSettings withSnapshotInterval(Duration v) {
        return new JournalSettings(enabled, dataDir, retentionMb, fsyncInterval, v, bufferKb, recover);
    }

    public JournalSettings withBufferKb(int v) {
        return new JournalSettings(enabled, dataDir, retentionMb, fsyncInterval, snapshotInterval, v, recover);
    }

    public JournalSettings withRecover(boolean v) {
        return new JournalSettings(enabled, dataDir, retentionMb, fsyncInterval, snapshotInterval, bufferKb, v);
    }

    private static void requireRange(String name, long value, long min, long max) {
        require(value >= min && value <= max, name + " must be in [" + min + ", " + max + "], was " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
