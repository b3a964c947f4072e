package org.jetraiders.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The I/O thread's side of one lobby's journal: drains the lobby's {@link ByteQueue} into its current
 * file, forces it to disk when due, closes it. The queue holds one entry per record (the journal thread
 * writes one at the end of each batch, some 60 a second per lobby); a drain copies them into the I/O
 * thread's staging buffer and writes them with one call, so a lobby costs a few writes a second rather
 * than one per record. A failing open, write or fsync is logged, reported to the journal thread by file
 * generation (which breaks the journal) and the rest of that file's bytes are dropped; the next OPEN
 * tries a new file. I/O thread only.
 */
final class LobbyFile {
    private static final System.Logger LOG = System.getLogger(LobbyFile.class.getName());
    private static final int NAME_ATTEMPTS = 100;

    final LobbyJournal journal;
    private final Path root;
    private final JournalObserver observer;
    private final ByteQueue queue;
    private final ByteBuffer staging; // the I/O thread's, shared by its files: empty between drains
    private FileChannel channel;
    private Path path;
    private int generation;
    private boolean failed;
    private boolean dirty;
    private boolean directorySynced;
    private long written;

    LobbyFile(LobbyJournal journal, Path root, JournalObserver observer, ByteBuffer staging) {
        this.journal = journal;
        this.root = root;
        this.observer = observer;
        this.queue = journal.queue();
        this.staging = staging;
    }

    /** Writes every queued entry; returns true if the journal has finished and its last file is closed. */
    boolean drain(long nowNanos) {
        boolean finished = journal.finished; // read first: everything it queued before is then visible
        while (queue.poll()) {
            try {
                switch (queue.kind()) {
                    case ByteQueue.OPEN -> {
                        writeStaged(); // what belongs to the file before
                        open(nowNanos);
                    }
                    case ByteQueue.DATA -> stage();
                    case ByteQueue.CLOSE -> {
                        writeStaged();
                        close();
                    }
                    default -> { }
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            } finally {
                queue.release();
            }
        }
        try {
            writeStaged();
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        if (finished) {
            closeQuietly();
            queue.free(); // the journal has queued its last entry, and this drain took it
            journal.status().closed = true;
            return true;
        }
        return false;
    }

    private void open(long nowNanos) throws IOException {
        closeQuietly();
        ByteBuffer entry = queue.entry();
        generation = entry.getInt();
        failed = false;
        byte[] name = new byte[entry.remaining()]; // a file's name: a few a lobby, not per record
        entry.get(name);
        String relative = new String(name, StandardCharsets.UTF_8);
        Path wanted = root.resolve(relative).normalize();
        if (!wanted.startsWith(root.normalize())) {
            throw new IOException("journal path " + relative + " leaves " + root);
        }
        Files.createDirectories(wanted.getParent());
        path = null;
        String base = wanted.getFileName().toString();
        String stem = base.substring(0, base.length() - JournalDescriptor.EXTENSION.length());
        for (int i = 1; i <= NAME_ATTEMPTS && path == null; i++) {
            // "_2" sorts after the first file's name, so a listing stays in time order
            Path candidate = i == 1 ? wanted : wanted.resolveSibling(stem + "_" + i + JournalDescriptor.EXTENSION);
            try {
                channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                path = candidate;
            } catch (FileAlreadyExistsException e) {
                // two files of one lobby and match in the same second: number the next
            }
        }
        if (path == null) {
            throw new IOException("no free name for " + wanted);
        }
        directorySynced = false;
        dirty = true;
        journal.status().file = path;
    }

    /** Copies the current DATA entry into the staging buffer (writing it out first when full). */
    private void stage() throws IOException {
        if (channel == null || failed) {
            return;
        }
        int length = queue.length();
        if (length > staging.remaining()) {
            writeStaged();
        }
        if (length > staging.remaining()) { // larger than the whole staging buffer: straight from the queue
            ByteBuffer entry = queue.entry();
            while (entry.hasRemaining()) {
                channel.write(entry);
            }
            wrote(length);
            return;
        }
        staging.put(queue.entry());
    }

    /** Writes what is staged to the current file; the staging buffer is empty afterwards, whatever happens. */
    private void writeStaged() throws IOException {
        if (staging.position() == 0) {
            return;
        }
        staging.flip();
        try {
            int length = staging.remaining();
            if (channel != null && !failed) {
                while (staging.hasRemaining()) {
                    channel.write(staging);
                }
                wrote(length);
            }
        } finally {
            staging.clear();
        }
    }

    private void wrote(int length) {
        written += length;
        dirty = true;
        journal.status().bytesWritten = written;
        observer.bytesWritten(length);
    }

    private void close() throws IOException {
        if (channel != null) {
            FileChannel c = channel;
            channel = null;
            try {
                if (!failed) {
                    force(c);
                }
            } finally {
                c.close();
            }
        }
    }

    /** Forces the file if it has bytes written since the last force (the I/O thread's beat decides when). */
    void forceIfDirty() {
        if (channel == null || !dirty || failed) {
            return;
        }
        try {
            force(channel);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** The file open now, or null: the size budget never deletes it. */
    Path openPath() {
        return channel != null ? path : null;
    }

    private void force(FileChannel c) throws IOException {
        long started = System.nanoTime();
        c.force(false); // fdatasync: the data and the size needed to read it back
        if (!directorySynced) {
            syncDirectory(path.getParent());
            directorySynced = true;
        }
        dirty = false;
        observer.fsynced(System.nanoTime() - started);
    }

    /** Makes the new file's directory entry durable too; some platforms cannot, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported here (e.g. Windows); the data itself is forced
        }
    }

    private void fail(Exception e) {
        if (!failed) {
            String what = "journal file " + (path != null ? path : "of lobby " + journal.lobbyName()) + " failed ("
                    + e + "); its lobby plays on, the journal tries a new file at the next scheduled snapshot";
            if (e instanceof IOException) {
                LOG.log(System.Logger.Level.ERROR, what); // the disk's message says it all
            } else {
                LOG.log(System.Logger.Level.ERROR, what, e);
            }
        }
        failed = true;
        journal.failedGeneration = generation;
        closeQuietly();
    }

    private void closeQuietly() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                if (!failed && dirty) {
                    force(c);
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
                journal.failedGeneration = generation;
            }
            try {
                c.close();
            } catch (IOException e) {
                // closing after a failure: nothing more to lose
            }
        }
    }
}
