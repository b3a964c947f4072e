package org.jetraiders.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Predicate;
import com.google.gson.JsonObject;
import org.jetraiders.client.WireFormat;
import org.jetraiders.client.world.Plane;
import org.jetraiders.client.world.WorldSnapshot;
import org.jetraiders.server.it.support.ServerFixture;
import org.jetraiders.server.it.support.TestClient;
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

    /** A binary client asking for the subprotocol. */
    private TestClient withSubprotocol() {
        return fixture.client("/ws", WireFormat.BINARY);
    }

    /** A client without the subprotocol whose address asks for binary frames. */
    private TestClient withQuery() {
        return fixture.client("/ws?format=bin", WireFormat.JSON);
    }

    private TestClient joinedBinary(TestClient client) throws InterruptedException {
        assertTrue(client.open(), "binary client must connect");
        assertEquals(WireFormat.BINARY, client.library().format());
        client.sendMessage("Join", "{\"name\":\"bin\"}");
        JsonObject identity = client.await("Identity", d -> true);
        assertTrue(identity.get("player_id").getAsString().matches("\\d+"));
        return client;
    }


    @Test
    void shouldStreamDeltaSnapshotsThatRebuildTheWorldWhenTheSubprotocolIsRequested() throws Exception {
        TestClient client = withSubprotocol();
        assertTrue(client.open());
        client.sendMessage("Join", "{\"name\":\"bin\"}");
        int me = Integer.parseInt(client.await("Identity", d -> true).get("player_id").getAsString());
        client.await("GameState", d -> true); // control messages stay JSON text frames

        ServerFixture.awaitCondition("binary frames arrive", () -> client.binaryFrames() >= 30);
        // acknowledging keeps the server on deltas
        int lastSeq = 30;
        for (int seq = 1; seq <= lastSeq; seq++) {
            client.sendInput(1, 1, false, seq);
            long before = client.binaryFrames();
            ServerFixture.awaitCondition("next frame", () -> client.binaryFrames() > before);
        }
        // the server applied every input we sent: the input ack in the rebuilt world reaches our last seq
        awaitWorld(client, "input ack " + lastSeq, world -> world.ack() == lastSeq);
        // the rebuilt world holds us and both bots, and turn=1 turned our plane (it spawns facing up, rot 0)
        awaitWorld(client, "three planes, ours turned away from rot 0", world -> {
            Plane mine = world.plane(me);
            return world.planes().size() == 3 && mine != null && mine.rot() != 0;
        });
        assertEquals(0, client.decodeFailures());
    }

    /** Waits until the world the client rebuilt from the server's frames satisfies {@code condition}. */
    private static void awaitWorld(TestClient client, String what, Predicate<WorldSnapshot> condition)
            throws InterruptedException {
        try {
            ServerFixture.awaitCondition(what, () -> client.latest() != null && condition.test(client.latest()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; latest rebuilt world: " + client.latest(), e);
        }
    }

    @Test
    void shouldSendSmallDeltaFramesWhileTheClientAcknowledges() throws Exception {
        TestClient binary = joinedBinary(withQuery());
        TestClient json = fixture.joined("main", "json");
        long ticks = 120;
        ServerFixture.awaitCondition("two seconds of frames", Duration.ofSeconds(15),
                () -> binary.binaryFrames() >= ticks && json.worldUpdateCount() >= ticks);
        for (int seq = 1; binary.binaryFrames() < 2 * ticks; seq++) {
            binary.sendInput(0, 0, false, seq); // acks
            long before = binary.binaryFrames();
            ServerFixture.awaitCondition("next frame", () -> binary.binaryFrames() > before);
        }
        assertEquals(0, binary.decodeFailures());
        double binaryPerFrame = binary.binaryBytes() / (double) binary.binaryFrames();
        assertTrue(binaryPerFrame < 200, "binary bytes per frame " + binaryPerFrame);
    }

    @Test
    void shouldRejectMalformedBinaryFramesAndCloseWith1007WhenTheyRepeat() throws Exception {
        TestClient client = joinedBinary(withSubprotocol());
        TestClient bystander = fixture.joined("main", "bystander");
        client.send(ByteBuffer.wrap(new byte[] {9, 9, 9}));
        assertEquals("invalid_field", client.awaitErrorCode());
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
