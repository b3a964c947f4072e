package org.jetraiders.engine.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Benchmark access to a lobby's journal queue ({@link ByteQueue}, {@link RecordFrames}: package-private):
 * one record framed into the queue by the journal thread's code, then taken out by the I/O thread's
 * (copied into its staging buffer, as {@code LobbyFile.stage} does).
 *
 * <p>Lives in the <em>bench</em> module under the engine's package name (split package on the class
 * path), so the engine's API stays as it is. One thread plays both sides.
 */
public final class JournalQueueAccess {
    private final ByteQueue queue;
    private final CRC32C crc = new CRC32C();

    public JournalQueueAccess(int capacity) {
        queue = new ByteQueue(capacity);
    }

    /** Frames {@code payload} into the queue, then drains it into {@code staging} (cleared first); returns the bytes staged. */
    public int recordAndStage(byte[] payload, int length, ByteBuffer staging) {
        if (!RecordFrames.offer(queue, JournalDescriptor.RECORD_EVENTS, payload, length, crc)) {
            throw new IllegalStateException("the queue is full: nothing drained it");
        }
        staging.clear();
        while (queue.poll()) {
            staging.put(queue.entry());
            queue.release();
        }
        return staging.position();
    }

    public void free() {
        queue.free();
    }
}
