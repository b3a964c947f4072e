package org.jetraiders.server.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import com.google.gson.JsonObject;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.server.protocol.json.support.FakeSnapshot;
import org.jetraiders.server.protocol.json.support.Json;
import org.junit.jupiter.api.Test;

class JsonWorldUpdateFrameTest {
    private final EncodedBuffer shared = new EncodedBuffer(16);
    private final EncodedBuffer frame = new EncodedBuffer(8);

    private static String text(EncodedBuffer b) {
        return new String(b.array(), 0, b.length(), StandardCharsets.UTF_8);
    }

    private void encodeShared(FakeSnapshot snapshot) {
        new JsonWorldUpdateEncoder().encode(snapshot, shared);
    }

    @Test
    void shouldAppendTheAckAsTheLastDataField() {
        encodeShared(new FakeSnapshot().tick(123).plane(7, "Ada", 1.25, -3.5, 0.785398, 100).projectile(9, 7, 10.5, 2.25, 0.785398));

        int length = JsonWorldUpdateFrame.withAck(shared, 42, frame);

        assertEquals(frame.length(), length);
        assertEquals("{\"type\":\"WorldUpdate\",\"data\":{\"tick\":123,"
                + "\"entities\":[{\"id\":\"7\",\"x\":1.25,\"y\":-3.50,\"rot\":0.7854,\"hp\":100}],"
                + "\"projectiles\":[{\"id\":\"9\",\"owner_id\":\"7\",\"x\":10.50,\"y\":2.25,\"rot\":0.7854}],\"ack\":42}}",
                text(frame));
        JsonObject data = Json.object(text(frame)).getAsJsonObject("data");
        assertEquals(42, data.get("ack").getAsLong());
        assertEquals(123, data.get("tick").getAsLong());
    }

    @Test
    void shouldWriteDifferentAcksFromTheSameSharedBytes() {
        encodeShared(new FakeSnapshot().tick(1));
        long[] acks = {0, 1, 9, 10, 4_294_967_296L, Long.MAX_VALUE};
        for (long ack : acks) {
            JsonWorldUpdateFrame.withAck(shared, ack, frame);
            assertEquals(ack, Json.object(text(frame)).getAsJsonObject("data").get("ack").getAsLong());
        }
        assertEquals("{\"type\":\"WorldUpdate\",\"data\":{\"tick\":1,\"entities\":[],\"projectiles\":[]}}", Json.text(shared),
                "the shared bytes are not modified");
    }

    @Test
    void shouldCopySharedBytesUnchangedWhenThereIsNoAck() {
        encodeShared(new FakeSnapshot().tick(3));
        JsonWorldUpdateFrame.withAck(shared, -1, frame);
        assertEquals(Json.text(shared), text(frame));
    }

    @Test
    void shouldLeaveTheFrameEmptyWhenTheSharedBufferIsEmpty() {
        frame.put((byte) 'x');
        shared.reset();
        assertEquals(0, JsonWorldUpdateFrame.withAck(shared, 5, frame));
        assertEquals(0, frame.length());
    }

    @Test
    void shouldGrowAndThenReuseTheBuilder() {
        FakeSnapshot big = new FakeSnapshot().tick(2);
        for (int i = 0; i < 200; i++) {
            big.plane(i, "p", i, i, i, 100);
        }
        encodeShared(big);
        JsonWorldUpdateFrame.withAck(shared, 7, frame);
        assertEquals(200, Json.object(text(frame)).getAsJsonObject("data").getAsJsonArray("entities").size());
        byte[] grown = frame.array();

        encodeShared(new FakeSnapshot().tick(3));
        JsonWorldUpdateFrame.withAck(shared, 8, frame);
        assertSame(grown, frame.array(), "no new array once grown");
        assertEquals("{\"type\":\"WorldUpdate\",\"data\":{\"tick\":3,\"entities\":[],\"projectiles\":[],\"ack\":8}}", text(frame));
    }

    @Test
    void shouldExposeTheFrameAsAByteBufferView() {
        encodeShared(new FakeSnapshot().tick(4));
        JsonWorldUpdateFrame.withAck(shared, 1, frame);
        ByteBuffer view = frame.view();
        assertEquals(0, view.position());
        assertEquals(frame.length(), view.remaining());
        view.position(view.limit()); // a consumer drained it
        ByteBuffer again = frame.view();
        assertSame(view, again);
        assertEquals(frame.length(), again.remaining());
        byte[] copy = new byte[again.remaining()];
        again.get(copy);
        assertEquals(text(frame), new String(copy, StandardCharsets.UTF_8));
    }
}
