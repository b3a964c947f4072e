package org.jetraiders.client.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputTrackerTest {
    private final InputTracker tracker = new InputTracker(4);

    private static List<Long> seqs(List<SentInput> inputs) {
        return inputs.stream().map(SentInput::seq).toList();
    }

    @Test
    void shouldNumberInputsFromOneAndRememberThemAsSent() {
        SentInput first = tracker.next(0.5, -2, true, 100);
        SentInput second = tracker.next(Double.NaN, 0, false, 200);
        assertEquals(new SentInput(1, 0.5, -1, true, 100), first, "turn clamped as the server clamps it");
        assertEquals(new SentInput(2, 0, 0, false, 200), second, "NaN sent as 0");
        assertEquals(2, tracker.lastSentSeq());
        assertEquals(0, tracker.ackedSeq());
        assertEquals(List.of(first, second), tracker.pending());
    }

    @Test
    void shouldDropAcknowledgedInputsAndMeasureTheAckDelay() {
        tracker.next(1, 0, false, 1_000);
        tracker.next(1, 0, false, 2_000);
        tracker.next(1, 0, false, 3_000);
        assertEquals(-1, tracker.lastAckDelayNanos());

        tracker.acknowledge(2, 50_000);

        assertEquals(2, tracker.ackedSeq());
        assertEquals(List.of(3L), seqs(tracker.pending()), "what a predicting client re-applies");
        assertEquals(48_000, tracker.lastAckDelayNanos(), "from sending seq 2 to its ack");
    }

    @Test
    void shouldNeverGoBackToAnOlderAck() {
        tracker.next(1, 0, false, 0);
        tracker.next(1, 0, false, 0);
        tracker.acknowledge(2, 10);
        tracker.acknowledge(1, 20); // a late, reordered snapshot
        assertEquals(2, tracker.ackedSeq());
        assertTrue(tracker.pending().isEmpty());
    }

    @Test
    void shouldNotBelieveAnAckOfAnInputItNeverSent() {
        tracker.next(1, 0, false, 0);
        tracker.acknowledge(50, 10); // inputs numbered by someone else on this connection
        assertEquals(1, tracker.ackedSeq());
        SentInput next = tracker.next(1, 0, false, 20);
        assertEquals(2, next.seq());
        assertEquals(List.of(next), tracker.pending());
    }

    @Test
    void shouldForgetTheOldestUnacknowledgedInputsBeyondItsCapacity() {
        for (int i = 0; i < 6; i++) {
            tracker.next(1, 0, false, i);
        }
        assertEquals(List.of(3L, 4L, 5L, 6L), seqs(tracker.pending()));
        tracker.acknowledge(4, 100);
        assertEquals(List.of(5L, 6L), seqs(tracker.pending()));
    }

    @Test
    void shouldRefuseAnEmptyCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new InputTracker(0));
    }
}
