package org.jetraiders.server.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket passes every read buffer through two {@code LinkedBlockingQueue}s: from its pool
 * ({@code WebSocketServer.buffers}) to the connection's {@code inQueue} and back, and each {@code put}
 * allocates a node. At 256 clients that was ~0.7 MB/s, most of the server's steady-state garbage (JFR
 * allocation samples), and resident memory the young generation touched for nothing. Both queues
 * hold a handful of buffers at most (the pool at most 2 per decoder + 1, the connection's one between
 * the read and our {@code queue()}), so array-backed queues do the same job without allocating.
 *
 * <p>The pool is swapped once, in the server's constructor; a connection's queue when the library's
 * factory creates it, on the selector thread, before it reads anything.
 */
final class NodeFreeReadQueues {
    /** Far above what either queue holds: a full queue would block the selector thread in put. */
    private static final int CAPACITY = 64;
    private static final VarHandle POOL;
    private static final Field IN_QUEUE;

    static {
        try {
            POOL = MethodHandles.privateLookupIn(WebSocketServer.class, MethodHandles.lookup())
                    .findVarHandle(WebSocketServer.class, "buffers", BlockingQueue.class);
            IN_QUEUE = WebSocketImpl.class.getField("inQueue"); // public final: set through reflection
            IN_QUEUE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NodeFreeReadQueues() {
    }

    /** Replaces the server's (still empty) read-buffer pool; call from the constructor, before start. */
    static void install(WebSocketServer server) {
        BlockingQueue<?> current = (BlockingQueue<?>) POOL.get(server);
        if (!current.isEmpty()) {
            throw new IllegalStateException("the library's buffer pool is already in use");
        }
        POOL.set(server, new ArrayBlockingQueue<ByteBuffer>(CAPACITY));
    }

    /** Replaces a new connection's (still empty) read queue. */
    static WebSocketImpl install(WebSocketImpl ws) {
        try {
            IN_QUEUE.set(ws, new ArrayBlockingQueue<ByteBuffer>(CAPACITY));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace Java-WebSocket's inQueue", e);
        }
        return ws;
    }
}
