package org.jetraiders.engine.journal;

import static org.jetraiders.engine.journal.JournalDescriptor.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.jetraiders.engine.PlayerScore;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.pipeline.SnapshotEvent;
import org.jetraiders.engine.sim.World;

/**
 * Re-simulates a match from its journal: the world of a SNAPSHOT record, then every event after it
 * applied as the game loop applied it, checking each recorded checksum and snapshot against the
 * replayed world. Deterministic rules (same state, same ordered events, same next state) make every
 * check pass; the first that fails is reported as the divergence and ends the replay.
 *
 * <pre>{@code
 * ReplayReport r = Replay.of(path).run();
 * System.out.println("verified " + r.ticks() + " ticks (" + r.checksums() + " checksums)");
 * }</pre>
 *
 * <p>Not thread-safe; one replay per instance.
 */
public final class Replay {
    /** Told about every replayed tick in the range, as a live client's sink would see it. */
    @FunctionalInterface
    public interface Listener {
        /** The snapshot is valid during the call only. */
        void onTick(Snapshot snapshot);
    }

    private final Path file;
    private long fromTick = -1;
    private long toTick = Long.MAX_VALUE;
    private Listener listener;

    private Replay(Path file) {
        this.file = file;
    }

    public static Replay of(Path file) {
        return new Replay(file);
    }

    /**
     * Starts at the latest snapshot at or before {@code tick} instead of the file's first one (what
     * comes before is not re-simulated, so not checked); the listener hears ticks from {@code tick} on.
     */
    public Replay from(long tick) {
        this.fromTick = tick;
        return this;
    }

    /**
     * Stops once the world reaches {@code tick}: the world right after that tick's step, as its
     * snapshot showed it (events the game loop applied after that step, such as a leave at the stop,
     * are not applied).
     */
    public Replay to(long tick) {
        this.toTick = tick;
        return this;
    }

    public Replay listener(Listener l) {
        this.listener = l;
        return this;
    }

    /**
     * @throws JournalFormatException when the file is not a journal, its start (preamble, header, first
     *     snapshot) is unreadable, or a complete record holds what no writer writes
     * @throws IOException when the file cannot be read
     */
    public ReplayReport run() throws IOException {
        return new Run().execute().report;
    }

    /**
     * The world at the last complete record: restored from the latest snapshot, then the records after
     * it re-simulated (their checksums checked too). For crash recovery; see {@link RestorePoint}.
     */
    public static RestorePoint restore(Path file) throws IOException {
        Replay replay = new Replay(file).from(Long.MAX_VALUE);
        Run run = replay.new Run().execute();
        return new RestorePoint(run.report, run.world);
    }

    /** One pass over the file. */
    private final class Run implements EventDecoder.Sink {
        private final EventDecoder decoder = new EventDecoder();
        private final ByteWriter image = new ByteWriter(4096);
        private final CRC32C crc = new CRC32C();
        private SnapshotEvent view;
        private JournalHeader header;
        private World world;
        private long startTick;
        private long ticks;
        private long checksums;
        private long snapshots;
        private long failedEvents;
        private ReplayReport.Divergence divergence;
        private int endReason;
        private boolean stopped;
        private boolean done;
        ReplayReport report;

        Run execute() throws IOException {
            try (JournalReader reader = JournalReader.open(file)) {
                header = reader.header();
                long start = startOffset(reader);
                reader.seek(start);
                if (!reader.next() || reader.type() != RECORD_SNAPSHOT) {
                    throw new JournalFormatException("journal has no world snapshot after its header"
                            + (reader.isTorn() ? " (" + reader.tornReason() + ")" : ""));
                }
                world = restoreWorld(reader.payload());
                startTick = world.tick();
                while (!done && reader.next()) {
                    record(reader);
                }
                report = new ReplayReport(file, header, startTick, world.tick(), ticks, checksums, snapshots,
                        divergence, reader.tornOffset(), reader.tornBytes(), reader.tornReason(), endReason, stopped,
                        failedEvents, scores(world));
            }
            return this;
        }

        /** The record to start from: the first snapshot, or the latest at or before {@code fromTick}. */
        private long startOffset(JournalReader reader) throws IOException {
            long first = -1;
            long best = -1;
            while (reader.next()) {
                if (reader.type() != RECORD_SNAPSHOT) {
                    if (first < 0) {
                        throw new JournalFormatException("journal has no world snapshot after its header");
                    }
                    if (fromTick < 0) {
                        break; // starting at the first snapshot: no need to look further
                    }
                    continue;
                }
                long at = reader.recordOffset();
                long tick = reader.payload().getZigZag(); // an image starts with its tick
                if (first < 0) {
                    first = at;
                    best = at;
                    if (fromTick < 0) {
                        break;
                    }
                } else if (tick <= fromTick) {
                    best = at;
                }
            }
            if (first < 0) {
                throw new JournalFormatException("journal has no world snapshot after its header"
                        + (reader.isTorn() ? " (" + reader.tornReason() + ")" : ""));
            }
            return best;
        }

        private World restoreWorld(ByteReader payload) throws JournalFormatException {
            try {
                World w = World.restore(header.tuning(), header.tickRateHz(), header.maxPlayers(), header.seed(), payload);
                if (payload.hasRemaining()) {
                    throw new JournalFormatException("world snapshot with " + payload.remaining() + " bytes to spare");
                }
                decoder.restartDictionary();
                return w;
            } catch (IllegalArgumentException | ByteReader.MalformedException e) {
                throw new JournalFormatException("world snapshot unreadable (" + e.getMessage() + ")");
            }
        }

        private void record(JournalReader reader) throws JournalFormatException {
            ByteReader payload = reader.payload();
            try {
                switch (reader.type()) {
                    case RECORD_EVENTS -> {
                        if (!decoder.decode(payload, this)) {
                            done = true;
                        }
                    }
                    case RECORD_SNAPSHOT -> snapshot(payload);
                    case RECORD_END -> {
                        endReason = payload.getByte();
                        done = true;
                    }
                    default -> throw new JournalFormatException("a second header at byte " + reader.recordOffset());
                }
            } catch (ByteReader.MalformedException e) {
                throw new JournalFormatException("record at byte " + reader.recordOffset() + " unreadable ("
                        + e.getMessage() + ")");
            }
        }

        private void snapshot(ByteReader payload) {
            decoder.restartDictionary();
            image.reset();
            world.writeState(image);
            int length = payload.remaining();
            byte[] recorded = payload.getBytes(length);
            if (length == image.length() && Arrays.equals(recorded, 0, length, image.array(), 0, length)) {
                snapshots++;
                return;
            }
            crc.reset();
            crc.update(recorded, 0, length);
            diverged("snapshot", (int) crc.getValue(), crc(image));
        }

        private int crc(ByteWriter bytes) {
            crc.reset();
            crc.update(bytes.array(), 0, bytes.length());
            return (int) crc.getValue();
        }

        private void diverged(String what, int recorded, int replayed) {
            divergence = new ReplayReport.Divergence(world.tick(), what, recorded, replayed);
            done = true;
        }

        // ---- the events, applied as GameLoopHandler applies them ---------------------------------------

        @Override
        public void join(int id, String name, long clientKey) {
            if (!stopped) {
                apply(() -> world.addPlayer(id, name, clientKey));
            }
        }

        @Override
        public void disconnect(int id) {
            if (!stopped) {
                apply(() -> world.disconnect(id));
            }
        }

        @Override
        public void leave(int id) {
            if (!stopped) {
                apply(() -> world.removePlayer(id));
            }
        }

        @Override
        public void input(int id, double thrust, double turn, boolean shoot, long seq) {
            if (!stopped) {
                apply(() -> world.applyInput(id, thrust, turn, shoot, seq));
            }
        }

        @Override
        public boolean ticks(long n) {
            for (long i = 0; i < n && !stopped; i++) {
                if (world.tick() >= toTick) {
                    done = true;
                    return false;
                }
                apply(world::step);
                ticks++;
                if (listener != null && world.tick() >= fromTick) {
                    if (view == null) {
                        view = new SnapshotEvent(0);
                    }
                    view.copyFrom(world, world.tick() - 1, null); // numbered as a lobby started at tick 0 numbers it
                    listener.onTick(view);
                }
                if (world.tick() >= toTick) {
                    // the world as its clients saw tick toTick: events after this step belong to the next
                    // tick (a leave at the stop, for one), so they are not applied
                    done = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean checksum(int recorded) {
            if (stopped) {
                return true;
            }
            int replayed = WorldCapture.checksum(world, image, crc);
            if (replayed != recorded) {
                diverged("checksum", recorded, replayed);
                return false;
            }
            checksums++;
            return true;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        private void apply(Runnable event) {
            try {
                event.run();
            } catch (RuntimeException e) {
                failedEvents++; // the live game loop logs such a failure and goes on with the next event
            }
        }
    }

    private static List<PlayerScore> scores(World world) {
        List<PlayerScore> list = new ArrayList<>();
        for (int s = 0; s < world.slotCapacity(); s++) {
            if (world.isActive(s)) {
                list.add(new PlayerScore(world.playerId(s), world.playerName(s), world.kills(s), world.deaths(s)));
            }
        }
        return List.copyOf(list);
    }
}
