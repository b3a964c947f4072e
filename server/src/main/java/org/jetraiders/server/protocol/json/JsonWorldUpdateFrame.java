package org.jetraiders.server.protocol.json;

import org.jetraiders.engine.EncodedBuffer;

/**
 * Adds a client's own part to the shared {@code WorldUpdate} bytes of {@link JsonWorldUpdateEncoder}:
 * copies them without the final {@code }}} and appends {@code ,"ack":<n>}}}. Allocation-free once the
 * {@link EncodedBuffer} has grown. Called on a client consumer thread.
 */
public final class JsonWorldUpdateFrame {
    private static final byte[] ACK = JsonBytes.ascii(",\"ack\":");
    private static final byte[] END = JsonBytes.ascii("}}");

    private JsonWorldUpdateFrame() {
    }

    /**
     * Builds this client's WorldUpdate frame into {@code out} (reset first).
     *
     * @param shared the bytes {@link JsonWorldUpdateEncoder} wrote for the snapshot
     * @param ack    the client's last processed input seq ({@code Snapshot.planeLastInputSeq}); negative
     *               means "none" and copies the shared bytes unchanged, without an {@code ack} field
     * @param out    the consumer thread's reusable builder
     * @return the frame length; 0 (and {@code out} empty) when {@code shared} is empty, e.g. after a
     *         failed encode
     */
    public static int withAck(EncodedBuffer shared, long ack, EncodedBuffer out) {
        return withAck(shared.array(), shared.length(), ack, out);
    }

    /** As {@link #withAck(EncodedBuffer, long, EncodedBuffer)}, over {@code shared[0, sharedLength)}. */
    public static int withAck(byte[] shared, int sharedLength, long ack, EncodedBuffer out) {
        out.reset();
        if (sharedLength <= 0) {
            return 0;
        }
        boolean spliceable = sharedLength >= 2 && shared[sharedLength - 1] == '}' && shared[sharedLength - 2] == '}';
        if (ack < 0 || !spliceable) {
            out.put(shared, 0, sharedLength);
            return out.length();
        }
        out.ensureCapacity(sharedLength + ACK.length + JsonBytes.MAX_LONG_CHARS);
        out.put(shared, 0, sharedLength - 2);
        out.put(ACK, 0, ACK.length);
        JsonBytes.putLong(out, ack);
        out.put(END, 0, END.length);
        return out.length();
    }
}
