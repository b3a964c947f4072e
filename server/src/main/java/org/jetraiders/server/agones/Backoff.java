package org.jetraiders.server.agones;

import java.time.Duration;

/** Exponential retry pauses: 100 ms, 200 ms, 400 ms, ... up to a maximum. Not thread-safe. */
final class Backoff {
    static final Duration FIRST = Duration.ofMillis(100);

    private final Duration max;
    private Duration next = FIRST;

    Backoff(Duration max) {
        this.max = max;
    }

    /** The pause before the next attempt; each call doubles the following one, up to the maximum. */
    Duration next() {
        Duration current = next.compareTo(max) > 0 ? max : next;
        next = current.multipliedBy(2);
        return current;
    }

    void reset() {
        next = FIRST;
    }
}
