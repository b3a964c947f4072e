package org.jetraiders.engine.journal;

import static org.jetraiders.engine.journal.JournalDescriptor.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a journal file record by record, checking each CRC. The preamble and the HEADER must be sound
 * (else {@link JournalFormatException}); after them, the first record that is cut short, has an
 * impossible length or fails its CRC ends the file as a <em>torn tail</em>, the usual state after a
 * crash: {@link #next()} returns false and {@link #tornBytes()} says how much was left over. A record
 * that passes its CRC but has an unknown type is a format error. One thread.
 */
public final class JournalReader implements AutoCloseable {
    private final FileChannel channel;
    private final long size;
    private final CRC32C crc = new CRC32C();
    private final ByteReader payload = new ByteReader();
    private final JournalHeader header;
    private byte[] buf = new byte[64 * 1024];
    private long bufStart;
    private int bufLength;
    private long position;
    private int type;
    private long recordOffset;
    private long tornOffset = -1;
    private String tornReason;

    private JournalReader(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        if (!fill(0, PREAMBLE_BYTES) || !Arrays.equals(Arrays.copyOf(buf, MAGIC.length), MAGIC)) {
            throw new JournalFormatException("not a Jet Raiders journal (no journal preamble)");
        }
        int version = (buf[MAGIC.length] & 0xFF) << 8 | (buf[MAGIC.length + 1] & 0xFF);
        if (version != FORMAT_VERSION) {
            throw new JournalFormatException("journal format version " + version + "; this build reads version "
                    + FORMAT_VERSION);
        }
        position = PREAMBLE_BYTES;
        if (!next() || type != RECORD_HEADER) {
            throw new JournalFormatException(tornOffset >= 0 ? "journal header unreadable (" + tornReason + ")"
                    : "journal does not start with a header");
        }
        try {
            header = JournalHeader.read(payload);
        } catch (ByteReader.MalformedException e) {
            throw new JournalFormatException("journal header unreadable (" + e.getMessage() + ")");
        }
    }

    /**
     * @throws JournalFormatException when the file is not a journal this build reads
     * @throws IOException when it cannot be read
     */
    public static JournalReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new JournalReader(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public JournalHeader header() {
        return header;
    }

    /** Moves to the next complete record; false at the end of the file or at a torn tail. */
    public boolean next() throws IOException {
        if (tornOffset >= 0 || position >= size) {
            return false;
        }
        long at = position;
        int headerBytes = (int) Math.min(6, size - at);
        fill(at, headerBytes);
        int p = (int) (at - bufStart);
        int t = buf[p] & 0xFF;
        long length = 0;
        int lengthBytes = 0;
        boolean complete = false;
        for (int i = 1; i < headerBytes && i <= 5; i++) {
            int b = buf[p + i] & 0xFF;
            length |= (long) (b & 0x7F) << (7 * (i - 1));
            lengthBytes = i;
            if ((b & 0x80) == 0) {
                complete = true;
                break;
            }
        }
        if (!complete) {
            return torn(at, "record header cut short");
        }
        if (length > MAX_PAYLOAD_BYTES) {
            return torn(at, "impossible record length " + length);
        }
        long total = 1 + lengthBytes + length + 4;
        if (at + total > size) {
            return torn(at, "record cut short");
        }
        fill(at, (int) total);
        p = (int) (at - bufStart);
        int bodyEnd = p + 1 + lengthBytes + (int) length;
        crc.reset();
        crc.update(buf, p, bodyEnd - p);
        int stored = (buf[bodyEnd] & 0xFF) << 24 | (buf[bodyEnd + 1] & 0xFF) << 16 | (buf[bodyEnd + 2] & 0xFF) << 8
                | (buf[bodyEnd + 3] & 0xFF);
        if ((int) crc.getValue() != stored) {
            return torn(at, "record CRC mismatch");
        }
        if (t != RECORD_HEADER && t != RECORD_SNAPSHOT && t != RECORD_EVENTS && t != RECORD_END) {
            throw new JournalFormatException("unknown record type 0x" + Integer.toHexString(t) + " at byte " + at);
        }
        type = t;
        recordOffset = at;
        payload.wrap(buf, p + 1 + lengthBytes, (int) length);
        position = at + total;
        return true;
    }

    private boolean torn(long at, String reason) {
        tornOffset = at;
        tornReason = reason;
        return false;
    }

    /** Type of the current record ({@code JournalDescriptor.RECORD_*}). */
    public int type() {
        return type;
    }

    /** The current record's payload; valid until the next call of {@link #next()} or {@link #seek}. */
    public ByteReader payload() {
        return payload;
    }

    /** Where the current record starts in the file. */
    public long recordOffset() {
        return recordOffset;
    }

    /** Reads on from the record at {@code offset} (one {@link #recordOffset()} returned). */
    public void seek(long offset) {
        position = offset;
        tornOffset = -1;
        tornReason = null;
    }

    public long size() {
        return size;
    }

    /** True once reading stopped at a torn tail. */
    public boolean isTorn() {
        return tornOffset >= 0;
    }

    /** Where the torn tail starts (the end of the last complete record), or -1. */
    public long tornOffset() {
        return tornOffset;
    }

    /** Bytes after the last complete record, or 0. */
    public long tornBytes() {
        return tornOffset < 0 ? 0 : size - tornOffset;
    }

    /** Why the tail was taken for torn, or null. */
    public String tornReason() {
        return tornReason;
    }

    /** Makes bytes [at, at + n) of the file available in buf; false if the file is shorter. */
    private boolean fill(long at, int n) throws IOException {
        if (at >= bufStart && at + n <= bufStart + bufLength) {
            return true;
        }
        if (n > buf.length) {
            buf = new byte[Math.max(n, buf.length * 2)];
        }
        bufStart = at;
        bufLength = 0;
        ByteBuffer view = ByteBuffer.wrap(buf);
        while (bufLength < buf.length && bufStart + bufLength < size) {
            view.limit(buf.length).position(bufLength);
            int r = channel.read(view, bufStart + bufLength);
            if (r < 0) {
                break;
            }
            bufLength += r;
        }
        return bufLength >= n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
