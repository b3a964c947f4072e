package org.jetraiders.engine.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a {@link Journaler} records. Immutable; {@link Builder#build()} checks every value and names the
 * first bad one.
 */
public final class JournalConfig {
    private final Path directory;
    private final Duration fsyncInterval;
    private final Duration readInterval;
    private final long retentionBytes;
    private final Duration snapshotInterval;
    private final int checksumTicks;
    private final int bufferBytes;
    private final long rotateBytes;
    private final String serverVersion;
    private final JournalObserver observer;
    private final LongSupplier wallClock;
    private final String threadName;

    private JournalConfig(Builder b) {
        directory = b.directory;
        fsyncInterval = b.fsyncInterval;
        readInterval = b.readInterval;
        retentionBytes = b.retentionBytes;
        snapshotInterval = b.snapshotInterval;
        checksumTicks = b.checksumTicks;
        bufferBytes = b.bufferBytes;
        rotateBytes = b.rotateBytes;
        serverVersion = b.serverVersion;
        observer = b.observer;
        wallClock = b.wallClock;
        threadName = b.threadName;
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Root of the journal files: {@code <directory>/<lobby>/<UTC start>-<match>.jrj}. */
    public Path directory() { return directory; }
    /** Each file with new bytes is forced to disk at least this often. Default 1 s. */
    public Duration fsyncInterval() { return fsyncInterval; }
    /** How often the journal thread reads every lobby's ring (a lobby whose ring fills up wakes it sooner). */
    public Duration readInterval() { return readInterval; }
    /** Total size of the files kept; the oldest are deleted past it; 0 keeps everything. Default 1 GiB. */
    public long retentionBytes() { return retentionBytes; }
    /** A world snapshot at least this often, so restoring replays at most this much. Default 5 s. */
    public Duration snapshotInterval() { return snapshotInterval; }
    /** A checksum of the world every this many ticks. Default 60. */
    public int checksumTicks() { return checksumTicks; }
    /** Each lobby's buffer between encoding and the disk (grown to hold two of its largest world images). Default 256 KiB. */
    public int bufferBytes() { return bufferBytes; }
    /** A file past this size goes on in a new one at the next snapshot. Default 64 MiB. */
    public long rotateBytes() { return rotateBytes; }
    /** Written into every header. Default "unknown". */
    public String serverVersion() { return serverVersion; }
    public JournalObserver observer() { return observer; }
    /** Milliseconds since the epoch, for file names and headers. Default the system clock. */
    public LongSupplier wallClock() { return wallClock; }
    /** Names of the two threads: this and this + "-io". Default {@code jr-journal}. */
    public String threadName() { return threadName; }

    /** Snapshot interval in ticks at this rate (at least 1). */
    int snapshotTicks(int tickRateHz) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, snapshotInterval.toMillis() * tickRateHz / 1000));
    }

    public static final class Builder {
        private final Path directory;
        private Duration fsyncInterval = Duration.ofSeconds(1);
        private Duration readInterval = Duration.ofMillis(50);
        private long retentionBytes = 1L << 30;
        private Duration snapshotInterval = Duration.ofSeconds(5);
        private int checksumTicks = 60;
        private int bufferBytes = 256 * 1024;
        private long rotateBytes = 64L << 20;
        private String serverVersion = "unknown";
        private JournalObserver observer = JournalObserver.NONE;
        private LongSupplier wallClock = System::currentTimeMillis;
        private String threadName = "jr-journal";

        private Builder(Path directory) {
            this.directory = directory;
        }

        public Builder fsyncInterval(Duration d) { fsyncInterval = d; return this; }
        public Builder readInterval(Duration d) { readInterval = d; return this; }
        public Builder retentionBytes(long bytes) { retentionBytes = bytes; return this; }
        public Builder snapshotInterval(Duration d) { snapshotInterval = d; return this; }
        public Builder checksumTicks(int ticks) { checksumTicks = ticks; return this; }
        public Builder bufferBytes(int bytes) { bufferBytes = bytes; return this; }
        public Builder rotateBytes(long bytes) { rotateBytes = bytes; return this; }
        public Builder serverVersion(String v) { serverVersion = v; return this; }
        public Builder observer(JournalObserver o) { observer = o; return this; }
        public Builder wallClock(LongSupplier clock) { wallClock = clock; return this; }
        public Builder threadName(String name) { threadName = name; return this; }

        /** @throws IllegalArgumentException naming the first invalid value */
        public JournalConfig build() {
            require(directory != null, "directory must be set");
            require(fsyncInterval != null && fsyncInterval.toMillis() >= 1 && fsyncInterval.toMillis() <= 60_000,
                    "fsyncInterval must be in [1 ms, 60 s], was " + fsyncInterval);
            require(readInterval != null && readInterval.toMillis() >= 1 && readInterval.toHours() <= 24,
                    "readInterval must be in [1 ms, 24 h], was " + readInterval);
            require(retentionBytes >= 0, "retentionBytes must be >= 0, was " + retentionBytes);
            require(snapshotInterval != null && snapshotInterval.toMillis() >= 100
                    && snapshotInterval.toSeconds() <= 3600, "snapshotInterval must be in [100 ms, 1 h], was " + snapshotInterval);
            require(checksumTicks >= 1, "checksumTicks must be >= 1, was " + checksumTicks);
            require(bufferBytes >= 64 * 1024 && bufferBytes <= 1 << 30,
                    "bufferBytes must be in [64 KiB, 1 GiB], was " + bufferBytes);
            require(rotateBytes >= 1 << 20, "rotateBytes must be >= 1 MiB, was " + rotateBytes);
            require(serverVersion != null, "serverVersion must not be null");
            require(observer != null, "observer must not be null");
            require(wallClock != null, "wallClock must not be null");
            require(threadName != null && !threadName.isBlank(), "threadName must not be blank");
            return new JournalConfig(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
