package org.jetraiders.server.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;

/**
 * Enforces the connection caps at accept time. Java-WebSocket calls {@code wrapChannel} once per
 * accepted socket, on the selector thread, before anything is read from it: a socket over a cap is
 * closed right there, so a flood of sockets that never send a handshake costs an accept and a close
 * each and holds nothing.
 *
 * <p>Why not {@code WebSocketServer.onConnect(SelectionKey)}: its key is the listening socket's, and
 * returning false there cancels it, after which the server never accepts again; it also runs before
 * the remote address is known.
 */
final class AdmittingChannelFactory implements WebSocketServerFactory {
    private final WebSocketServerFactory delegate;
    private final AdmittedSockets sockets;

    AdmittingChannelFactory(WebSocketServerFactory delegate, AdmittedSockets sockets) {
        this.delegate = delegate;
        this.sockets = sockets;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
        return delegate.createWebSocket(a, d);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
        return delegate.createWebSocket(a, drafts);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        WebSocket socket = (WebSocket) key.attachment(); // the library registers each socket with its WebSocketImpl
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        if (sockets.admit(socket, remote.getAddress(), System.nanoTime()) != null) {
            // Closing cancels the key: the library finishes its accept bookkeeping with the channel we
            // return but never reads from it. (Throwing instead would leave the listening socket's key
            // in the selected set, costing an extra accept call per selector pass until the next accept.)
            channel.close();
        }
        return delegate.wrapChannel(channel, key);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
