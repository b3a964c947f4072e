package org.jetraiders.engine.journal;

import static org.jetraiders.engine.journal.JournalDescriptor.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;
import java.util.zip.CRC32C;

/**
 * Turns one lobby's stream of applied events into journal files, as entries of its {@link ByteQueue}:
 * a file is OPENed with the preamble, HEADER and a SNAPSHOT of the world it starts from, then EVENTS
 * records sealed at the end of each batch that holds more than ticks, a SNAPSHOT whenever the game
 * loop hands an image over, and END before it is CLOSEd. A new match, or a file past the rotation size,
 * starts a new file at the next image.
 *
 * <p>Broken ({@link #broken}): what was not sealed is dropped, the file ends with END(broken), and the
 * recorder waits for the next image (it asks the game loop for one) to begin a new file. Events before
 * that image are lost; the game never waits. Journal thread only; pure (no ring, no I/O), so tests drive
 * it directly.
 */
final class JournalRecorder {
    /** A batch's payload is sealed early once it passes this, so records stay small. */
    static final int SEAL_BYTES = 64 * 1024;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private enum State { IDLE, RECORDING, AWAITING_IMAGE, STOPPED }

    /** What the recorder tells its owner. */
    interface Listener {
        void broke(String reason);
    }

    private final JournalHeader template;
    private final ByteQueue queue;
    private final ImageMailbox mailbox;
    private final LongSupplier wallClockMillis;
    private final long rotateBytes;
    private final JournalStatus status;
    private final Listener listener;
    /**
     * A 50-ms batch of a 16-player lobby is a few hundred bytes; a busier one grows this once. Sized to
     * {@link #SEAL_BYTES} up front it was 65 KB more per lobby for every young collection to copy.
     */
    private final ByteWriter payload = new ByteWriter(8 * 1024);
    private final ByteWriter scratch = new ByteWriter(256);
    private final EventEncoder encoder = new EventEncoder(payload);
    private final CRC32C crc = new CRC32C();

    private State state = State.IDLE;
    private long tick;
    private long fileMatch;
    private long fileBytes;
    private int generation;

    JournalRecorder(JournalHeader template, ByteQueue queue, ImageMailbox mailbox, LongSupplier wallClockMillis,
                    long rotateBytes, JournalStatus status, Listener listener) {
        this.template = template;
        this.queue = queue;
        this.mailbox = mailbox;
        this.wallClockMillis = wallClockMillis;
        this.rotateBytes = rotateBytes;
        this.status = status;
        this.listener = listener;
    }

    /** Number of the current file (incremented by every OPEN); the I/O thread reports failures by it. */
    int generation() {
        return generation;
    }

    boolean isRecording() {
        return state == State.RECORDING;
    }

    boolean isStopped() {
        return state == State.STOPPED;
    }

    /** Begins the lobby's first file with the world it starts from. */
    void start(byte[] image, long imageTick, long matchNumber) {
        if (!openFile(image, image.length, imageTick, matchNumber)) {
            broken(JournalObserver.BUFFER_FULL);
        }
    }

    // ---- events, in the order the game loop applied them --------------------------------------------

    void join(int id, String name, long clientKey) {
        if (state == State.RECORDING) {
            encoder.join(id, name, clientKey);
            sealIfLarge();
        }
    }

    void disconnect(int id) {
        if (state == State.RECORDING) {
            encoder.disconnect(id);
            sealIfLarge();
        }
    }

    void leave(int id) {
        if (state == State.RECORDING) {
            encoder.leave(id);
            sealIfLarge();
        }
    }

    void input(int id, double thrust, double turn, boolean shoot, long seq) {
        if (state == State.RECORDING) {
            encoder.input(id, thrust, turn, shoot, seq);
            sealIfLarge();
        }
    }

    /** A TICK the game loop stepped, with its stamps. */
    void tick(long stampedTick, boolean hasChecksum, int checksum) {
        status.readTick = stampedTick;
        if (state == State.RECORDING) {
            if (stampedTick != tick + 1) {
                broken(JournalObserver.OUT_OF_STEP);
            } else {
                tick = stampedTick;
                encoder.tick();
                if (hasChecksum) {
                    encoder.checksum(checksum);
                }
            }
        }
        if (state == State.AWAITING_IMAGE || state == State.RECORDING) {
            takeImage(stampedTick);
        }
    }

    /** The STOP event: the lobby stopped; the file ends. */
    void stop() {
        if (state == State.RECORDING) {
            encoder.stop();
            end(END_STOPPED);
        }
        state = State.STOPPED;
        releaseStaleImage(Long.MAX_VALUE);
    }

    /** End of a batch read from the ring: seal what is worth a record. */
    void endOfBatch() {
        if (state == State.RECORDING && encoder.hasOps()) {
            seal();
        }
    }

    /** Ends the file now (lobby stopped without a STOP event, or the journaler closes). */
    void finish(int reason) {
        if (state == State.RECORDING) {
            end(reason);
        }
        state = State.STOPPED;
        releaseStaleImage(Long.MAX_VALUE);
    }

    /** Drops what is not sealed, ends the file and waits for the next image to begin a new one. */
    void broken(String reason) {
        if (state == State.STOPPED) {
            return;
        }
        boolean wasRecording = state == State.RECORDING;
        encoder.clear();
        if (wasRecording) {
            scratch.reset();
            scratch.putByte(END_BROKEN);
            scratch.putVarLong(status.recordedTick < 0 ? 0 : status.recordedTick);
            // without room, END is lost (the file reads as torn) and the next OPEN closes the file
            if (RecordFrames.offer(queue, RECORD_END, scratch.array(), scratch.length(), crc)) {
                queue.offer(ByteQueue.CLOSE, scratch.array(), 0, 0);
            }
        }
        state = State.AWAITING_IMAGE;
        status.broken = true;
        status.breaks++;
        if (!JournalObserver.IO_ERROR.equals(reason)) {
            mailbox.requestImage(); // a failing disk is retried at the scheduled snapshots only, not every tick
        }
        listener.broke(reason);
    }

    // ---- images --------------------------------------------------------------------------------------

    private void takeImage(long currentTick) {
        if (!mailbox.isFull()) {
            return;
        }
        long imageTick = mailbox.tick();
        if (imageTick < currentTick) {
            mailbox.release(); // left over from before a break
            return;
        }
        if (imageTick > currentTick) {
            return; // the game loop is ahead of us; its image waits for its tick
        }
        ByteWriter image = mailbox.image();
        long match = mailbox.matchNumber();
        if (state == State.AWAITING_IMAGE) {
            if (queue.backlog() > queue.capacity() / 2) {
                // the disk is still behind: begin at a later image rather than break again
            } else if (openFile(image.array(), image.length(), imageTick, match)) {
                status.broken = false;
            } else {
                broken(JournalObserver.BUFFER_FULL);
            }
        } else if (match > fileMatch || fileBytes >= rotateBytes) {
            if (end(END_ROTATED) && !openFile(image.array(), image.length(), imageTick, match)) {
                broken(JournalObserver.BUFFER_FULL);
            }
        } else {
            if (seal() && !record(RECORD_SNAPSHOT, image.array(), image.length())) {
                broken(recordFailure(image.length()));
            }
            encoder.restartDictionary();
        }
        mailbox.release();
    }

    private void releaseStaleImage(long beforeTick) {
        if (mailbox.isFull() && mailbox.tick() < beforeTick) {
            mailbox.release();
        }
    }

    // ---- files ---------------------------------------------------------------------------------------

    private boolean openFile(byte[] image, int imageLength, long imageTick, long match) {
        encoder.clear();
        long now = wallClockMillis.getAsLong();
        long named = Math.max(1, match);
        String name = directoryName(template.lobbyName()) + "/" + FILE_TIME.format(Instant.ofEpochMilli(now)) + "-"
                + named + EXTENSION;
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        scratch.reset();
        scratch.putU32(++generation);
        scratch.putBytes(path, 0, path.length);
        if (!queue.offer(ByteQueue.OPEN, scratch.array(), 0, scratch.length())) {
            return false;
        }
        state = State.RECORDING;
        fileMatch = named;
        fileBytes = 0;
        tick = imageTick;
        scratch.reset();
        scratch.putBytes(MAGIC, 0, MAGIC.length);
        scratch.putByte(FORMAT_VERSION >>> 8);
        scratch.putByte(FORMAT_VERSION);
        if (!queue.offer(ByteQueue.DATA, scratch.array(), 0, scratch.length())) {
            return false;
        }
        fileBytes += scratch.length();
        JournalHeader header = new JournalHeader(FORMAT_VERSION, template.serverVersion(), now, template.lobbyName(),
                named, template.tickRateHz(), template.seed(), template.maxPlayers(), template.checksumTicks(),
                template.snapshotTicks(), template.tuning());
        scratch.reset();
        header.write(scratch);
        if (!record(RECORD_HEADER, scratch.array(), scratch.length())
                || !record(RECORD_SNAPSHOT, image, imageLength)) {
            return false;
        }
        status.recordedTick = imageTick;
        return true;
    }

    /**
     * A lobby's directory: its name, with a leading dot written {@code %2E} so that "." and ".." (valid
     * lobby names) stay inside the journal root and no lobby's files are hidden. Lobby names have no
     * '%', so no two lobbies share a directory.
     */
    static String directoryName(String lobby) {
        return lobby.startsWith(".") ? "%2E" + lobby.substring(1) : lobby;
    }

    /** Seals, writes END and queues CLOSE (the I/O thread also closes on the next OPEN or at the finish). */
    private boolean end(int reason) {
        if (!seal()) {
            return false;
        }
        scratch.reset();
        scratch.putByte(reason);
        scratch.putVarLong(tick);
        if (!record(RECORD_END, scratch.array(), scratch.length())) {
            broken(JournalObserver.BUFFER_FULL);
            return false;
        }
        queue.offer(ByteQueue.CLOSE, scratch.array(), 0, 0);
        state = State.IDLE;
        return true;
    }

    private void sealIfLarge() {
        if (payload.length() >= SEAL_BYTES) {
            seal();
        }
    }

    /** Writes the payload (with the ticks pending) as an EVENTS record; false if that broke the journal. */
    private boolean seal() {
        encoder.flushTicks();
        if (payload.length() > 0) {
            if (!record(RECORD_EVENTS, payload.array(), payload.length())) {
                broken(recordFailure(payload.length()));
                return false;
            }
            encoder.payloadSealed();
        }
        status.recordedTick = tick;
        return true;
    }

    private boolean record(int type, byte[] bytes, int length) {
        if (!RecordFrames.offer(queue, type, bytes, length, crc)) {
            return false;
        }
        fileBytes += RecordFrames.frameSize(length);
        return true;
    }

    private String recordFailure(int length) {
        return RecordFrames.frameSize(length) > queue.maxPayload() ? JournalObserver.RECORD_TOO_LARGE
                : JournalObserver.BUFFER_FULL;
    }
}
