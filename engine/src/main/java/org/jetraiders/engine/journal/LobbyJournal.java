package org.jetraiders.engine.journal;

import java.lang.invoke.VarHandle;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.jetraiders.engine.pipeline.InputEvent;

/**
 * One lobby's journal on the journal thread: a reader of the lobby's input ring that follows the game
 * loop without ever gating the ring.
 *
 * <p>It reads only slots the game loop has already applied (up to the game loop's sequence), so the
 * journal holds exactly what the world saw, in its order, with the game loop's stamps on each TICK.
 * Its own position is a plain field that no producer waits for: publishers may reuse a slot as soon as
 * the game loop has passed it. So every slot is read like a sequence lock: copy its fields, then an
 * acquire fence, then check that no publisher has claimed that slot's next lap ({@code cursor <
 * sequence + size}; the multi-producer cursor is the highest claimed sequence, and a publisher claims
 * before it writes). A slot that fails the check was possibly being overwritten while read: the journal
 * has fallen a whole ring behind, so it breaks ({@link JournalObserver#LAPPED}), jumps to the game
 * loop's position and starts a new file at the next world image.
 *
 * <p>Thread-safety: {@link #poll()} runs on the journal thread only; {@link #lobbyStopped()} and the
 * status on any thread; the I/O thread drains the queue and reports failures by file generation.
 */
final class LobbyJournal {
    private final String lobbyName;
    private final RingBuffer<InputEvent> ring;
    private final Sequence gameLoop;
    private final JournalRecorder recorder;
    private final ByteQueue queue;
    private final JournalStatus status;
    private final JournalObserver observer;
    private final int ringSize;
    /** Unread events at which a game-loop pass wakes the journal thread before its beat: a quarter ring. */
    private final int wakeBacklog;
    private long sequence = -1;
    /** {@link #sequence} as of the end of the last poll, for the game loop's backlog check. */
    private volatile long polledUpTo = -1;
    private volatile boolean lobbyStopped;
    private volatile boolean finishing;
    /** Written by the I/O thread: the generation of the last file it failed to write. */
    volatile int failedGeneration;
    /** Set by the journal thread once nothing more will be queued. */
    volatile boolean finished;

    LobbyJournal(String lobbyName, RingBuffer<InputEvent> ring, Sequence gameLoop, ByteQueue queue,
                 ImageMailbox mailbox, JournalHeader template, JournalConfig config, JournalStatus status) {
        this.lobbyName = lobbyName;
        this.ring = ring;
        this.gameLoop = gameLoop;
        this.queue = queue;
        this.status = status;
        this.observer = config.observer();
        this.ringSize = ring.getBufferSize();
        this.wakeBacklog = Math.max(1, ringSize / 4);
        this.recorder = new JournalRecorder(template, queue, mailbox, config.wallClock(), config.rotateBytes(),
                status, reason -> {
                    System.getLogger(LobbyJournal.class.getName()).log(System.Logger.Level.WARNING,
                            "journal of lobby " + lobbyName + " broke (" + reason + "); the lobby plays on, the journal"
                                    + " resumes in a new file at the next world image");
                    observer.journalBroken(lobbyName, reason);
                });
    }

    String lobbyName() {
        return lobbyName;
    }

    ByteQueue queue() {
        return queue;
    }

    JournalStatus status() {
        return status;
    }

    /** Journal thread, before the lobby starts: the first file, from the world the lobby starts with. */
    void start(byte[] image, long tick, long matchNumber) {
        recorder.start(image, tick, matchNumber);
    }

    /** Any thread: the lobby stopped; end the file once everything the game loop applied is read. */
    void lobbyStopped() {
        lobbyStopped = true;
    }

    /** Any thread: end the file at the next pass, whatever the lobby does (the journaler closes). */
    void finishNow() {
        finishing = true;
    }

    /**
     * Journal thread: reads what the game loop applied since the last call and queues its records.
     *
     * @return true if this journal is done (nothing more will ever be queued)
     */
    boolean poll() {
        if (finished) {
            return true;
        }
        boolean stopSeen = lobbyStopped; // read before the game loop's position: all it applied is then visible
        long available = gameLoop.get();
        long next = sequence + 1;
        while (next <= available && !recorder.isStopped()) {
            InputEvent e = ring.get(next);
            int type = e.type();
            int playerId = e.playerId();
            String name = e.name();
            long clientKey = e.clientKey();
            double thrust = e.thrust();
            double turn = e.turn();
            boolean shoot = e.shoot();
            long inputSeq = e.inputSeq();
            long stamped = e.stampedTick();
            boolean hasChecksum = e.hasChecksum();
            int checksum = e.checksum();
            VarHandle.acquireFence(); // the reads above happen before the cursor read below
            if (ring.getCursor() - next >= ringSize) {
                recorder.broken(JournalObserver.LAPPED);
                sequence = gameLoop.get();
                next = sequence + 1;
                available = sequence;
                break;
            }
            switch (type) {
                case InputEvent.INPUT -> recorder.input(playerId, thrust, turn, shoot, inputSeq);
                case InputEvent.TICK -> recorder.tick(stamped, hasChecksum, checksum);
                case InputEvent.JOIN -> recorder.join(playerId, name, clientKey);
                case InputEvent.DISCONNECT -> recorder.disconnect(playerId);
                case InputEvent.LEAVE -> recorder.leave(playerId);
                case InputEvent.STOP -> recorder.stop();
                default -> { }
            }
            sequence = next++;
        }
        recorder.endOfBatch();
        polledUpTo = sequence;
        int failed = failedGeneration;
        if (failed != 0 && failed == recorder.generation() && recorder.isRecording()) {
            recorder.broken(JournalObserver.IO_ERROR);
        }
        if (recorder.isStopped() || finishing || (stopSeen && sequence >= available)) {
            recorder.finish(finishing && !stopSeen ? JournalDescriptor.END_CLOSED : JournalDescriptor.END_STOPPED);
            finished = true;
        }
        return finished;
    }

    /**
     * The game-loop thread, after a pass: whether the events it applied and the journal has not read
     * reach a quarter of the ring, so the journal thread should read before its beat.
     */
    boolean backlogged() {
        return gameLoop.get() - polledUpTo >= wakeBacklog;
    }
}
