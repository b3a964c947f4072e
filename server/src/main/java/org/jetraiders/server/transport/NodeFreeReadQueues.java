package org.jetraiders.server.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.concurrent.BlockingQueue;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket passes every read buffer through two {@code BlockingQueue}s: from its pool
 * ({@code WebSocketServer.buffers}) to the connection's {@code inQueue} and back. As the library builds
 * them ({@code LinkedBlockingQueue}s) each {@code put} allocates a node: at 256 clients ~0.7 MB/s, most
 * of the server's steady-state garbage (JFR allocation samples). Array-backed queues removed the
 * garbage but kept four lock round trips per read, and a connection's queue was four objects of its
 * own (queue, array, lock, conditions) to miss in the cache on every input.
 *
 * <p>Everything here happens on the selector thread: the library takes a buffer from the pool, reads
 * into it, puts it in the connection's queue and calls our {@code queue()}, which takes it straight
 * out, decodes it and returns it to the pool. So the pool is a {@link SelectorThreadQueue} with no
 * locks, and every connection shares one single-slot hand-off of the same kind, held by the server's
 * {@link DirectChannelFactory}: nothing per connection at all.
 *
 * <p>The pool is swapped once, in the server's constructor; a connection's queue when the library's
 * factory creates it, on the selector thread, before it reads anything.
 */
final class NodeFreeReadQueues {
    /** Far above what the pool holds (at most 2 per decoder + 1 buffers, the library's own bound). */
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
        POOL.set(server, new SelectorThreadQueue(CAPACITY, server::createBuffer));
    }

    /** A hand-off for the connections of one server: one buffer at a time, between the library's read and our decode. */
    static SelectorThreadQueue newHandOff() {
        return new SelectorThreadQueue(1, null);
    }

    /** Makes a new connection's (still empty) read queue the server's shared {@code handOff}. */
    static WebSocketImpl install(WebSocketImpl ws, SelectorThreadQueue handOff) {
        try {
            IN_QUEUE.set(ws, handOff);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace Java-WebSocket's inQueue", e);
        }
        return ws;
    }
}
