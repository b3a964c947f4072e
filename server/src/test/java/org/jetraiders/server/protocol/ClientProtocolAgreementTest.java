package org.jetraiders.server.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jetraiders.client.binary.ProtocolDescriptor;
import org.jetraiders.client.message.Envelope;
import org.jetraiders.client.message.GameState;
import org.jetraiders.client.message.ServerMessageDecoder;
import org.jetraiders.client.world.WorldBounds;
import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Tuning;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
import org.jetraiders.server.protocol.binary.BinaryQuantizer;
import org.jetraiders.server.protocol.binary.BinaryWriter;
import org.jetraiders.server.protocol.json.ServerMessages;
import org.junit.jupiter.api.Test;

/**
 * The client library copies a few things of the server's rather than depend on it (its users must not
 * need the server on their classpath): the binary layout constants, the byte writer, the quantization's
 * inverse, the default world. Each copy must agree with the original.
 */
class ClientProtocolAgreementTest {
    @Test
    void everyConstantTheClientCopiesHasTheServersValue() throws Exception {
        int compared = 0;
        for (Field copy : ProtocolDescriptor.class.getFields()) {
            if (!Modifier.isStatic(copy.getModifiers())) {
                continue;
            }
            Field original = BinaryProtocolDescriptor.class.getField(copy.getName()); // fails if the server has none
            assertEquals(original.get(null), copy.get(null), copy.getName());
            compared++;
        }
        assertTrue(compared >= 20, "compared " + compared);
    }

    @Test
    void theClientsWriterWritesTheServersBytes() {
        SplittableRandom random = new SplittableRandom(17);
        BinaryWriter server = new BinaryWriter(16);
        org.jetraiders.client.binary.BinaryWriter client = new org.jetraiders.client.binary.BinaryWriter(16);
        for (int i = 0; i < 5_000; i++) {
            long v = random.nextLong();
            int z = random.nextInt();
            int b = random.nextInt(256);
            int u = random.nextInt(65536);
            server.varint(v);
            server.zigzag(z);
            server.u8(b);
            server.u16(u);
            client.varint(v);
            client.zigzag(z);
            client.u8(b);
            client.u16(u);
            assertEquals(BinaryWriter.varintLength(v), org.jetraiders.client.binary.BinaryWriter.varintLength(v));
        }
        assertArrayEquals(server.toByteArray(), client.toByteArray());
    }

    @Test
    void theClientReadsQuantizedValuesAsTheServerDoes() {
        for (int q = -70_000; q <= 70_000; q += 7) {
            assertEquals(BinaryQuantizer.positionPx(q), ProtocolDescriptor.positionPx(q), "position " + q);
        }
        for (int q = 0; q < 65536; q++) {
            assertEquals(BinaryQuantizer.rotationRad(q), ProtocolDescriptor.rotationRad(q), "rotation " + q);
        }
    }

    @Test
    void theClientsDefaultWorldIsTheEngines() {
        Tuning t = Tuning.defaults();
        assertEquals(new WorldBounds(t.minX(), t.maxX(), t.minY(), t.maxY()), WorldBounds.DEFAULT);
    }

    @Test
    void theClientKnowsEveryLobbyStatusTheServerSends() {
        List<LobbyStatus> statuses = List.of(LobbyStatus.LOBBY, LobbyStatus.matchStarting(3), LobbyStatus.MATCH_RUNNING,
                LobbyStatus.MATCH_ENDED, LobbyStatus.STOPPING);
        assertEquals(EnumSet.allOf(LobbyStatus.Phase.class), statuses.stream().map(LobbyStatus::phase)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LobbyStatus.Phase.class))), "every phase is listed");
        for (LobbyStatus status : statuses) {
            String json = ServerMessages.gameState(status);
            GameState decoded = ServerMessageDecoder.gameState(Envelope.parse(json).data());
            assertEquals(status.phase().name(), decoded.phase().name(), json);
            assertEquals(status.phase() == LobbyStatus.Phase.MATCH_STARTING ? 3 : -1, decoded.inSeconds(), json);
        }
        assertEquals(7, ServerMessageDecoder.identity(Envelope.parse(ServerMessages.identity(7, "main")).data()).playerId());
    }
}
