package org.jetraiders.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleCollectionGateTest {
    private final List<String> writes = new ArrayList<>();
    private final IdleCollectionGate gate = new IdleCollectionGate("60000", (flag, value) -> writes.add(flag + "=" + value));

    @Test
    void shouldTurnThePeriodicCollectionOffWhileAnySocketIsOpen() {
        gate.update(1024);
        assertEquals(List.of("G1PeriodicGCInterval=0"), writes);
        assertFalse(gate.periodicCollectionOn());
    }

    @Test
    void shouldTurnItBackOnWhenTheLastSocketCloses() {
        gate.update(2);
        gate.update(0);
        assertEquals(List.of("G1PeriodicGCInterval=0", "G1PeriodicGCInterval=60000"), writes);
        assertTrue(gate.periodicCollectionOn());
    }

    @Test
    void shouldSetTheIdleIntervalOnTheFirstUpdateOfAnIdleServer() {
        gate.update(0);
        assertEquals(List.of("G1PeriodicGCInterval=60000"), writes);
    }

    @Test
    void shouldWriteTheFlagOnlyWhenTheStateChanges() {
        gate.update(5);
        gate.update(7);
        gate.update(1);
        gate.update(0);
        gate.update(0);
        gate.update(3);
        assertEquals(List.of("G1PeriodicGCInterval=0", "G1PeriodicGCInterval=60000", "G1PeriodicGCInterval=0"), writes);
    }
}
