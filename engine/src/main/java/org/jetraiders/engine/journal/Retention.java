package org.jetraiders.engine.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The size budget: when the journal files under the root take more than the budget, the oldest (by
 * last modification) are deleted until they fit, never a file still being written. Lobby directories
 * left empty are removed. I/O thread only; a failure is logged and retried at the next check.
 */
final class Retention {
    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    private record Entry(Path path, long size, long modified) {
    }

    private Retention() {
    }

    /** Deletes the oldest files until the total is at most {@code budgetBytes}; returns the bytes left. */
    static long enforce(Path root, long budgetBytes, Set<Path> open, JournalObserver observer) {
        List<Entry> files = new ArrayList<>();
        long total = 0;
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (DirectoryStream<Path> lobbies = Files.newDirectoryStream(root)) {
            for (Path lobby : lobbies) {
                if (!Files.isDirectory(lobby)) {
                    continue;
                }
                try (DirectoryStream<Path> journals = Files.newDirectoryStream(lobby, "*" + JournalDescriptor.EXTENSION)) {
                    for (Path file : journals) {
                        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                        if (a.isRegularFile()) {
                            files.add(new Entry(file, a.size(), a.lastModifiedTime().toMillis()));
                            total += a.size();
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "journal size budget: cannot list " + root + ": " + e);
            return total;
        }
        if (budgetBytes <= 0 || total <= budgetBytes) {
            return total;
        }
        files.sort(Comparator.comparingLong(Entry::modified).thenComparing(Entry::path));
        for (Entry e : files) {
            if (total <= budgetBytes) {
                break;
            }
            if (open.contains(e.path())) {
                continue;
            }
            try {
                Files.deleteIfExists(e.path());
                total -= e.size();
                observer.fileDeleted(e.path(), e.size());
                deleteIfEmpty(e.path().getParent());
            } catch (IOException ex) {
                LOG.log(System.Logger.Level.WARNING, "journal size budget: cannot delete " + e.path() + ": " + ex);
            }
        }
        return total;
    }

    private static void deleteIfEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            if (s.iterator().hasNext()) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a file arrived meanwhile, or another process holds it: keep it
        }
    }
}
