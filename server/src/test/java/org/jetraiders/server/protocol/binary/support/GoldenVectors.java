package org.jetraiders.server.protocol.binary.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinaryWriter;
import org.jetraiders.engine.EncodedBuffer;

/** The scenarios behind the golden hex vectors of docs/PROTOCOL.md, encoded by the real encoders. */
public final class GoldenVectors {
    public static final long ACK = 42;

    private GoldenVectors() {
    }

    /** Tick 123: planes 7 and 8 alive, 9 dead; projectile 9 of plane 7 fired at tick 120. */
    public static BinarySnapshot tick123() {
        return new BinarySnapshot().tick(123)
                .plane(7, 1.25, -3.5, Math.PI / 4, 100)
                .plane(8, -200.125, 100, -Math.PI / 2, 40)
                .deadPlane(9)
                .projectile(9, 7, 10.5, 2.25, Math.PI / 4, 500, 120);
    }

    /** Tick 125: plane 7 moved and was hit, 8 died, 12 joined; projectile 9 ended, 10 fired by 12 this tick. */
    public static BinarySnapshot tick125() {
        return new BinarySnapshot().tick(125)
                .plane(7, 3.0, -5.25, Math.PI / 4, 70)
                .deadPlane(8)
                .plane(12, 0, 0, 0, 100)
                .projectile(10, 12, 0, -24, 0, 500, 125);
    }

    public static Map<String, byte[]> all() {
        Map<String, byte[]> v = new LinkedHashMap<>();
        BinaryWriter input = new BinaryWriter(32);
        BinaryInputEncoder.encode(0.5, -1, true, 300, 123, input);
        v.put("input", input.toByteArray());
        EncodedBuffer out = new EncodedBuffer(64);
        new BinaryClientEncoder(BinaryMode.QUANTIZED, 60).encode(tick123(), ACK, 0, out);
        v.put("world-quantized", out.toByteArray());
        BinaryClientEncoder delta = new BinaryClientEncoder(BinaryMode.DELTA, 60);
        delta.encode(tick123(), ACK, 0, out);
        v.put("world-delta-full", out.toByteArray());
        delta.encode(tick125(), ACK + 1, 123, out);
        v.put("world-delta", out.toByteArray());
        BinaryClientEncoder events = new BinaryClientEncoder(BinaryMode.PROJECTILE_EVENTS, 60);
        events.encode(tick123(), ACK, 0, out);
        events.encode(tick125(), ACK + 1, 0, out);
        v.put("world-events", out.toByteArray());
        return v;
    }

    public static void main(String[] args) {
        all().forEach((k, b) -> System.out.println(k + ": " + Hex.format(b)));
    }
}
