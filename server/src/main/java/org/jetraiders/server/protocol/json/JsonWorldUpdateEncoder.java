package org.jetraiders.server.protocol.json;

import static org.jetraiders.server.protocol.json.JsonBytes.ascii;
import static org.jetraiders.server.protocol.json.JsonBytes.put;
import static org.jetraiders.server.protocol.json.JsonBytes.putFixed;
import static org.jetraiders.server.protocol.json.JsonBytes.putLong;
import static org.jetraiders.server.protocol.json.JsonBytes.putQuotedLong;

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
 * <p>Allocation-free after the buffer has grown to the largest snapshot. Stateless: one instance may
 * serve any number of lobbies, but each call must be on one thread (the encoding stage).
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

    @Override
    public void encode(Snapshot snapshot, EncodedBuffer out) {
        out.reset();
        put(out, HEAD);
        putLong(out, snapshot.tick());
        put(out, ENTITIES);
        boolean first = true;
        for (int i = 0, n = snapshot.planeCount(); i < n; i++) {
            if (!snapshot.planeAlive(i)) {
                continue;
            }
            if (!first) {
                out.put((byte) ',');
            }
            first = false;
            put(out, ID);
            putQuotedLong(out, snapshot.planeId(i));
            put(out, X);
            putFixed(out, snapshot.planeX(i), POSITION_DECIMALS);
            put(out, Y);
            putFixed(out, snapshot.planeY(i), POSITION_DECIMALS);
            put(out, ROT);
            putFixed(out, snapshot.planeRot(i), ROTATION_DECIMALS);
            put(out, HP);
            putLong(out, snapshot.planeHp(i));
            out.put((byte) '}');
        }
        put(out, PROJECTILES);
        for (int i = 0, n = snapshot.projectileCount(); i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            put(out, ID);
            putQuotedLong(out, snapshot.projectileId(i));
            put(out, OWNER_ID);
            putQuotedLong(out, snapshot.projectileOwner(i));
            put(out, X);
            putFixed(out, snapshot.projectileX(i), POSITION_DECIMALS);
            put(out, Y);
            putFixed(out, snapshot.projectileY(i), POSITION_DECIMALS);
            put(out, ROT);
            putFixed(out, snapshot.projectileRot(i), ROTATION_DECIMALS);
            out.put((byte) '}');
        }
        put(out, TAIL);
    }
}
