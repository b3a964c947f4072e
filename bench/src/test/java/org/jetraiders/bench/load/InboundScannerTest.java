package org.jetraiders.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundScannerTest {

    private static final String SNAPSHOT = "{\"type\":\"WorldUpdate\",\"data\":{\"tick\":123,\"entities\":["
            + "{\"id\":\"3\",\"x\":0,\"y\":0,\"rot\":2.5,\"hp\":100},"
            + "{\"id\":\"7\",\"x\":1.25,\"y\":-3.5,\"rot\":0.7854,\"hp\":100,\"extra\":{\"a\":[1,2]}}],"
            + "\"projectiles\":[{\"id\":\"1\",\"owner_id\":\"7\",\"x\":0,\"y\":0,\"rot\":9}],\"ack\":42}}";

    @Test
    void shouldReadTypeCheaplyOrByStreamingWhenTypeIsNotFirst() {
        assertTrue(InboundScanner.isWorldUpdate(SNAPSHOT));
        assertEquals("Lagged", InboundScanner.type("{\"type\":\"Lagged\",\"data\":{\"missed\":3}}"));
        assertEquals("WorldUpdate", InboundScanner.type("{ \"data\": {\"type\":\"x\"}, \"type\" : \"WorldUpdate\" }"));
        assertTrue(InboundScanner.isWorldUpdate("{\"data\":{},\"type\":\"WorldUpdate\"}"));
        assertFalse(InboundScanner.isWorldUpdate("{\"type\":\"WorldUpdateX\"}"));
        assertNull(InboundScanner.type("not json"));
        assertNull(InboundScanner.type("[1,2]"));
    }

    @Test
    void shouldFindOwnEntityRotationAndAck() {
        InboundScanner.SnapshotView v = new InboundScanner.SnapshotView();
        assertTrue(InboundScanner.scanSnapshot(SNAPSHOT, "7", v));
        assertTrue(v.ownPresent);
        assertEquals(0.7854, v.ownRot);
        assertEquals(42, v.ack);
        assertEquals(123, v.tick);
    }

    @Test
    void shouldMatchNumericIdsAndReportAbsentPlanes() {
        InboundScanner.SnapshotView v = new InboundScanner.SnapshotView();
        String numeric = "{\"type\":\"WorldUpdate\",\"data\":{\"entities\":[{\"rot\":1.5,\"id\":7}]}}";
        assertTrue(InboundScanner.scanSnapshot(numeric, "7", v));
        assertTrue(v.ownPresent);
        assertEquals(1.5, v.ownRot);
        assertEquals(-1, v.ack);
        assertTrue(InboundScanner.scanSnapshot(SNAPSHOT, "8", v));
        assertFalse(v.ownPresent);
        assertFalse(InboundScanner.scanSnapshot("{\"type\":\"WorldUpdate\",\"data\":{\"entities\":[", "7", v));
    }

    @Test
    void shouldReadFieldsOfRareMessages() {
        assertEquals("7", InboundScanner.string(InboundScanner.data(
                "{\"type\":\"Identity\",\"data\":{\"player_id\":\"7\",\"lobby_id\":\"l3\"}}"), "player_id"));
        assertEquals("7", InboundScanner.string(InboundScanner.data(
                "{\"type\":\"Identity\",\"data\":{\"player_id\":7}}"), "player_id"));
        assertEquals(12, InboundScanner.number(InboundScanner.data(
                "{\"type\":\"Lagged\",\"data\":{\"missed\":12}}"), "missed", 0));
        assertEquals(0, InboundScanner.number(InboundScanner.data("{\"type\":\"Lagged\"}"), "missed", 0));
    }
}
