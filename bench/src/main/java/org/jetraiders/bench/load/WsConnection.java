package org.jetraiders.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One RFC 6455 client connection on a non-blocking {@link SocketChannel}, driven entirely by the
 * {@link IoThread} that owns it: connect, the opening handshake ({@link WsHandshake}), frames in
 * ({@link WsFrameParser}, split frames and fragments reassembled), masked frames out
 * ({@link WsFrameEncoder}), a pong for every ping, and the closing handshake either way.
 *
 * <pre>
 *  NEW --connect--> CONNECTING --TCP up--> HANDSHAKING --101 checked--> OPEN --close sent/received--> CLOSING
 *                        |                      |                         |                              |
 *                        +-- refused, timeouts (connect 5 s, handshake 10 s), bad response --+-- EOF, reset, protocol error --> CLOSED
 * </pre>
 *
 * <p>Buffers are per connection and reused: inbound bytes accumulate in {@code in} until frames are
 * complete (it grows to the largest frame seen, then stays); outbound frames are encoded into
 * {@code out} and sent by {@link #flush()} with one {@code write} call. What the socket does not
 * take waits there for {@code OP_WRITE}; frames queued meanwhile are appended.
 *
 * <p>Threading: every method except {@link #isOpen()} and {@link #state()} runs on the owning I/O
 * thread (other threads ask it to via {@link IoThread#execute}); the listener is called on it too.
 */
final class WsConnection implements WsFrameParser.Sink {

    /** Callbacks on the I/O thread. */
    interface Listener {
        /** The handshake completed; frames may be sent. */
        void onOpen();

        /** A whole text message (UTF-8), a view valid only during the call. */
        void onText(byte[] a, int offset, int length);

        /** A whole binary message, a view valid only during the call. */
        void onBinary(byte[] a, int offset, int length);

        /**
         * Called exactly once after {@link #connect()}: with {@link #NEVER_CONNECTED} when the
         * connection never opened, else the close code (1006 when the TCP connection ended without
         * a closing handshake); {@code remote} when the server started the close.
         */
        void onClose(int code, String reason, boolean remote);
    }

    enum State { NEW, CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

    /** Close code for a connection that never opened (as Java-WebSocket reports it). */
    static final int NEVER_CONNECTED = -1;
    /** TCP connect timeout, as Java-WebSocket's {@code connectTimeout} was. */
    static final long CONNECT_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(LoadClient.CONNECT_TIMEOUT_MS);
    /** From TCP established to the server's 101: an overloaded server may be slow, a broken one must not hang us. */
    static final long HANDSHAKE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long a closing handshake may take before the socket is closed anyway. */
    static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(3);
    static final int MAX_MESSAGE_BYTES = 16 << 20;
    static final int INITIAL_IN_BYTES = 8 * 1024;
    static final int INITIAL_OUT_BYTES = 512;

    private final URI uri;
    private final String subprotocol;
    private final Listener listener;
    private final IoThread io;
    private final WsFrameParser parser = new WsFrameParser(MAX_MESSAGE_BYTES);

    private volatile State state = State.NEW;
    private SocketChannel channel;
    private SelectionKey key;
    /** Write mode: bytes [0, position) received and not yet parsed. */
    private ByteBuffer in = ByteBuffer.allocate(INITIAL_IN_BYTES);
    /** Write mode: bytes [0, position) encoded and not yet sent. */
    private ByteBuffer out = ByteBuffer.allocate(INITIAL_OUT_BYTES);
    private boolean writeInterest;
    private String handshakeKey;
    /** Connect deadline, then handshake deadline, then close deadline while closing. */
    private long deadline;
    private int closeCode = WsFrameParser.CLOSE_ABNORMAL;
    private String closeReason = "";
    private boolean remoteClose;

    /**
     * @param subprotocol the subprotocol to ask for and require, or null for none
     */
    WsConnection(URI uri, String subprotocol, Listener listener, IoThread io) {
        this.uri = uri;
        this.subprotocol = subprotocol;
        this.listener = listener;
        this.io = io;
    }

    /** Any thread. */
    boolean isOpen() {
        return state == State.OPEN;
    }

    /** Any thread. */
    State state() {
        return state;
    }

    /** Starts the non-blocking connect. */
    void connect() {
        if (state != State.NEW) {
            return;
        }
        state = State.CONNECTING;
        deadline = System.nanoTime() + CONNECT_TIMEOUT_NANOS;
        io.track(this);
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            boolean connected = channel.connect(new InetSocketAddress(uri.getHost(), port));
            key = channel.register(io.selector(), connected ? 0 : SelectionKey.OP_CONNECT, this);
            if (connected) {
                onConnected();
            }
        } catch (IOException | RuntimeException e) { // RuntimeException: an unresolvable host, for one
            finish(NEVER_CONNECTED, message(e), false);
        }
    }

    /** The selector reported {@code k} (this connection's key) ready. */
    void onReady(SelectionKey k) {
        try {
            int ops = k.readyOps();
            if ((ops & SelectionKey.OP_CONNECT) != 0 && channel.finishConnect()) {
                onConnected();
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && state != State.CLOSED) {
                write();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && state != State.CLOSED) {
                onReadable();
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            finish(state == State.OPEN || state == State.CLOSING ? WsFrameParser.CLOSE_ABNORMAL : NEVER_CONNECTED,
                    "load generator error: " + e, false);
        }
    }

    private void onConnected() throws IOException {
        state = State.HANDSHAKING;
        deadline = System.nanoTime() + HANDSHAKE_TIMEOUT_NANOS;
        handshakeKey = WsHandshake.newKey(io.random());
        byte[] request = WsHandshake.request(uri, handshakeKey, subprotocol);
        ensureOut(request.length);
        out.put(request);
        key.interestOps(SelectionKey.OP_READ);
        write();
    }

    private void onReadable() throws IOException {
        for (int reads = 0; reads < 4 && state != State.CLOSED; reads++) {
            int n = channel.read(in);
            if (n < 0) {
                onEndOfStream();
                return;
            }
            if (n == 0) {
                return;
            }
            boolean filled = !in.hasRemaining();
            if (state == State.HANDSHAKING && !readHandshake(filled)) {
                if (!filled) {
                    return;
                }
                continue;
            }
            if (state == State.OPEN || state == State.CLOSING) {
                readFrames();
            }
            if (!filled) {
                return; // the socket had no more; level-triggered select reports what arrives later
            }
        }
    }

    /** True once the response head has been read and accepted; frames may follow it in {@code in}. */
    private boolean readHandshake(boolean filled) {
        int end = WsHandshake.headEnd(in.array(), 0, in.position());
        if (end < 0) {
            if (in.position() >= WsHandshake.MAX_RESPONSE_HEAD) {
                finish(NEVER_CONNECTED, "handshake: response head over " + WsHandshake.MAX_RESPONSE_HEAD + " bytes", false);
            } else if (filled) {
                in = grow(in, in.capacity() * 2);
            }
            return false;
        }
        String head = new String(in.array(), 0, end - 4, StandardCharsets.ISO_8859_1);
        String problem = WsHandshake.check(head, handshakeKey, subprotocol);
        if (problem != null) {
            finish(WsFrameParser.CLOSE_PROTOCOL_ERROR, problem, false);
            return false;
        }
        in.flip();
        in.position(end);
        in.compact();
        state = State.OPEN;
        listener.onOpen();
        return state != State.CLOSED;
    }

    private void readFrames() {
        in.flip();
        int rc = parser.parse(in, this);
        in.compact();
        if (rc != 0) {
            protocolError(rc, parser.error());
            return;
        }
        if (parser.needed() > in.capacity()) {
            in = grow(in, Math.max(parser.needed(), in.capacity() * 2));
        }
    }

    @Override
    public void onMessage(boolean text, byte[] a, int offset, int length) {
        if (text) {
            listener.onText(a, offset, length);
        } else {
            listener.onBinary(a, offset, length);
        }
    }

    @Override
    public void onPing(byte[] a, int offset, int length) {
        if (state == State.OPEN) {
            queue(WsFrameParser.OP_PONG, a, offset, length);
            flush();
        }
    }

    @Override
    public void onClose(int code, String reason) {
        if (state == State.CLOSING) {
            return; // the answer to our close: now the server closes the TCP connection
        }
        closeCode = code;
        closeReason = reason;
        remoteClose = true;
        ensureOut(WsFrameEncoder.frameLength(2));
        io.encoder().encodeClose(code, out); // echo the code, as RFC 6455 5.5.1 suggests
        startClosing();
    }

    private void protocolError(int code, String why) {
        if (state == State.OPEN) {
            closeCode = code;
            closeReason = why;
            remoteClose = false;
            ensureOut(WsFrameEncoder.frameLength(2));
            io.encoder().encodeClose(code, out);
            startClosing();
        } else {
            finish(code, why, false);
        }
    }

    private void startClosing() {
        state = State.CLOSING;
        deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        flush();
    }

    private void onEndOfStream() {
        if (state == State.CLOSING && parser.closeReceived()) {
            finish(closeCode, closeReason, remoteClose); // a clean closing handshake
        } else if (state == State.OPEN || state == State.CLOSING) {
            finish(WsFrameParser.CLOSE_ABNORMAL, "", true);
        } else {
            finish(NEVER_CONNECTED, "connection closed during the handshake", true);
        }
    }

    /** Queues a text frame for {@link #flush()}; false when the connection is not open. */
    boolean sendText(byte[] a, int offset, int length) {
        return state == State.OPEN && queue(WsFrameParser.OP_TEXT, a, offset, length);
    }

    /** Queues a binary frame for {@link #flush()}; false when the connection is not open. */
    boolean sendBinary(byte[] a, int offset, int length) {
        return state == State.OPEN && queue(WsFrameParser.OP_BINARY, a, offset, length);
    }

    private boolean queue(int opcode, byte[] a, int offset, int length) {
        ensureOut(WsFrameEncoder.frameLength(length));
        io.encoder().encode(opcode, a, offset, length, out);
        return true;
    }

    /**
     * Sends the queued frames with one {@code write} call. When the socket is already backed up
     * ({@code OP_WRITE} pending) it does nothing: the selector sends them when the socket drains.
     */
    void flush() {
        if (writeInterest || out.position() == 0 || state == State.CLOSED) {
            return;
        }
        try {
            write();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void write() throws IOException {
        out.flip();
        channel.write(out);
        out.compact();
        boolean pending = out.position() > 0;
        if (pending != writeInterest) {
            writeInterest = pending;
            key.interestOps(pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /** Starts the closing handshake with {@code code}; before the handshake completed, just drops the socket. */
    void close(int code) {
        switch (state) {
            case NEW, CONNECTING, HANDSHAKING -> finish(NEVER_CONNECTED, "closed before the handshake completed", false);
            case OPEN -> {
                closeCode = code;
                closeReason = "";
                remoteClose = false;
                ensureOut(WsFrameEncoder.frameLength(2));
                io.encoder().encodeClose(code, out);
                startClosing();
            }
            default -> {
                // closing or closed already
            }
        }
    }

    /** Housekeeping: enforces the connect and close timeouts. */
    void checkTimeouts(long now) {
        State s = state;
        if ((s == State.CONNECTING || s == State.HANDSHAKING) && now - deadline >= 0) {
            finish(NEVER_CONNECTED, s == State.CONNECTING ? "connect timed out" : "handshake timed out", false);
        } else if (s == State.CLOSING && now - deadline >= 0) {
            finish(closeCode, closeReason, remoteClose); // the server never closed its end
        }
    }

    /** Drops the socket at once (the I/O thread is stopping). */
    void abort(String reason) {
        finish(state == State.OPEN || state == State.CLOSING ? WsFrameParser.CLOSE_ABNORMAL : NEVER_CONNECTED,
                reason, false);
    }

    private void fail(IOException e) {
        boolean opened = state == State.OPEN || state == State.CLOSING;
        finish(opened ? WsFrameParser.CLOSE_ABNORMAL : NEVER_CONNECTED, message(e), opened);
    }

    private void finish(int code, String reason, boolean remote) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        listener.onClose(code, reason, remote);
    }

    private void ensureOut(int more) {
        if (out.remaining() < more) {
            out = grow(out, Math.max(out.position() + more, out.capacity() * 2));
        }
    }

    /** A buffer of {@code capacity} holding {@code b}'s bytes [0, position), in write mode. */
    private static ByteBuffer grow(ByteBuffer b, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
