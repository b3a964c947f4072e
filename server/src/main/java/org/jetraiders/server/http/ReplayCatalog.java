package org.jetraiders.server.http;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.journal.JournalDescriptor;
import org.jetraiders.engine.journal.JournalFormatException;
import org.jetraiders.engine.journal.JournalHeader;
import org.jetraiders.engine.journal.JournalReader;
import org.jetraiders.engine.journal.Replay;
import org.jetraiders.engine.journal.ReplayReport;

/**
 * The recorded matches under the journal directory ({@code <dir>/<lobby>/<UTC start>-<match>.jrj}),
 * newest first. A replay's id is built from the two names ({@code <lobby>~<file>}), and a request's id
 * is only ever looked up among the files this listing found: no part of a request becomes a path, so
 * {@code ..} or a slash in an id finds nothing.
 *
 * <p>A file's summary needs a pass over it (its end tick and final players come from re-simulating
 * the last few seconds after its latest snapshot, {@link Replay} from {@code Long.MAX_VALUE}), so summaries
 * are cached per file version (path, size, modification time); a file still being written is summed up
 * again when it has grown. Thread-safe; called on HTTP workers that hold a replay permit.
 */
final class ReplayCatalog {
    /** What an id may look like: the names the journal writes, with {@code ~} between lobby and file. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}~[A-Za-z0-9_.-]{1,64}");
    private static final String SEPARATOR = "~";
    /** Files looked at per listing, whatever the retention leaves on disk. */
    static final int MAX_FILES_SCANNED = 10_000;
    private static final int CACHE_ENTRIES = 1_024;

    private record Found(String id, Path path, String lobbyDir, long bytes, long modifiedMillis) {
    }

    private record CacheKey(Path path, long bytes, long modifiedMillis) {
    }

    private final Path root;
    private final Map<CacheKey, ReplaySummary> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, ReplaySummary> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /** @param root the journal directory ({@code <data-dir>/journal}); it need not exist */
    ReplayCatalog(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The files found, newest first (by file name, which starts with the UTC start time). */
    private List<Found> scan() throws IOException {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> lobbies = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path lobbyDir : lobbies) {
                String lobby = lobbyDir.getFileName().toString();
                // the journal writes a lobby named ".x" into "%2Ex" (no hidden directories); its id uses the name
                String idLobby = lobby.startsWith("%2E") ? "." + lobby.substring(3) : lobby;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(lobbyDir, "*" + JournalDescriptor.EXTENSION)) {
                    for (Path file : files) {
                        if (found.size() >= MAX_FILES_SCANNED) {
                            break;
                        }
                        String name = file.getFileName().toString();
                        String id = idLobby + SEPARATOR + name.substring(0, name.length() - JournalDescriptor.EXTENSION.length());
                        BasicFileAttributes attrs;
                        try {
                            attrs = Files.readAttributes(file, BasicFileAttributes.class);
                        } catch (NoSuchFileException e) {
                            continue; // deleted by retention meanwhile
                        }
                        if (ID.matcher(id).matches() && attrs.isRegularFile()) {
                            found.add(new Found(id, file, lobby, attrs.size(), attrs.lastModifiedTime().toMillis()));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing((Found f) -> f.path().getFileName().toString()).reversed()
                .thenComparing(Found::lobbyDir));
        return found;
    }

    /** One page of the listing, newest first, and the total number of files. */
    record Page(List<ReplaySummary> replays, int total) {
    }

    Page list(int offset, int limit) throws IOException {
        List<Found> all = scan();
        List<ReplaySummary> page = new ArrayList<>();
        for (int i = offset; i < all.size() && page.size() < limit; i++) {
            page.add(summary(all.get(i)));
        }
        return new Page(page, all.size());
    }

    /** A listed file and its summary. */
    record Match(Path path, ReplaySummary summary) {
    }

    /** The file behind an id from the listing, or null: ids are matched, never resolved as paths. */
    Match find(String id) throws IOException {
        if (id == null || !ID.matcher(id).matches()) {
            return null;
        }
        for (Found f : scan()) {
            if (f.id().equals(id)) {
                return new Match(f.path(), summary(f));
            }
        }
        return null;
    }

    private ReplaySummary summary(Found f) {
        CacheKey key = new CacheKey(f.path(), f.bytes(), f.modifiedMillis());
        synchronized (cache) {
            ReplaySummary cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ReplaySummary s = summarize(f);
        synchronized (cache) {
            cache.put(key, s);
        }
        return s;
    }

    private static ReplaySummary summarize(Found f) {
        JournalHeader header;
        long firstTick;
        try (JournalReader reader = JournalReader.open(f.path())) {
            header = reader.header();
            if (!reader.next() || reader.type() != JournalDescriptor.RECORD_SNAPSHOT) {
                return broken(f, "the journal has no world snapshot after its header");
            }
            firstTick = reader.payload().getZigZag(); // a world image starts with its tick
        } catch (JournalFormatException e) {
            return broken(f, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return broken(f, "unreadable (" + e.getMessage() + ")");
        }
        ReplayReport report;
        try {
            report = Replay.of(f.path()).from(Long.MAX_VALUE).run();
        } catch (JournalFormatException e) {
            return broken(f, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return broken(f, "unreadable (" + e.getMessage() + ")");
        }
        String state;
        String detail;
        if (report.divergence() != null) {
            state = ReplaySummary.DIVERGED;
            detail = report.divergence().what() + " mismatch at tick " + report.divergence().tick();
        } else if (report.torn()) {
            state = ReplaySummary.TRUNCATED;
            detail = "the last " + report.tornBytes() + " bytes are not a complete record (" + report.tornReason() + ")";
        } else if (report.endReason() != 0) {
            state = ReplaySummary.COMPLETE;
            detail = JournalDescriptor.endReason(report.endReason());
        } else {
            state = ReplaySummary.OPEN;
            detail = "no end record (still being written, or the server stopped without one)";
        }
        List<String> players = report.scores().stream().map(PlayerScore::name).toList();
        return new ReplaySummary(f.id(), header.lobbyName(), header.startedAtMillis(), header.matchNumber(),
                header.tickRateHz(), firstTick, report.endTick(), f.bytes(), state, detail, players);
    }

    private static ReplaySummary broken(Found f, String why) {
        return new ReplaySummary(f.id(), f.lobbyDir(), 0, 0, 0, 0, 0, f.bytes(), ReplaySummary.BROKEN, why, List.of());
    }
}
