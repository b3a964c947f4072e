package org.jetraiders.server.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jetraiders.engine.journal.JournalDescriptor;
import org.jetraiders.engine.journal.JournalFormatException;
import org.jetraiders.engine.journal.Replay;
import org.jetraiders.engine.journal.ReplayReport;
import org.jetraiders.engine.journal.RestorePoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the lobbies a dead server was running and rebuilds their worlds (docs/JOURNAL.md): in each
 * lobby's journal directory, the newest file. A file that ends with an END record (the lobby stopped,
 * the journal went on in another file or broke, the server closed it) or whose lobby stopped was not
 * running when the server died; one without END was being written at the crash, and is restored from
 * its latest snapshot plus the complete records after it ({@link Replay#restore}).
 *
 * <p>Nothing here throws for a bad file: an unreadable, foreign, other-version or diverging journal is
 * logged in one line and reported to {@code failed} with a reason, and its lobby starts afresh.
 * Start-up thread only, before the journaler writes anything.
 */
public final class CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecovery.class);

    /**
     * A lobby to restore.
     *
     * @param lobby        its name (the journal header's)
     * @param file         the journal it comes from
     * @param point        the restored world
     * @param restoreNanos how long reading and re-simulating the journal took
     */
    public record Found(String lobby, Path file, RestorePoint point, long restoreNanos) {
    }

    private final Path journalDirectory;
    private final int tickRateHz;
    private final BiConsumer<Path, String> failed;

    /**
     * @param tickRateHz the server's tick rate: a journal recorded at another is not restored
     * @param failed     told about each crashed journal not restored, with a metrics reason
     */
    public CrashRecovery(Path journalDirectory, int tickRateHz, BiConsumer<Path, String> failed) {
        this.journalDirectory = journalDirectory;
        this.tickRateHz = tickRateHz;
        this.failed = failed;
    }

    /** The lobbies to restore, at most one per name; empty when there is no journal directory. */
    public List<Found> scan() {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(journalDirectory)) {
            return found;
        }
        Set<String> names = new HashSet<>();
        for (Path lobbyDir : lobbyDirectories()) {
            Optional<Path> newest = newestJournal(lobbyDir);
            if (newest.isEmpty()) {
                continue;
            }
            Found f = restore(newest.get());
            if (f == null) {
                continue;
            }
            if (!names.add(f.lobby())) {
                fail(f.file(), "duplicate", "another journal directory restores lobby " + f.lobby());
                continue;
            }
            found.add(f);
        }
        return found;
    }

    private List<Path> lobbyDirectories() {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(journalDirectory, Files::isDirectory)) {
            entries.forEach(dirs::add);
        } catch (IOException | RuntimeException e) {
            fail(journalDirectory, "io_error", "cannot list the journal directory (" + e + ")");
        }
        dirs.sort(Comparator.naturalOrder());
        return dirs;
    }

    /** File names start with the UTC time they were started (a suffix {@code _2} sorts after its first): the last is the newest. */
    private Optional<Path> newestJournal(Path lobbyDir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(lobbyDir, "*" + JournalDescriptor.EXTENSION)) {
            Path newest = null;
            for (Path p : entries) {
                if (Files.isRegularFile(p) && (newest == null || p.getFileName().toString()
                        .compareTo(newest.getFileName().toString()) > 0)) {
                    newest = p;
                }
            }
            return Optional.ofNullable(newest);
        } catch (IOException | RuntimeException e) {
            fail(lobbyDir, "io_error", "cannot list the lobby's journals (" + e + ")");
            return Optional.empty();
        }
    }

    /** The lobby of {@code file} if it was running at the crash and restores soundly; else null. */
    private Found restore(Path file) {
        long started = System.nanoTime();
        RestorePoint point;
        try {
            point = Replay.restore(file);
        } catch (JournalFormatException e) {
            fail(file, formatReason(e.getMessage()), e.getMessage());
            return null;
        } catch (IOException e) {
            fail(file, "io_error", "cannot read it (" + e + ")");
            return null;
        } catch (RuntimeException e) { // a reader bug must not stop the server from starting
            fail(file, "corrupt", "unreadable (" + e + ")");
            return null;
        }
        long nanos = System.nanoTime() - started;
        ReplayReport r = point.report();
        if (r.endReason() != 0 || r.stopped()) {
            LOG.debug("journal {} ended ({}): its lobby was not running at the crash", file,
                    r.endReason() != 0 ? JournalDescriptor.endReason(r.endReason()) : "lobby stopped");
            return null;
        }
        if (r.divergence() != null) {
            fail(file, "diverged", "replaying it diverged at tick " + r.divergence().tick()
                    + " (recorded under other rules?)");
            return null;
        }
        if (point.header().tickRateHz() != tickRateHz) {
            fail(file, "tick_rate", "recorded at " + point.header().tickRateHz() + " Hz; this server ticks at "
                    + tickRateHz + " Hz (--tick-rate)");
            return null;
        }
        return new Found(point.header().lobbyName(), file, point, nanos);
    }

    /** The metrics reason of a journal the reader refused. */
    static String formatReason(String message) {
        if (message != null && message.startsWith("journal format version")) {
            return "version";
        }
        if (message != null && message.startsWith("not a Jet Raiders journal")) {
            return "foreign";
        }
        return "corrupt";
    }

    private void fail(Path file, String reason, String why) {
        LOG.warn("crash recovery: skipped {}: {}; its lobby starts afresh", file, why);
        failed.accept(file, reason);
    }
}
