package org.jetraiders.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.jetraiders.client.binary.ProtocolDescriptor;

/**
 * The Java-WebSocket client under a {@link JetRaidersClient}: its read thread calls these callbacks
 * and they go straight to the {@link InboundDispatcher}. Remembers why a connect failed and counts
 * down {@link #closed} when the connection is over, opened or not.
 */
final class WebSocketConnection extends WebSocketClient {
    private final InboundDispatcher inbound;
    private final boolean binaryByQuery;
    final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean wasOpen;
    private volatile Thread readThread;
    private volatile Exception failure;
    private volatile CloseInfo closeInfo;
    // the close this client asked for, reported as such (see onClose); null until close(code, reason)
    private volatile CloseInfo closeAsked;

    WebSocketConnection(URI uri, WireFormat requested, int connectTimeoutMillis, InboundDispatcher inbound) {
        super(uri, draft(requested), null, connectTimeoutMillis);
        this.inbound = inbound;
        this.binaryByQuery = asksForBinary(uri);
    }

    /** Offers the binary subprotocol, or nothing (the empty protocol accepts a server that picks none). */
    private static Draft_6455 draft(WireFormat requested) {
        List<IProtocol> protocols = requested == WireFormat.BINARY
                ? List.of(new Protocol(ProtocolDescriptor.SUBPROTOCOL), new Protocol(""))
                : List.of(new Protocol(""));
        return new Draft_6455(Collections.emptyList(), protocols);
    }

    /** Whether the address itself asks for binary frames ({@code ?format=bin}), whatever was requested. */
    static boolean asksForBinary(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return false;
        }
        String wanted = ProtocolDescriptor.FORMAT_QUERY_NAME + "=" + ProtocolDescriptor.FORMAT_QUERY_VALUE;
        for (String pair : query.split("&")) {
            if (pair.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    boolean wasOpen() {
        return wasOpen;
    }

    /** The thread that calls the listeners, once the connection opened. */
    Thread readThread() {
        return readThread;
    }

    Exception failure() {
        return failure;
    }

    CloseInfo closeInfo() {
        return closeInfo;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        readThread = Thread.currentThread();
        IProtocol protocol = getProtocol();
        boolean binary = binaryByQuery
                || protocol != null && ProtocolDescriptor.SUBPROTOCOL.equals(protocol.getProvidedProtocol());
        inbound.opened(binary ? WireFormat.BINARY : WireFormat.JSON);
        wasOpen = true;
    }

    @Override
    public void onMessage(String message) {
        inbound.onText(message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        inbound.onBinary(bytes);
    }

    /** Starts the close handshake with this code; {@link #onClose} reports it as this client's close. */
    void closeAsked(int code, String reason) {
        closeAsked = new CloseInfo(code, reason, false);
        close(code, reason);
    }

    /** Ends the TCP connection now (1006), as this client's decision: reported as it happened. */
    void closeNow(String why) {
        closeAsked = null;
        closeConnection(CloseFrame.ABNORMAL_CLOSE, why);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        CloseInfo info = reported(code, reason, remote, closeAsked);
        closeInfo = info;
        inbound.onClose(info, wasOpen);
        closed.countDown();
    }

    /**
     * What a close is reported as. Once this client has sent its close frame, Java-WebSocket stops
     * decoding what arrives and reports the code this client sent (1000, "by this client") whether or not
     * the server's answer came. Two races report the same close otherwise, and both are reported the
     * first way: if the socket reaches its end while the close is still being sent (the answer and the
     * server's FIN racing the sender, seen once on a CI machine) the library reports 1006 "by the
     * server"; and if its read thread was already reading when this client closed, it decodes the
     * server's echo of our code and reports that code "by the server" (seen once in 66 client tests on a
     * loaded machine). A server close with a code of its own (1008, 4001, ...) that crossed ours is still
     * reported as the server's.
     */
    static CloseInfo reported(int code, String reason, boolean remote, CloseInfo asked) {
        if (asked != null && (code == CloseFrame.ABNORMAL_CLOSE || code == asked.code())) {
            return asked;
        }
        return new CloseInfo(code, reason, remote);
    }

    @Override
    public void onError(Exception ex) {
        if (failure == null) {
            failure = ex;
        }
    }
}
