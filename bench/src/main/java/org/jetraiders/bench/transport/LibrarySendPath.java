package org.jetraiders.bench.transport;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.java_websocket.SocketChannelIOHelper;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.Handshakedata;
import org.jetraiders.engine.EncodedBuffer;
import org.jetraiders.engine.Snapshot;
import org.jetraiders.server.lobby.WireEncodings;
import org.jetraiders.server.protocol.binary.BinaryClientEncoder;
import org.jetraiders.server.protocol.binary.BinaryMode;
import org.jetraiders.server.protocol.binary.BinaryQuantizeStage;
import org.jetraiders.server.protocol.json.JsonWorldUpdateFrame;

/**
 * The per-client send path as it was before the server wrote frames itself: the same frames (kill
 * feed and scoreboard when present, then the world update with the client's input ack, or its binary
 * delta) built into one reused buffer exactly as before, each sent with Java-WebSocket 1.6.0's
 * {@code WebSocketImpl.sendFrame} on a reused {@link TextFrame} / {@link BinaryFrame}, as the old
 * {@code FrameSender} did. Per frame the library then allocates a singleton list, an
 * {@code ArrayList}, a new {@code ByteBuffer} holding a copy of the frame, a length array, the
 * eagerly built debug {@code String} of frames up to 1,000 bytes ({@code WebSocketImpl.write}'s
 * {@code log.trace} argument), and a {@code LinkedBlockingQueue} node; and it asks for a write
 * ({@code onWriteDemand}), which the library's server answers with {@code interestOps(READ|WRITE)}
 * and {@code selector.wakeup()}: so does this class, on a real {@link Selector}.
 *
 * <p>{@link #selectorWrite()} then does what the library's selector thread does once woken, on the
 * calling thread: {@code selectNow()} (which consumes the wake-up), {@code SocketChannelIOHelper.batch}
 * (one socket write per queued frame) and {@code interestOps(READ)}. The selector thread's own wake-up
 * (a context switch) and its select loop's bookkeeping are not included, so this is a lower bound of
 * the old path's cost.
 *
 * <p>The connection is a {@link WebSocketImpl} in the server role, without a handshake: its draft is
 * a {@link Draft_6455} in server mode (unmasked frames), and its private {@code readyState} is set to
 * OPEN through a private lookup. Single-threaded.
 */
public final class LibrarySendPath implements AutoCloseable {
    private final WebSocketImpl impl;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final int playerId;
    private final BinaryClientEncoder binaryEncoder;
    private final BinaryQuantizeStage quantized;
    private final TextFrame textFrame = new TextFrame();
    private final BinaryFrame binaryFrame = new BinaryFrame();
    private final EncodedBuffer builder = new EncodedBuffer(4096);
    private int planeIndexHint;
    private long lastAck;
    private long acknowledgedTick = -1;
    private long socketFullWrites;
    private long bytesQueued;

    private LibrarySendPath(SocketChannel channel, int playerId, BinaryClientEncoder binaryEncoder,
                            BinaryQuantizeStage quantized) throws IOException {
        this.channel = channel;
        this.playerId = playerId;
        this.binaryEncoder = binaryEncoder;
        this.quantized = quantized;
        this.selector = Selector.open();
        this.impl = new WebSocketImpl(new WriteDemandListener(selector), List.of(new Draft_6455()));
        Draft_6455 draft = (Draft_6455) new Draft_6455().copyInstance();
        draft.setParseMode(Role.SERVER);
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(WebSocketImpl.class, MethodHandles.lookup());
            lookup.findVarHandle(WebSocketImpl.class, "draft", Draft.class).set(impl, draft);
            lookup.findVarHandle(WebSocketImpl.class, "readyState", ReadyState.class).setVolatile(impl, ReadyState.OPEN);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Java-WebSocket's WebSocketImpl changed: cannot open it without a handshake", e);
        }
        impl.setChannel(channel);
        this.key = channel.register(selector, SelectionKey.OP_READ, impl);
        impl.setSelectionKey(key);
        if (!impl.isOpen()) {
            throw new IllegalStateException("the WebSocketImpl is not open");
        }
    }

    /** A JSON client, as {@code DirectSendPath.json}. {@code channel}: our end of a socket, non-blocking. */
    public static LibrarySendPath json(SocketChannel channel, int playerId) throws IOException {
        return new LibrarySendPath(channel, playerId, null, null);
    }

    /** A binary-protocol client in {@link BinaryMode#DELTA}, as {@code DirectSendPath.binaryDelta}. */
    public static LibrarySendPath binaryDelta(SocketChannel channel, int playerId, BinaryQuantizeStage quantized,
                                              int tickRateHz) throws IOException {
        quantized.markInUse();
        return new LibrarySendPath(channel, playerId, new BinaryClientEncoder(BinaryMode.DELTA, tickRateHz), quantized);
    }

    /** The old consumer-thread half: the tick's frames into the library's queue, one {@code sendFrame} each. */
    public void send(Snapshot snapshot) {
        sendIfPresent(snapshot.encoded(WireEncodings.JSON_KILL_FEED));
        sendIfPresent(snapshot.encoded(WireEncodings.JSON_SCOREBOARD));
        int index = planeIndexHint < snapshot.planeCount() && snapshot.planeId(planeIndexHint) == playerId
                ? planeIndexHint : snapshot.indexOfPlane(playerId);
        if (index >= 0) {
            planeIndexHint = index;
            lastAck = snapshot.planeLastInputSeq(index);
        }
        if (binaryEncoder == null) {
            EncodedBuffer world = snapshot.encoded(WireEncodings.JSON_WORLD_UPDATE);
            if (world.length() > 0 && JsonWorldUpdateFrame.withAck(world, lastAck, builder) > 0) {
                sendBuilder(textFrame);
            }
        } else {
            builder.reset();
            if (binaryEncoder.encode(quantized, snapshot, lastAck, acknowledgedTick, builder) > 0) {
                sendBuilder(binaryFrame);
            }
        }
    }

    /** The client acknowledged the snapshot of this tick. */
    public void acknowledged(long tick) {
        acknowledgedTick = tick;
    }

    private void sendIfPresent(EncodedBuffer buffer) {
        if (buffer.length() > 0) {
            builder.reset();
            builder.put(buffer.array(), 0, buffer.length());
            sendBuilder(textFrame);
        }
    }

    private void sendBuilder(DataFrame frame) {
        frame.setPayload(builder.view());
        frame.setFin(true);
        impl.sendFrame(frame);
        bytesQueued += builder.length();
    }

    /**
     * The selector thread's half, on this thread: consume the wake-up, write the queued frames, drop
     * the write interest. Spins while the socket is full (counted in {@link #socketFullWrites()}).
     */
    public void selectorWrite() {
        try {
            selector.selectNow();
            if (!SocketChannelIOHelper.batch(impl, channel)) {
                socketFullWrites++;
                do {
                    Thread.onSpinWait();
                } while (!SocketChannelIOHelper.batch(impl, channel));
            }
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            throw new IllegalStateException("the benchmark's socket failed", e);
        }
    }

    /** Frames still in the library's queue. */
    public int queuedFrames() {
        return impl.outQueue.size();
    }

    /** Times the socket did not take all queued frames at once. */
    public long socketFullWrites() {
        return socketFullWrites;
    }

    /** Payload bytes handed to {@code sendFrame} so far (headers not included). */
    public long payloadBytesQueued() {
        return bytesQueued;
    }

    @Override
    public void close() throws IOException {
        key.cancel();
        selector.close();
    }

    /** What the library's server does on a write demand: write interest, and wake the selector. */
    private static final class WriteDemandListener extends WebSocketAdapter {
        private final Selector selector;

        WriteDemandListener(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void onWriteDemand(WebSocket conn) {
            ((WebSocketImpl) conn).getSelectionKey().interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            selector.wakeup();
        }

        @Override public void onWebsocketMessage(WebSocket conn, String message) { }
        @Override public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) { }
        @Override public void onWebsocketOpen(WebSocket conn, Handshakedata d) { }
        @Override public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) { }
        @Override public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) { }
        @Override public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) { }
        @Override public void onWebsocketError(WebSocket conn, Exception ex) { }
        @Override public InetSocketAddress getLocalSocketAddress(WebSocket conn) { return null; }
        @Override public InetSocketAddress getRemoteSocketAddress(WebSocket conn) { return null; }
    }
}
