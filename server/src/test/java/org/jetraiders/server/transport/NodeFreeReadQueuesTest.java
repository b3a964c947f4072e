package org.jetraiders.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.Test;

class NodeFreeReadQueuesTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void shouldGiveEveryConnectionOfOneServerTheSameLockFreeHandOffAndAnotherServerItsOwn() {
        DirectChannelFactory factory = new DirectChannelFactory(1024);
        WebSocketImpl first = factory.createWebSocket(LibrarySpy.SILENT,
                List.of(new Draft_6455(Collections.emptyList(), List.of(new Protocol("")))));
        WebSocketImpl second = factory.createWebSocket(LibrarySpy.SILENT, new Draft_6455());
        WebSocketImpl elsewhere = new DirectChannelFactory(1024).createWebSocket(LibrarySpy.SILENT, new Draft_6455());
        assertInstanceOf(SelectorThreadQueue.class, first.inQueue);
        assertSame(first.inQueue, second.inQueue, "one hand-off per server, not per connection");
        assertNotSame(first.inQueue, elsewhere.inQueue, "two servers' selector threads never share one");
        assertEquals(1, first.inQueue.remainingCapacity(), "one read at a time");
    }

    @Test
    void shouldPassReadBuffersThroughTheConnectionsQueueWithoutAllocating() throws Exception {
        WebSocketImpl ws = new DirectChannelFactory(1024).createWebSocket(LibrarySpy.SILENT, new Draft_6455());
        ByteBuffer buffer = ByteBuffer.allocate(16);
        List<Long> bytesPerWindow = new ArrayList<>();
        for (int window = 0; window < 8; window++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) { // what doRead and our queue() do with each read
                ws.inQueue.put(buffer);
                assertSame(buffer, ws.inQueue.poll());
            }
            bytesPerWindow.add(THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        // the library's LinkedBlockingQueue allocates a 24-byte node per put: 240,000 bytes per window
        assertEquals(0L, Collections.min(bytesPerWindow), "bytes allocated per 10,000 reads: " + bytesPerWindow);
    }
}
