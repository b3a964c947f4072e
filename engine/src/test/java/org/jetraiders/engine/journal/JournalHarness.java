package org.jetraiders.engine.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.jetraiders.engine.LobbyConfig;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.NoWakeWaitStrategy;
import org.jetraiders.engine.sim.World;

/**
 * A lobby's journal without threads: the test publishes into a real input ring, runs "the game loop"
 * (applies events to a world as GameLoopHandler does, with the journal's capture after each step),
 * polls the journal and drains its queue into files, each when it says. So batches, lapping and
 * failures happen exactly where a test puts them, and the bytes are the same on every run.
 */
final class JournalHarness {
    final RingBuffer<InputEvent> ring;
    final Sequence gameLoop = new Sequence(-1);
    final World world;
    final JournalStatus status = new JournalStatus();
    final LobbyJournal journal;
    final LobbyFile file;
    final ImageMailbox mailbox;
    final WorldCapture capture;
    final List<String> breaks = new ArrayList<>();
    private long applied = -1;

    JournalHarness(LobbyConfig lobby, Path root, int ringSize, JournalConfig.Builder config) {
        ring = RingBuffer.createMultiProducer(InputEvent::new, ringSize, NoWakeWaitStrategy.INSTANCE);
        ring.addGatingSequences(gameLoop); // the game loop gates the ring; the journal does not
        world = new World(lobby.tuning(), lobby.tickRateHz(), lobby.maxPlayers(), lobby.seed());
        JournalConfig c = config.observer(new JournalObserver() {
            @Override
            public void journalBroken(String lobbyName, String reason) {
                breaks.add(reason);
            }
        }).build();
        JournalHeader template = new JournalHeader(JournalDescriptor.FORMAT_VERSION, c.serverVersion(), 0,
                lobby.name(), world.matchNumber(), lobby.tickRateHz(), lobby.seed(), lobby.maxPlayers(),
                c.checksumTicks(), c.snapshotTicks(lobby.tickRateHz()), lobby.tuning());
        mailbox = new ImageMailbox(4096);
        capture = new WorldCapture(mailbox, c.checksumTicks(), c.snapshotTicks(lobby.tickRateHz()), world);
        int queueBytes = Math.max(c.bufferBytes(), 2 * LobbyRecording.estimateImageBytes(world) + 64 * 1024);
        journal = new LobbyJournal(lobby.name(), ring, gameLoop, new ByteQueue(queueBytes), mailbox, template, c, status);
        journal.start(WorldCapture.image(world), world.tick(), world.matchNumber());
        file = new LobbyFile(journal, root, c.observer(), java.nio.ByteBuffer.allocateDirect(64 * 1024));
    }

    static JournalConfig.Builder config(Path root) {
        return JournalConfig.builder(root).wallClock(() -> 1_764_547_200_000L) // 2025-12-01T00:00:00Z
                .serverVersion("test").snapshotInterval(Duration.ofSeconds(5));
    }

    // ---- publishers ------------------------------------------------------------------------------------

    boolean join(int id, String name) {
        return join(id, name, 0);
    }

    boolean join(int id, String name, long clientKey) {
        return publish(e -> e.setJoin(id, name, clientKey));
    }

    boolean disconnect(int id) {
        return publish(e -> e.setDisconnect(id));
    }

    boolean leave(int id) {
        return publish(e -> e.setLeave(id));
    }

    boolean input(int id, double thrust, double turn, boolean shoot, long seq) {
        return publish(e -> e.setInput(id, thrust, turn, shoot, seq));
    }

    boolean tick() {
        return publish(e -> e.setTick(0));
    }

    boolean stop() {
        return publish(InputEvent::setStop);
    }

    private boolean publish(java.util.function.Consumer<InputEvent> fill) {
        try {
            long seq = ring.tryNext();
            fill.accept(ring.get(seq));
            ring.publish(seq);
            return true;
        } catch (InsufficientCapacityException e) {
            return false;
        }
    }

    // ---- the game loop, the journal thread and the I/O thread, by hand ----------------------------------

    /** Applies everything published, as GameLoopHandler does, then advances the game loop's sequence. */
    void runGameLoop() {
        long cursor = ring.getCursor();
        for (long s = applied + 1; s <= cursor; s++) {
            InputEvent e = ring.get(s);
            switch (e.type()) {
                case InputEvent.JOIN -> world.addPlayer(e.playerId(), e.name(), e.clientKey());
                case InputEvent.DISCONNECT -> world.disconnect(e.playerId());
                case InputEvent.LEAVE -> world.removePlayer(e.playerId());
                case InputEvent.INPUT -> world.applyInput(e.playerId(), e.thrust(), e.turn(), e.shoot(), e.inputSeq());
                case InputEvent.TICK -> {
                    world.step();
                    capture.afterStep(world, e);
                }
                default -> { }
            }
        }
        applied = cursor;
        gameLoop.set(cursor);
    }

    /** One pass of the journal thread; true when the journal is done. */
    boolean pollJournal() {
        return journal.poll();
    }

    /** One pass of the I/O thread over this lobby (writes; forces only on close); true once the last file is closed. */
    boolean drainToDisk() {
        return file.drain(System.nanoTime());
    }

    /** Game loop, journal and disk, in that order. */
    void step() {
        runGameLoop();
        pollJournal();
        drainToDisk();
    }
}
