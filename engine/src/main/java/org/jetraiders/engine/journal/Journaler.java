package org.jetraiders.engine.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.sim.World;

/**
 * Records lobbies into journal files (docs/JOURNAL.md): give it to a lobby with
 * {@link LobbyConfig.Builder#journaler} and every lobby built with it is recorded, whatever their number,
 * by two threads: {@code jr-journal}, which reads each lobby's input ring behind its game loop and
 * encodes, and {@code jr-journal-io}, which writes, forces and deletes files. Neither is ever in front
 * of a game loop: a journal that falls behind breaks and resumes, the game never waits (see
 * {@link LobbyJournal} and the journal package doc).
 *
 * <p>Thread-safe. Close it after the lobbies that use it have stopped; closing ends every file still
 * open (END "journaler closed") and forces it to disk.
 */
public final class Journaler implements AutoCloseable {
    private final JournalConfig config;
    private final JournalIoThread io;
    private final JournalThread reader;
    private final Set<LobbyJournal> journals = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Journaler(JournalConfig config) {
        this.config = config;
        this.io = new JournalIoThread(config);
        this.reader = new JournalThread(config.threadName(), io, config.readInterval().toNanos());
    }

    /**
     * Creates the directory and starts the two threads.
     *
     * @throws IOException when the directory cannot be created
     */
    public static Journaler start(JournalConfig config) throws IOException {
        Files.createDirectories(config.directory());
        Journaler j = new Journaler(config);
        j.io.start();
        j.reader.start();
        return j;
    }

    public JournalConfig config() {
        return config;
    }

    /**
     * For the lobby being built ({@code LobbyPipeline}): begins recording a lobby whose world is
     * {@code world} now (fresh, or restored); its first file starts from that world. The caller then
     * {@linkplain LobbyRecording#attach attaches} its input ring and {@linkplain LobbyRecording#start()
     * starts} it.
     *
     * @throws IllegalStateException when the journaler is closed
     */
    public LobbyRecording prepare(LobbyConfig lobby, World world) {
        if (closed) {
            throw new IllegalStateException("journaler is closed");
        }
        journals.removeIf(j -> j.status().isClosed());
        int tickRate = lobby.tickRateHz();
        JournalHeader template = new JournalHeader(JournalDescriptor.FORMAT_VERSION, config.serverVersion(), 0,
                lobby.name(), world.matchNumber(), tickRate, lobby.seed(), lobby.maxPlayers(), config.checksumTicks(),
                config.snapshotTicks(tickRate), lobby.tuning());
        return new LobbyRecording(this, template, world);
    }

    void host(LobbyJournal journal) {
        if (closed) {
            journal.finishNow();
        }
        journals.add(journal);
        io.add(new LobbyFile(journal, config.directory(), config.observer(), io.staging()));
        reader.add(journal);
    }

    JournalThread reader() {
        return reader;
    }

    /** {@link #close(Duration)} with 5 seconds. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /**
     * Ends every file still open, waits up to {@code timeout} for them to be written and forced, then
     * stops the threads. Idempotent.
     *
     * @return true if every file was closed in time
     */
    public boolean close(Duration timeout) {
        if (closed) {
            return true;
        }
        closed = true;
        for (LobbyJournal j : journals) {
            j.finishNow();
        }
        reader.wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean clean = true;
        for (LobbyJournal j : journals) {
            while (!j.status().isClosed()) {
                if (System.nanoTime() > deadline) {
                    clean = false;
                    break;
                }
                reader.wake();
                io.wake();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        reader.stop();
        io.stop();
        try {
            reader.join(1000);
            io.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return clean;
    }
}
