package org.jetraiders.bench.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * The baseline the server's encoder replaced, as {@code platform-notes.md} §3 measured it: map the
 * snapshot to a tree of plain DTOs (the same message shape as {@code JsonWorldUpdateEncoder}: alive
 * planes only, ids as strings), reflective {@code gson.toJson(dto)} (HTML escaping off) and
 * {@code String.getBytes(UTF_8)} to get the bytes to send, once per snapshot. Numbers are written as
 * Gson writes doubles ({@code Double.toString}, up to 17 digits), not rounded: that is the naive path.
 * The bytes are then copied into the slot's buffer (about 1% of the cost), and per client they get
 * the same {@code ack} splice as the JSON codec.
 */
final class GsonReflectiveWireCodec implements WireCodec {
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    @Override
    public int encodeShared(Snapshot s, EncodedBuffer shared) {
        Data data = new Data();
        data.tick = s.tick();
        data.entities = new ArrayList<>(s.planeCount());
        for (int i = 0, n = s.planeCount(); i < n; i++) {
            if (s.planeAlive(i)) {
                data.entities.add(new Entity(Integer.toString(s.planeId(i)), s.planeX(i), s.planeY(i),
                        s.planeRot(i), s.planeHp(i)));
            }
        }
        data.projectiles = new ArrayList<>(s.projectileCount());
        for (int i = 0, n = s.projectileCount(); i < n; i++) {
            data.projectiles.add(new Projectile(Integer.toString(s.projectileId(i)),
                    Integer.toString(s.projectileOwner(i)), s.projectileX(i), s.projectileY(i), s.projectileRot(i)));
        }
        byte[] bytes = gson.toJson(new WorldUpdate(data)).getBytes(StandardCharsets.UTF_8);
        shared.reset();
        shared.put(bytes, 0, bytes.length);
        return shared.length();
    }

    @Override
    public int encodeClient(int client, Snapshot snapshot, EncodedBuffer shared, long inputAck, long ackedTick,
            EncodedBuffer out) {
        return JsonWorldUpdateFrame.withAck(shared, inputAck, out);
    }

    // Field order is the JSON order (Gson follows declaration order).
    static final class WorldUpdate {
        final String type = "WorldUpdate";
        final Data data;

        WorldUpdate(Data data) {
            this.data = data;
        }
    }

    static final class Data {
        long tick;
        List<Entity> entities;
        List<Projectile> projectiles;
    }

    static final class Entity {
        final String id;
        final double x;
        final double y;
        final double rot;
        final int hp;

        Entity(String id, double x, double y, double rot, int hp) {
            this.id = id;
            this.x = x;
            this.y = y;
            this.rot = rot;
            this.hp = hp;
        }
    }

    static final class Projectile {
        final String id;
        @SerializedName("owner_id")
        final String ownerId;
        final double x;
        final double y;
        final double rot;

        Projectile(String id, String ownerId, double x, double y, double rot) {
            this.id = id;
            this.ownerId = ownerId;
            this.x = x;
            this.y = y;
            this.rot = rot;
        }
    }
}
