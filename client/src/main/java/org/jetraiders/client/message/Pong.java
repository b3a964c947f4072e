package org.jetraiders.client.message;

/**
 * {@code Pong}: the answer to a {@code Ping}.
 *
 * @param t                the ping's {@code t}, echoed; NaN when the ping had none
 * @param serverTimeMillis the server's clock, epoch milliseconds
 */
public record Pong(double t, long serverTimeMillis) {
}
