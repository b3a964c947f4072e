package org.jetraiders.client.message;

/** One kill of a {@link KillFeed}; a name is {@code ""} when that player already left. */
public record Kill(int killerId, String killer, int victimId, String victim) {
}
