/**
 * Input sequencing and acknowledgements ({@link org.jetraiders.client.input.InputTracker}): the part
 * of the protocol a predicting client builds on.
 *
 * <p>Threads: {@code InputTracker} is synchronized (a game thread sends, the connection's read thread
 * acknowledges); {@code SentInput} is immutable.
 */
package org.jetraiders.client.input;
