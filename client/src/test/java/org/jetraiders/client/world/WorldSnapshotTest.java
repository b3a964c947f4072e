package org.jetraiders.client.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.client.support.ProtocolDoc;
import org.junit.jupiter.api.Test;

class WorldSnapshotTest {
    @Test
    void shouldConvertARebuiltBinaryWorldToPixelsAndRadians() {
        BinarySnapshotDecoder decoder = new BinarySnapshotDecoder();
        for (String name : new String[] {"world-delta-full", "world-delta"}) {
            byte[] f = ProtocolDoc.vector(name);
            assertEquals(DecodeResult.OK, decoder.decode(f, 0, f.length));
        }
        WorldSnapshot w = WorldSnapshot.of(decoder.latest());
        assertEquals(125, w.tick());
        assertEquals(43, w.ack());
        assertEquals(new Plane(7, 3.0, -5.25, Math.PI / 4, 70), w.plane(7));
        assertEquals(new Plane(12, 0, 0, 0, 100), w.plane(12));
        assertEquals(new Projectile(10, 12, 0, -24, 0), w.projectile(10), "placed at the frame's tick");
    }

    @Test
    void shouldSortByIdCopyItsListsAndRefuseARepeatedId() {
        List<Plane> planes = new ArrayList<>(List.of(new Plane(5, 0, 0, 0, 1), new Plane(2, 0, 0, 0, 1)));
        WorldSnapshot w = new WorldSnapshot(1, 0, planes, List.of());
        planes.clear();
        assertEquals(List.of(2, 5), w.planes().stream().map(Plane::id).toList());
        assertThrows(UnsupportedOperationException.class, () -> w.planes().clear());
        assertThrows(IllegalArgumentException.class,
                () -> new WorldSnapshot(1, 0, List.of(new Plane(2, 0, 0, 0, 1), new Plane(2, 1, 1, 0, 1)), List.of()));
    }
}
