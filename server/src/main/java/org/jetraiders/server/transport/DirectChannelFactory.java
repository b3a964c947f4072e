package org.jetraiders.server.transport;

import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.WebSocketServerFactory;

/** Gives every accepted connection a {@link DirectSocketChannel}, so our frames can bypass the library's queue. */
final class DirectChannelFactory implements WebSocketServerFactory {
    private final int pendingCapacity;
    /** Every connection's read queue: reads are handed over one at a time, all on the selector thread. */
    private final SelectorThreadQueue handOff = NodeFreeReadQueues.newHandOff();

    DirectChannelFactory(int pendingCapacity) {
        this.pendingCapacity = pendingCapacity;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
        return NodeFreeReadQueues.install(new WebSocketImpl(a, d), handOff);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
        return NodeFreeReadQueues.install(new WebSocketImpl(a, drafts), handOff);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
        return new DirectSocketChannel(channel, pendingCapacity);
    }

    @Override
    public void close() {
        // nothing held
    }
}
