package org.jetraiders.engine.journal;

import java.util.zip.CRC32C;
import org.jetraiders.engine.pipeline.InputEvent;
import org.jetraiders.engine.pipeline.TickCapture;
import org.jetraiders.engine.sim.World;

/**
 * The game loop's part of a lobby's journal, run after every step: it stamps the TICK with the tick
 * and, every {@code checksumTicks}, with the CRC-32C of the world image; every {@code snapshotTicks}
 * (and at the start of every match, and when the journal asks) it writes the image into the
 * {@link ImageMailbox}. Game-loop thread only; allocates nothing once its buffers have grown to the
 * world's size. An image costs a few microseconds for a full lobby, once a second.
 */
public final class WorldCapture implements TickCapture {
    private final ImageMailbox mailbox;
    private final int checksumTicks;
    private final int snapshotTicks;
    private final ByteWriter scratch;
    private final CRC32C crc = new CRC32C();
    private long nextSnapshotTick;
    private long imagedMatch;

    WorldCapture(ImageMailbox mailbox, int checksumTicks, int snapshotTicks, World initial) {
        this.mailbox = mailbox;
        this.checksumTicks = checksumTicks;
        this.snapshotTicks = snapshotTicks;
        this.scratch = new ByteWriter(mailbox.buffer().array().length);
        this.nextSnapshotTick = initial.tick() + snapshotTicks;
        this.imagedMatch = initial.matchNumber();
    }

    /** The world's image now (the lobby's first, before its game loop runs). */
    static byte[] image(World world) {
        ByteWriter w = new ByteWriter(4096);
        world.writeState(w);
        return w.toByteArray();
    }

    /**
     * CRC-32C of the world's image, written into {@code scratch}: what a CHECKSUM op holds, as the game
     * loop computes it and replay verifies it (public for the benchmarks).
     */
    public static int checksum(World world, ByteWriter scratch, CRC32C crc) {
        scratch.reset();
        world.writeState(scratch);
        return crc(scratch, crc);
    }

    private static int crc(ByteWriter bytes, CRC32C crc) {
        crc.reset();
        crc.update(bytes.array(), 0, bytes.length());
        return (int) crc.getValue();
    }

    @Override
    public void afterStep(World world, InputEvent event) {
        long tick = world.tick();
        boolean checksumDue = tick % checksumTicks == 0;
        boolean snapshotDue = tick >= nextSnapshotTick || world.matchNumber() != imagedMatch || mailbox.imageRequested();
        if (snapshotDue && mailbox.isFree()) {
            ByteWriter image = mailbox.buffer();
            image.reset();
            world.writeState(image);
            event.stamp(tick, checksumDue, checksumDue ? crc(image, crc) : 0);
            nextSnapshotTick = tick + snapshotTicks;
            imagedMatch = world.matchNumber();
            mailbox.publish(tick, imagedMatch);
        } else if (checksumDue) {
            event.stamp(tick, true, checksum(world, scratch, crc));
        } else {
            event.stamp(tick, false, 0);
        }
    }
}
