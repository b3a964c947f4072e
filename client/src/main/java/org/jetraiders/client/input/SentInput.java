package org.jetraiders.client.input;

/**
 * An input this client sent, as sent (thrust and turn clamped to [-1, 1], NaN as 0).
 *
 * @param seq       its sequence number; the server acknowledges it in world snapshots
 * @param sentNanos when it was sent, {@link System#nanoTime()}
 */
public record SentInput(long seq, double thrust, double turn, boolean shoot, long sentNanos) {
}
