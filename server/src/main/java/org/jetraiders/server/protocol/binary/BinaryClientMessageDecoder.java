package org.jetraiders.server.protocol.binary;

import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.AXIS_SCALE;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.BUTTON_SHOOT;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.INPUT_MAX_LENGTH;
import static org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor.KIND_INPUT;

import java.nio.ByteBuffer;

/**
 * Decodes a binary frame from a client. Only {@code Input} exists in version 1 (Join and Ping stay JSON
 * text frames). Never throws for any bytes, reads at most {@link BinaryProtocolDescriptor#INPUT_MAX_LENGTH}
 * bytes (the rest of a longer frame is ignored: later revisions may append fields) and allocates
 * nothing. {@code out} is written only when the result is OK.
 *
 * <p>Thread-safety: none (a small scratch array for direct buffers); one instance per connection or
 * per thread.
 */
public final class BinaryClientMessageDecoder {
    private final BinaryReader reader = new BinaryReader();
    private final byte[] scratch = new byte[INPUT_MAX_LENGTH];

    /** Decodes {@code bytes[offset, offset + length)}. */
    public BinaryDecodeResult decode(byte[] bytes, int offset, int length, BinaryInput out) {
        try {
            return decodeInternal(bytes, offset, length, out);
        } catch (RuntimeException e) {
            return BinaryDecodeResult.MALFORMED; // unreachable by design; the API must never throw
        }
    }

    /** Decodes {@code buffer} from its position to its limit; does not move its position. */
    public BinaryDecodeResult decode(ByteBuffer buffer, BinaryInput out) {
        if (buffer == null) {
            return BinaryDecodeResult.MALFORMED;
        }
        if (buffer.hasArray()) {
            return decode(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), out);
        }
        int n = Math.min(buffer.remaining(), scratch.length);
        buffer.get(buffer.position(), scratch, 0, n);
        return decode(scratch, 0, n, out);
    }

    private BinaryDecodeResult decodeInternal(byte[] bytes, int offset, int length, BinaryInput out) {
        BinaryReader r = reader.wrap(bytes, offset, length);
        int kind = r.envelopeKind();
        if (kind < 0) {
            return BinaryDecodeResult.ofEnvelope(kind);
        }
        if (kind != KIND_INPUT) {
            return BinaryDecodeResult.UNKNOWN_KIND;
        }
        int thrust = r.s8();
        int turn = r.s8();
        int buttons = r.u8();
        long seq = r.uvarint63();
        long ackedTick = r.uvarint63();
        if (r.failed()) {
            return BinaryDecodeResult.MALFORMED;
        }
        out.thrust = axis(thrust);
        out.turn = axis(turn);
        out.shoot = (buttons & BUTTON_SHOOT) != 0;
        out.seq = seq;
        out.ackedTick = ackedTick;
        return BinaryDecodeResult.OK;
    }

    /** int8 to [-1, 1]; -128 is clamped to -1. */
    static double axis(int v) {
        return Math.max(-AXIS_SCALE, v) / (double) AXIS_SCALE;
    }
}
