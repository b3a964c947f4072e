package org.jetraiders.server.protocol.json;

import static org.jetraiders.server.protocol.json.JsonBytes.MAX_LONG_CHARS;
import static org.jetraiders.server.protocol.json.JsonBytes.MAX_QUOTED_LONG_CHARS;
import static org.jetraiders.server.protocol.json.JsonBytes.ascii;
import static org.jetraiders.server.protocol.json.JsonBytes.write;
import static org.jetraiders.server.protocol.json.JsonBytes.writeFixed;
import static org.jetraiders.server.protocol.json.JsonBytes.writeLong;
import static org.jetraiders.server.protocol.json.JsonBytes.writeQuotedLong;

import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.engine.SnapshotEncoder;

/**
 * Writes the shared part of a {@code WorldUpdate} message:
 * <pre>{"type":"WorldUpdate","data":{"tick":123,"entities":[{"id":"7","x":1.25,"y":-3.50,"rot":0.7854,"hp":100}],"projectiles":[{"id":"9","owner_id":"7","x":10.50,"y":2.25,"rot":0.7854}]}}</pre>
 * Entities are the alive planes only (the client despawns a missing one). Positions have exactly
 * {@value #POSITION_DECIMALS} decimals, rotations {@value #ROTATION_DECIMALS}. The output always ends
 * with {@code }}} so {@link JsonWorldUpdateFrame} can splice the per-client {@code "ack"} in.
 *
 * <p>Room for the worst case is made per block of entities, then digits are written straight into the
 * array. Allocation-free after the buffer has grown to the largest snapshot. Its only state is the size
 * of the largest message, a hint for buffers: one instance may serve any number of lobbies, but each
 * call must be on one thread (the encoding stage).
 */
public final class JsonWorldUpdateEncoder implements SnapshotEncoder {
    /** Digits after the point for x and y (pixels). */
    public static final int POSITION_DECIMALS = 2;
    /** Digits after the point for rot (radians). */
    public static final int ROTATION_DECIMALS = 4;

    private static final byte[] HEAD = ascii("{\"type\":\"WorldUpdate\",\"data\":{\"tick\":");
    private static final byte[] ENTITIES = ascii(",\"entities\":[");
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] OWNER_ID = ascii(",\"owner_id\":");
    private static final byte[] X = ascii(",\"x\":");
    private static final byte[] Y = ascii(",\"y\":");
    private static final byte[] ROT = ascii(",\"rot\":");
    private static final byte[] HP = ascii(",\"hp\":");
    private static final byte[] PROJECTILES = ascii("],\"projectiles\":[");
    private static final byte[] TAIL = ascii("]}}");

    private static final int FIXED2 = JsonBytes.maxFixedChars(POSITION_DECIMALS);
    private static final int FIXED4 = JsonBytes.maxFixedChars(ROTATION_DECIMALS);
    /** Upper bounds of one entity and one projectile, separator included: room is made once per snapshot. */
    private static final int MAX_ENTITY = 1 + ID.length + MAX_QUOTED_LONG_CHARS + X.length + FIXED2 + Y.length + FIXED2
            + ROT.length + FIXED4 + HP.length + MAX_LONG_CHARS + 1;
    private static final int MAX_PROJECTILE = 1 + ID.length + MAX_QUOTED_LONG_CHARS + OWNER_ID.length + MAX_QUOTED_LONG_CHARS
            + X.length + FIXED2 + Y.length + FIXED2 + ROT.length + FIXED4 + 1;

    /** Entities whose worst case is made room for at once. */
    private static final int BLOCK = 16;
    /** Everything but the entities. */
    private static final int FIXED_PART = HEAD.length + MAX_LONG_CHARS + ENTITIES.length + PROJECTILES.length + TAIL.length;

    /**
     * The longest message written so far: only sizes a slot's buffer when it first grows. A plain field,
     * as an instance encodes on one thread at a time (a stale read only sizes a buffer differently).
     */
    private int largest;

    /** Null: always encode. Otherwise the JSON clients attached; with none the encoder writes nothing. */
    private final java.util.concurrent.atomic.AtomicInteger users;

    /** An encoder that encodes every snapshot. */
    public JsonWorldUpdateEncoder() {
        this(null);
    }

    private JsonWorldUpdateEncoder(java.util.concurrent.atomic.AtomicInteger users) {
        this.users = users;
    }

    /**
     * An encoder that runs only while JSON clients are attached ({@link #markInUse()} /
     * {@link #release()}): a lobby of binary clients does not pay for a WorldUpdate nobody reads.
     */
    public static JsonWorldUpdateEncoder onDemand() {
        return new JsonWorldUpdateEncoder(new java.util.concurrent.atomic.AtomicInteger());
    }

    /** A JSON client is attached: encode from the next snapshot on. */
    public void markInUse() {
        if (users != null) {
            users.incrementAndGet();
        }
    }

    /** A JSON client left. */
    public void release() {
        if (users != null) {
            users.decrementAndGet();
        }
    }

    @Override
    public void encode(Snapshot snapshot, EncodedBuffer out) {
        if (users != null && users.get() <= 0) {
            out.reset();
            return;
        }
        int planes = snapshot.planeCount();
        int projectiles = snapshot.projectileCount();
        out.reset();
        // One allocation for a slot's fresh buffer: this lobby's largest message so far, plus a quarter.
        // Room for the worst case is then checked per block of entities: reserving it for the whole
        // snapshot at once (115 B per projectile, ~2.5x what one takes) doubled every slot's buffer.
        int hint = largest;
        byte[] dst = out.ensureCapacity(Math.max(FIXED_PART, hint + (hint >> 2)));
        int pos = write(dst, 0, HEAD);
        pos = writeLong(dst, pos, snapshot.tick());
        pos = write(dst, pos, ENTITIES);
        boolean first = true;
        for (int i = 0; i < planes; i++) {
            if ((i & (BLOCK - 1)) == 0) {
                dst = room(out, dst, pos, Math.min(BLOCK, planes - i) * MAX_ENTITY + PROJECTILES.length + TAIL.length);
            }
            if (!snapshot.planeAlive(i)) {
                continue;
            }
            if (!first) {
                dst[pos++] = ',';
            }
            first = false;
            pos = write(dst, pos, ID);
            pos = writeQuotedLong(dst, pos, snapshot.planeId(i));
            pos = write(dst, pos, X);
            pos = writeFixed(dst, pos, snapshot.planeX(i), POSITION_DECIMALS);
            pos = write(dst, pos, Y);
            pos = writeFixed(dst, pos, snapshot.planeY(i), POSITION_DECIMALS);
            pos = write(dst, pos, ROT);
            pos = writeFixed(dst, pos, snapshot.planeRot(i), ROTATION_DECIMALS);
            pos = write(dst, pos, HP);
            pos = writeLong(dst, pos, snapshot.planeHp(i));
            dst[pos++] = '}';
        }
        pos = write(dst, pos, PROJECTILES);
        for (int i = 0; i < projectiles; i++) {
            if ((i & (BLOCK - 1)) == 0) {
                dst = room(out, dst, pos, Math.min(BLOCK, projectiles - i) * MAX_PROJECTILE + TAIL.length);
            }
            if (i > 0) {
                dst[pos++] = ',';
            }
            pos = write(dst, pos, ID);
            pos = writeQuotedLong(dst, pos, snapshot.projectileId(i));
            pos = write(dst, pos, OWNER_ID);
            pos = writeQuotedLong(dst, pos, snapshot.projectileOwner(i));
            pos = write(dst, pos, X);
            pos = writeFixed(dst, pos, snapshot.projectileX(i), POSITION_DECIMALS);
            pos = write(dst, pos, Y);
            pos = writeFixed(dst, pos, snapshot.projectileY(i), POSITION_DECIMALS);
            pos = write(dst, pos, ROT);
            pos = writeFixed(dst, pos, snapshot.projectileRot(i), ROTATION_DECIMALS);
            dst[pos++] = '}';
        }
        pos = write(dst, pos, TAIL);
        out.setLength(pos);
        if (pos > hint) {
            largest = pos;
        }
    }

    /** {@code dst}, or the buffer's grown array if fewer than {@code need} bytes are left after {@code pos}. */
    private static byte[] room(EncodedBuffer out, byte[] dst, int pos, int need) {
        return pos + need <= dst.length ? dst : out.ensureCapacity(pos + need);
    }
}
