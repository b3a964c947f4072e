/**
 * Server-wide counters of the transport: connections, messages, bytes, rejections.
 *
 * <p>Threads: any thread may count (WebSocket threads, client consumer threads); any thread may read.
 * Counting a message allocates nothing.
 */
package org.jetraiders.server.metrics;
