package org.jetraiders.server.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.Handshakedata;

/** A library connection whose decoder only records the bytes it is given (what our reader hands on). */
final class LibrarySpy extends WebSocketImpl {
    /** A listener that ignores everything: the library wants one, our tests never call it. */
    static final WebSocketAdapter SILENT = new WebSocketAdapter() {
        @Override public void onWebsocketMessage(WebSocket conn, String message) { }
        @Override public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) { }
        @Override public void onWebsocketOpen(WebSocket conn, Handshakedata d) { }
        @Override public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) { }
        @Override public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) { }
        @Override public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) { }
        @Override public void onWebsocketError(WebSocket conn, Exception ex) { }
        @Override public void onWriteDemand(WebSocket conn) { }
        @Override public java.net.InetSocketAddress getLocalSocketAddress(WebSocket conn) { return null; }
        @Override public java.net.InetSocketAddress getRemoteSocketAddress(WebSocket conn) { return null; }
    };

    final ByteArrayOutputStream given = new ByteArrayOutputStream();

    LibrarySpy() {
        super(SILENT, new Draft_6455());
    }

    @Override
    public void decode(ByteBuffer socketBuffer) {
        while (socketBuffer.hasRemaining()) {
            given.write(socketBuffer.get());
        }
    }
}
