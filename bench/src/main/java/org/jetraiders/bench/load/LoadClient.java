package org.jetraiders.bench.load;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.jetraiders.server.protocol.binary.BinaryDecodeResult;
import org.jetraiders.server.protocol.binary.BinaryProtocolDescriptor;
import org.jetraiders.server.protocol.binary.BinaryWriter;
import org.jetraiders.server.protocol.binary.client.BinaryInputEncoder;
import org.jetraiders.server.protocol.binary.client.BinarySnapshotDecoder;
import org.jetraiders.server.protocol.binary.client.ClientWorldState;

/**
 * One bot connection. Java-WebSocket gives each client its own read thread (which runs
 * {@code onMessage}) and write thread; inputs are sent by a shared {@link InputSender} thread.
 *
 * <p>Threading: the per-client counters are written only by this client's read thread
 * (single writer, volatile for the stats thread's reads); {@link #sendInput} is called only by the
 * one sender thread that owns this client. Ordinary clients never parse a snapshot: they check the
 * type and count bytes; only probes stream through WorldUpdates to find their own plane.
 *
 * <p>Binary clients ({@code --format bin}) ask for the {@value Options#BIN_SUBPROTOCOL} subprotocol;
 * Join and Ping stay JSON text, world frames arrive as binary frames and inputs go out as binary
 * {@code Input} frames. Every binary client must decode every world frame, because each input
 * acknowledges the latest decoded tick (the server sends deltas against it; without acks it keeps
 * sending full frames). One {@link BinarySnapshotDecoder} per client, used only by the read thread;
 * the tick to acknowledge crosses to the sender thread through a volatile field.
 */
final class LoadClient extends WebSocketClient {

    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final int index;
    private final String lobby;
    private final LoadStats stats;
    private final LatencyProbe probe;
    private final InboundScanner.SnapshotView view = new InboundScanner.SnapshotView();
    private final int framesPerTurnPhase;
    private final int pingEvery;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Non-null for a binary client; read thread only. */
    private final BinarySnapshotDecoder decoder;
    /** Read thread only: copy buffer for frames not backed by an accessible array (never seen so far). */
    private byte[] copyBuffer;

    private volatile boolean started;
    private volatile boolean opened;
    private volatile String ownId;
    /** The own player id as a number (binary plane ids), or -1 until Identity. */
    private volatile int ownPlaneId = -1;
    /** Binary clients: the tick of the latest decoded world frame, sent as ackedTick; 0 before the first. */
    private volatile long ackedTick;
    private volatile boolean closingByUs;

    // written by the read thread only
    private volatile long snapshots;
    private volatile long bytes;
    private volatile long snapshotBytes;
    private volatile long wireBytes;
    private volatile long maxGapNanos;
    private long lastSnapshotNanos;

    // stats thread only
    private long windowSnapshots0;
    private long windowBytes0;
    private long windowSnapshotBytes0;
    private long windowWireBytes0;
    private boolean windowOpenAtStart;

    // sender thread only
    private long seq;

    LoadClient(URI uri, int index, String lobby, double rateHz, LoadStats stats, boolean isProbe, boolean binary) {
        super(uri, binary ? binaryDraft() : new Draft_6455(), null, CONNECT_TIMEOUT_MS);
        this.decoder = binary ? new BinarySnapshotDecoder() : null;
        this.index = index;
        this.lobby = lobby;
        this.stats = stats;
        this.probe = isProbe ? new LatencyProbe(stats, 0x5EED_0000L + index) : null;
        this.framesPerTurnPhase = Math.max(1, (int) Math.round(rateHz * 0.75));
        this.pingEvery = Math.max(1, (int) Math.round(rateHz));
        setTcpNoDelay(true);
        // 0 disables the library's ping watchdog, which costs one more thread per client; the run is
        // bounded anyway, and silent connections show up as clients with no snapshots.
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    private static Draft_6455 binaryDraft() {
        return new Draft_6455(Collections.emptyList(), List.of(new Protocol(Options.BIN_SUBPROTOCOL)));
    }

    int index() {
        return index;
    }

    boolean isBinary() {
        return decoder != null;
    }

    boolean isProbe() {
        return probe != null;
    }

    LatencyProbe probe() {
        return probe;
    }

    /** Starts the connection attempt (non-blocking: the client's own read thread connects). */
    void startConnect() {
        started = true;
        connect();
    }

    boolean wasStarted() {
        return started;
    }

    boolean wasOpened() {
        return opened;
    }

    String ownId() {
        return ownId;
    }

    long snapshots() {
        return snapshots;
    }

    long bytes() {
        return bytes;
    }

    /** Sender thread (tests): the tick the next binary input acknowledges. */
    long ackedTick() {
        return ackedTick;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened = true;
        stats.open.incrementAndGet();
        stats.everConnected.incrementAndGet();
        safeSend(OutboundMessages.join("bot" + index, lobby));
    }

    @Override
    public void onMessage(String frame) {
        long now = System.nanoTime();
        int length = frame.length(); // JSON from the server is ASCII: chars == UTF-8 bytes
        bytes += length;
        wireBytes += length + headerBytes(length);
        if (InboundScanner.isWorldUpdate(frame)) {
            snapshotBytes += length;
            onSnapshot(now, frame);
            return;
        }
        String type = InboundScanner.type(frame);
        if (type == null) {
            stats.unreadableFrames.increment();
            return;
        }
        switch (type) {
            case "Identity" -> onIdentity(InboundScanner.string(InboundScanner.data(frame), "player_id"));
            case "Lagged" -> stats.lagged(InboundScanner.number(InboundScanner.data(frame), "missed", 0));
            case "Error" -> stats.error(InboundScanner.string(InboundScanner.data(frame), "code"));
            case "Pong" -> {
                long t = InboundScanner.number(InboundScanner.data(frame), "t", -1);
                if (t > 0) {
                    stats.pingRtt.record(now - t);
                }
            }
            default -> {
                // GameState, Scoreboard, KillFeed and unknown types are ignored, as the game client does
            }
        }
    }

    private void onIdentity(String playerId) {
        if (playerId != null) {
            try {
                ownPlaneId = Integer.parseInt(playerId);
            } catch (NumberFormatException e) {
                ownPlaneId = -1; // JSON clients do not need it; a binary probe then never finds its plane
            }
        }
        ownId = playerId; // last: the sender starts sending inputs once this is set
    }

    private void countSnapshot(long now) {
        snapshots++;
        if (lastSnapshotNanos != 0) {
            long gap = now - lastSnapshotNanos;
            stats.interArrival.record(gap);
            if (gap > maxGapNanos) {
                maxGapNanos = gap;
            }
        }
        lastSnapshotNanos = now;
    }

    private void onSnapshot(long now, String frame) {
        countSnapshot(now);
        String id = ownId;
        if (probe != null && id != null) {
            if (InboundScanner.scanSnapshot(frame, id, view)) {
                probe.onSnapshot(now, view.ownPresent, view.ownRot, view.ack);
            } else {
                stats.unreadableFrames.increment();
            }
        }
    }

    @Override
    public void onMessage(ByteBuffer frame) {
        long now = System.nanoTime();
        int length = frame.remaining();
        bytes += length;
        wireBytes += length + headerBytes(length);
        stats.binaryFrames.increment();
        if (decoder == null) {
            return; // a JSON client does not expect binary frames; counted in binary_frames only
        }
        byte[] array;
        int offset;
        if (frame.hasArray()) {
            array = frame.array();
            offset = frame.arrayOffset() + frame.position();
        } else {
            if (copyBuffer == null || copyBuffer.length < length) {
                copyBuffer = new byte[Math.max(length, 256)];
            }
            frame.duplicate().get(copyBuffer, 0, length);
            array = copyBuffer;
            offset = 0;
        }
        if (!isWorldFrame(array, offset, length)) {
            stats.undecodable(length < 2 ? BinaryDecodeResult.MALFORMED : BinaryDecodeResult.UNKNOWN_KIND);
            return;
        }
        snapshotBytes += length;
        countSnapshot(now);
        BinaryDecodeResult result = decoder.decode(array, offset, length);
        if (result != BinaryDecodeResult.OK) {
            stats.undecodable(result);
            return;
        }
        ClientWorldState world = decoder.latest();
        ackedTick = world.tick();
        int planeId = ownPlaneId;
        if (probe != null && planeId >= 0) {
            int i = world.indexOfPlane(planeId);
            probe.onSnapshot(now, i >= 0, i >= 0 ? world.planeRot(i) : Double.NaN, world.ack());
        }
    }

    /** A version-1 WorldQuantized or WorldDelta envelope. */
    static boolean isWorldFrame(byte[] a, int offset, int length) {
        if (length < BinaryProtocolDescriptor.HEADER_LENGTH
                || a[offset + BinaryProtocolDescriptor.VERSION_OFFSET] != BinaryProtocolDescriptor.VERSION) {
            return false;
        }
        int kind = a[offset + BinaryProtocolDescriptor.KIND_OFFSET] & 0xFF;
        return kind == BinaryProtocolDescriptor.KIND_WORLD_DELTA || kind == BinaryProtocolDescriptor.KIND_WORLD_QUANTIZED;
    }

    /** Size of an unmasked (server-to-client) WebSocket frame header for this payload length. */
    static int headerBytes(int payloadLength) {
        return payloadLength < 126 ? 2 : payloadLength < 65_536 ? 4 : 10;
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        if (opened) {
            stats.open.decrementAndGet();
            if (!closingByUs) {
                stats.disconnect(code, reason);
            }
        } else if (!closingByUs) {
            stats.connectFailure(code, reason);
        }
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
        // onClose always follows with the code and reason; counting happens there
    }

    /**
     * Sender thread only: sends the next input, if this client has joined. {@code text} and
     * {@code bin} are the sender thread's scratch buffers.
     */
    void sendInput(long nowNanos, StringBuilder text, BinaryWriter bin) {
        if (ownId == null || !isOpen()) {
            return;
        }
        long s = ++seq;
        int turn;
        int thrust = 1;
        boolean shoot;
        if (probe != null) {
            turn = probe.turnForInput(nowNanos, s);
            shoot = false;
        } else {
            long phase = (s + index * 7L) / framesPerTurnPhase;
            turn = (int) (phase & 3L) == 1 ? 1 : (int) (phase & 3L) == 3 ? -1 : 0;
            shoot = (s + index) % 30 < 3;
        }
        boolean sent;
        if (decoder != null) {
            bin.reset();
            BinaryInputEncoder.encode(thrust, turn, shoot, s, ackedTick, bin);
            sent = safeSend(bin);
        } else {
            sent = safeSend(OutboundMessages.input(text, thrust, turn, shoot, s));
        }
        if (sent) {
            stats.inputsSent.increment();
        }
        if (probe != null && s % pingEvery == 0) {
            safeSend(OutboundMessages.ping(System.nanoTime()));
        }
    }

    private boolean safeSend(String text) {
        try {
            send(text);
            stats.sentFrame(text.length());
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false; // closed under us; onClose counts it
        }
    }

    /**
     * Sends the writer's bytes as one binary frame. Java-WebSocket masks the payload into a new
     * buffer inside {@code send}, so the writer can be reused as soon as this returns.
     */
    private boolean safeSend(BinaryWriter bin) {
        try {
            send(ByteBuffer.wrap(bin.array(), 0, bin.length()));
            stats.sentFrame(bin.length());
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Starts closing without waiting; the close is not counted as a disconnect. */
    void closeQuietly() {
        closingByUs = true;
        try {
            close();
        } catch (RuntimeException e) {
            closed.countDown();
        }
    }

    boolean awaitClosed(long nanos) throws InterruptedException {
        return closed.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Stats thread only: remembers the counters at the start of the measured window. */
    void markWindowStart() {
        windowSnapshots0 = snapshots;
        windowBytes0 = bytes;
        windowSnapshotBytes0 = snapshotBytes;
        windowWireBytes0 = wireBytes;
        windowOpenAtStart = isOpen();
    }

    long windowSnapshots() {
        return snapshots - windowSnapshots0;
    }

    long windowBytes() {
        return bytes - windowBytes0;
    }

    /** Payload bytes of world frames (JSON WorldUpdate or binary world frames) in the window. */
    long windowSnapshotBytes() {
        return snapshotBytes - windowSnapshotBytes0;
    }

    /** All inbound bytes in the window including the WebSocket frame headers. */
    long windowWireBytes() {
        return wireBytes - windowWireBytes0;
    }

    /** Largest gap between two snapshots over the whole run, warmup included. */
    long maxGapNanos() {
        return maxGapNanos;
    }

    boolean wasOpenAtWindowStart() {
        return windowOpenAtStart;
    }
}
