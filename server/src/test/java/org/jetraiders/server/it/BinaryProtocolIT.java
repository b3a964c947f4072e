package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Predicate;
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
        // acknowledging keeps the server on deltas
        int lastSeq = 30;
        for (int seq = 1; seq <= lastSeq; seq++) {
            client.sendInput(1, 1, false, seq);
            int before = client.binaryFrames();
            ServerFixture.awaitCondition("next frame", () -> client.binaryFrames() > before);
        }
        // the server applied every input we sent: the input ack in the rebuilt world reaches our last seq
        awaitWorld(client, "input ack " + lastSeq, world -> world.ack() == lastSeq);
        // the rebuilt world holds us and both bots, and turn=1 turned our plane (it spawns facing up, rot 0)
        awaitWorld(client, "three planes, ours turned away from rot 0", world -> {
            int i = world.indexOfPlane(me);
            return world.planeCount() == 3 && i >= 0 && world.planeQrot(i) != 0;
        });
        assertEquals(0, client.decodeFailures());
    }

    /** Waits until the world the client rebuilt from the server's frames satisfies {@code condition}. */
    private static void awaitWorld(BinaryTestClient client, String what, Predicate<ClientWorldState> condition)
            throws InterruptedException {
        try {
            ServerFixture.awaitCondition(what, () -> client.latest() != null && condition.test(client.latest()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; latest rebuilt world: " + client.latest(), e);
        }
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
        // the server counts the disconnect in its onClose, which may run after the client saw the close
        ServerFixture.awaitCondition("the malformed_binary disconnect counted",
                () -> fixture.server().metrics().disconnects("malformed_binary") == 1);
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
