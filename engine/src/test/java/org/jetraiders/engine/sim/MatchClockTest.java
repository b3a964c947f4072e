package org.jetraiders.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.engine.LobbyStatus;
import org.junit.jupiter.api.Test;

class MatchClockTest {
    @Test
    void shouldSignalAScoreResetWhenAMatchCountdownBegins() {
        MatchClock clock = new MatchClock(10, 1, 1, 1, 1);
        assertFalse(clock.advance(0));
        assertTrue(clock.advance(1), "lobby -> countdown");
        for (int i = 0; i < 9; i++) {
            assertFalse(clock.advance(1));
            assertSame(LobbyStatus.matchStarting(1), clock.status());
        }
        assertFalse(clock.advance(1));
        assertSame(LobbyStatus.MATCH_RUNNING, clock.status(), "after 10 ticks of countdown");
        for (int i = 0; i < 10; i++) {
            assertFalse(clock.advance(1));
        }
        assertSame(LobbyStatus.MATCH_ENDED, clock.status());
        for (int i = 0; i < 9; i++) {
            assertFalse(clock.advance(1));
        }
        assertTrue(clock.advance(1), "pause over -> new countdown");
        assertSame(LobbyStatus.matchStarting(1), clock.status());
    }

    @Test
    void shouldShowTheEndedStatusForOneTickWhenThereIsNoPause() {
        MatchClock clock = new MatchClock(10, 0, 1, 0, 1);
        clock.advance(1);
        assertSame(LobbyStatus.MATCH_RUNNING, clock.status());
        for (int i = 0; i < 10; i++) {
            clock.advance(1);
        }
        assertSame(LobbyStatus.MATCH_ENDED, clock.status());
        assertTrue(clock.advance(1));
        assertSame(LobbyStatus.MATCH_RUNNING, clock.status(), "no countdown either: straight back to running");
    }

    @Test
    void shouldCountDownLongerThanTheCachedSixtySeconds() {
        MatchClock clock = new MatchClock(2, 90, 0, 0, 1);
        clock.advance(1);
        assertEquals(LobbyStatus.matchStarting(90), clock.status());
        clock.advance(1);
        assertEquals(LobbyStatus.matchStarting(90), clock.status());
        clock.advance(1);
        assertEquals(LobbyStatus.matchStarting(89), clock.status());
        for (int i = 0; i < 178; i++) {
            clock.advance(1);
        }
        assertSame(LobbyStatus.MATCH_RUNNING, clock.status());
    }

    @Test
    void shouldRoundMatchSecondsLeftUp() {
        MatchClock clock = new MatchClock(4, 0, 2, 1, 1);
        assertEquals(-1, clock.matchSecondsLeft());
        clock.advance(1);
        assertEquals(2, clock.matchSecondsLeft());
        clock.advance(1);
        assertEquals(2, clock.matchSecondsLeft(), "7 ticks left");
        for (int i = 0; i < 3; i++) {
            clock.advance(1);
        }
        assertEquals(1, clock.matchSecondsLeft(), "4 ticks left");
    }
}
