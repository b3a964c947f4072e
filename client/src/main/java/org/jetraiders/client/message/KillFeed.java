package org.jetraiders.client.message;

import java.util.List;

/** {@code KillFeed}: the kills of one tick (sent only for ticks with kills). */
public record KillFeed(List<Kill> kills) {
    public KillFeed {
        kills = List.copyOf(kills);
    }
}
