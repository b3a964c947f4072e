package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import com.google.gson.JsonObject;
import org.jetraiders.server.it.support.BinaryTestClient;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
import org.jetraiders.server.protocol.binary.client.ClientWorldState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The binary protocol end to end: negotiation, delta snapshots rebuilt by a client, inputs, abuse. */
class BinaryProtocolIT {
    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start(ServerFixture.config().bots(2));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private BinaryTestClient joinedBinary(BinaryTestClient client) throws InterruptedException {
        assertTrue(client.open(), "binary client must connect");
        client.sendJson("Join", "{\"name\":\"bin\"}");
        JsonObject identity = client.awaitText("Identity");
        assertTrue(identity.getAsJsonObject("data").get("player_id").getAsString().matches("\\d+"));
        return client;
    }


    @Test
    void shouldStreamDeltaSnapshotsThatRebuildTheWorldWhenTheSubprotocolIsRequested() throws Exception {
        BinaryTestClient client = BinaryTestClient.withSubprotocol(fixture.wsUri("/ws"));
        assertTrue(client.open());
        client.sendJson("Join", "{\"name\":\"bin\"}");
        int me = Integer.parseInt(client.awaitText("Identity").getAsJsonObject("data").get("player_id").getAsString());
        client.awaitText("GameState"); // control messages stay JSON text frames

        ServerFixture.awaitCondition("binary frames arrive", () -> client.binaryFrames() >= 30);
        // acknowledging keeps the server on deltas; the rebuilt world holds us and both bots
        for (int seq = 1; seq <= 30; seq++) {
            client.sendInput(1, 1, false, seq);
            int before = client.binaryFrames();
            ServerFixture.awaitCondition("next frame", () -> client.binaryFrames() > before);
        }
        ClientWorldState world = client.latest();
        assertEquals(0, client.decodeFailures());
        assertEquals(3, world.planeCount(), world.toString());
        int i = world.indexOfPlane(me);
        assertTrue(i >= 0, "own plane must be in the rebuilt world");
        assertTrue(world.planeRot(i) > 0.5, "turn=1 must have turned the plane, rot " + world.planeRot(i));
        assertTrue(world.ack() >= 20, "input ack must follow our seq, was " + world.ack());
    }

    @Test
    void shouldSendSmallDeltaFramesWhileTheClientAcknowledges() throws Exception {
        BinaryTestClient binary = joinedBinary(BinaryTestClient.withQuery(fixture.wsUri("/ws?format=bin")));
        TestClient json = fixture.joined("main", "json");
        long ticks = 120;
        ServerFixture.awaitCondition("two seconds of frames", Duration.ofSeconds(15),
                () -> binary.binaryFrames() >= ticks && json.worldUpdateCount() >= ticks);
        for (int seq = 1; binary.binaryFrames() < 2 * ticks; seq++) {
            binary.sendInput(0, 0, false, seq); // acks
            int before = binary.binaryFrames();
            ServerFixture.awaitCondition("next frame", () -> binary.binaryFrames() > before);
        }
        assertEquals(0, binary.decodeFailures());
        double binaryPerFrame = binary.binaryBytes() / (double) binary.binaryFrames();
        assertTrue(binaryPerFrame < 200, "binary bytes per frame " + binaryPerFrame);
    }

    @Test
    void shouldRejectMalformedBinaryFramesAndCloseWith1007WhenTheyRepeat() throws Exception {
        BinaryTestClient client = joinedBinary(BinaryTestClient.withSubprotocol(fixture.wsUri("/ws")));
        TestClient bystander = fixture.joined("main", "bystander");
        client.send(ByteBuffer.wrap(new byte[] {9, 9, 9}));
        JsonObject error = client.awaitText("Error");
        assertEquals("invalid_field", error.getAsJsonObject("data").get("code").getAsString());
        for (int n = 0; n < 11; n++) {
            client.send(ByteBuffer.wrap(new byte[] {1, 0x10, (byte) 0xFF}));
        }
        assertEquals(1007, client.awaitClose());
        assertTrue(fixture.server().metrics().disconnects("malformed_binary") >= 1);
        long tick = bystander.lastTick();
        bystander.awaitWorldUpdateAfter(tick + 10); // the bystander never noticed
    }

    @Test
    void shouldStillRefuseBinaryFramesOnAJsonConnection() throws Exception {
        TestClient json = fixture.joined("main", "json-only");
        json.send(ByteBuffer.wrap(new byte[] {1, 0x10, 0, 0, 0, 1, 1}));
        assertEquals(1003, json.awaitClose());
    }
}
