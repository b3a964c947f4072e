package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
    private static final long SECOND = 1_000_000_000L;

    private static List<Long> pingTicks(KeepAlive keepAlive, long fromTick, long toTick) {
        List<Long> ticks = new ArrayList<>();
        for (long t = fromTick; t <= toTick; t++) {
            if (keepAlive.pingDue(t)) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    @Test
    void shouldPingASecondAfterTheFirstTickThenEveryInterval() {
        KeepAlive keepAlive = new KeepAlive(Duration.ofSeconds(10), 0);
        keepAlive.rideOnTicks(60);
        assertEquals(List.of(1060L, 1660L, 2260L), pingTicks(keepAlive, 1000, 2300));
    }

    @Test
    void shouldNeverPingUntilItRidesOnTicksNorAfterItStops() {
        KeepAlive keepAlive = new KeepAlive(Duration.ofSeconds(1), 0);
        assertEquals(List.of(), pingTicks(keepAlive, 0, 500));
        keepAlive.rideOnTicks(60);
        assertEquals(List.of(60L, 120L), pingTicks(keepAlive, 0, 150));
        keepAlive.offTicks();
        assertFalse(keepAlive.onTicks());
        assertEquals(List.of(), pingTicks(keepAlive, 151, 500));
    }

    @Test
    void shouldStartOverWhenTheTickCounterRestarts() {
        KeepAlive keepAlive = new KeepAlive(Duration.ofSeconds(10), 0);
        keepAlive.rideOnTicks(60);
        assertEquals(List.of(5060L), pingTicks(keepAlive, 5000, 5100));
        assertEquals(List.of(60L), pingTicks(keepAlive, 0, 100), "a new match's ticks from 0: a ping a second in");
    }

    @Test
    void shouldBeLostOnlyAfterOneAndAHalfIntervalsWithoutAPong() {
        KeepAlive keepAlive = new KeepAlive(Duration.ofSeconds(10), 0);
        assertFalse(keepAlive.lost(15 * SECOND));
        assertTrue(keepAlive.lost(15 * SECOND + 1));
        keepAlive.pong(12 * SECOND);
        assertFalse(keepAlive.lost(27 * SECOND));
        assertTrue(keepAlive.lost(27 * SECOND + 1));
    }
}
