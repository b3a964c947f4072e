package org.jetraiders.engine.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.PassSignal;
import org.jetraiders.engine.pipeline.TickCapture;
import org.jetraiders.engine.sim.World;

/**
 * One lobby's journal as the lobby's pipeline ({@code LobbyPipeline}) holds it: the capture its game
 * loop runs after each step, the signal its game-loop shard sends after each pass, and the status. Built by
 * {@link Journaler#prepare}; {@link #attach} once the ring and the game loop exist, {@link #start()}
 * with the lobby.
 */
public final class LobbyRecording {
    private final Journaler journaler;
    private final JournalHeader template;
    private final ImageMailbox mailbox;
    private final WorldCapture capture;
    private final JournalStatus status = new JournalStatus();
    private final byte[] initialImage;
    private final long initialTick;
    private final long initialMatch;
    private final int maxImageBytes;
    private LobbyJournal journal;

    LobbyRecording(Journaler journaler, JournalHeader template, World world) {
        this.journaler = journaler;
        this.template = template;
        this.initialImage = WorldCapture.image(world);
        this.initialTick = world.tick();
        this.initialMatch = world.matchNumber();
        this.maxImageBytes = Math.max(initialImage.length, estimateImageBytes(world));
        this.mailbox = new ImageMailbox(Math.max(initialImage.length * 2, 4096));
        this.capture = new WorldCapture(mailbox, template.checksumTicks(), template.snapshotTicks(), world);
    }

    /**
     * A generous bound on the world image of a full lobby (names of up to 64 chars): each lobby's queue
     * holds two, so a snapshot never fails for size.
     */
    static int estimateImageBytes(World world) {
        long planes = (long) world.slotCapacity() * (5 * 10 + 8 * 8 + 2 + 64 * 3 + 10);
        long projectiles = (long) world.projectileCapacity() * (5 * 5 + 5 * 8 + 10);
        long pending = (long) (world.slotCapacity() + world.projectileCapacity()) * 5;
        return (int) Math.min(1 << 28, 128 + planes + projectiles + pending);
    }

    public TickCapture capture() {
        return capture;
    }

    /**
     * What the game-loop shard calls after a pass that stepped the lobby: wakes the journal thread early
     * only when this lobby's unread events reach a quarter of its ring, for lobbies that fill their
     * ring within a few beats (64 players at the input rate limit fill 1,024 slots in ~130 ms). Others
     * wait for the thread's own beat, so the game loop makes no wake-up call at all in steady state.
     */
    public PassSignal signal() {
        return () -> {
            LobbyJournal j = journal;
            if (j != null && j.backlogged()) {
                journaler.reader().wake();
            }
        };
    }

    public JournalStatus status() {
        return status;
    }

    /**
     * Connects the lobby's input ring and its game loop's position, and queues the lobby's first file
     * (from the world it was prepared with). Before {@link #start()}; the caller's thread.
     */
    public void attach(RingBuffer<InputEvent> ring, Sequence gameLoop) {
        if (journal != null) {
            throw new IllegalStateException("already attached");
        }
        int queueBytes = (int) Math.min(1 << 30, Math.max(journaler.config().bufferBytes(),
                2L * (maxImageBytes + JournalDescriptor.MAX_FRAME_OVERHEAD + 64) + 64 * 1024));
        journal = new LobbyJournal(template.lobbyName(), ring, gameLoop, new ByteQueue(queueBytes), mailbox, template,
                journaler.config(), status);
        journal.start(initialImage, initialTick, initialMatch);
    }

    /** Hands the journal to the journaler's threads. */
    public void start() {
        journaler.host(journal);
    }

    /** Any thread: the lobby stopped; its file ends once what its game loop applied is recorded. */
    public void lobbyStopped() {
        if (journal != null) {
            journal.lobbyStopped();
            journaler.reader().wake();
        }
    }

    /** Waits until the lobby's last file is closed (forced to disk), or the deadline ({@code System.nanoTime()}). */
    public boolean awaitClosed(long deadlineNanos) {
        while (!status.isClosed()) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }
}
