/**
 * Runnable examples of the client library ({@link org.jetraiders.client.example.FlyInCircles}, shown
 * in the README). Each runs on its {@code main} thread; its listeners run on the connection's read thread.
 */
package org.jetraiders.client.example;
