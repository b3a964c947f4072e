package org.jetraiders.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jetraiders.client.binary.BinaryInputEncoder;
import org.jetraiders.client.binary.BinarySnapshotDecoder;
import org.jetraiders.client.binary.BinaryWriter;
import org.jetraiders.client.binary.ClientWorldState;
import org.jetraiders.client.binary.DecodeResult;
import org.jetraiders.client.binary.ProtocolDescriptor;

/**
 * One bot: what it sends and what it counts. Its {@link WsConnection} and all of its work (the
 * callbacks below and {@link #sendInput}) run on the one {@link IoThread} that owns it; no thread of
 * its own.
 *
 * <p>Threading: the per-client counters are written only by that I/O thread (single writer, volatile
 * for the stats thread's reads); the stats thread reads them and keeps the window marks. Ordinary
 * clients never parse a snapshot: they check the type in place and count bytes; only probes stream
 * through WorldUpdates to find their own plane.
 *
 * <p>Binary clients ({@code --format bin}) ask for the {@value Options#BIN_SUBPROTOCOL} subprotocol;
 * Join and Ping stay JSON text, world frames arrive as binary frames and inputs go out as binary
 * {@code Input} frames. Each input acknowledges the latest world frame's tick (the server sends deltas
 * against it; without acks it keeps sending full frames). With {@code --decode all} (the default)
 * every binary client decodes every world frame with its own {@link BinarySnapshotDecoder} (the client
 * library's), as a game does, and acknowledges the latest one decoded; frames that do not decode are
 * counted. With {@code --decode probes} only the probes decode, and the other clients read the tick
 * from the frame's first field ({@link #tickOf}): the same acks, so the server does the same work,
 * without the decode (13 % of the load generator's samples at 1,024 clients) or the decoders' memory
 * (two thirds of its RSS there); sharing the machine with the server, that halved the server's late
 * ticks at 1,024 (BENCHMARKS.md). The decode and the input that acknowledges it happen on the same I/O
 * thread.
 */
final class LoadClient implements WsConnection.Listener, InputTimer.Target {

    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final int index;
    private final String lobby;
    private final LoadStats stats;
    private final LatencyProbe probe;
    private final InboundScanner.SnapshotView view = new InboundScanner.SnapshotView();
    private final int framesPerTurnPhase;
    private final int pingEvery;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final boolean binary;
    /** Non-null for a binary client that decodes world frames in full (see {@code --decode}). */
    private final BinarySnapshotDecoder decoder;
    /** Null in tests that drive the callbacks directly. */
    private final WsConnection connection;
    private final IoThread io;

    private volatile boolean started;
    private volatile boolean opened;
    private volatile String ownId;
    /** The own player id as a number (binary plane ids), or -1 until Identity. */
    private volatile int ownPlaneId = -1;
    /** Binary clients: the tick of the latest decoded world frame, sent as ackedTick; 0 before the first. */
    private volatile long ackedTick;
    private volatile boolean closingByUs;

    // written by the I/O thread only
    private volatile long snapshots;
    private volatile long bytes;
    private volatile long snapshotBytes;
    private volatile long wireBytes;
    private volatile long maxGapNanos;
    private long lastSnapshotNanos;
    private long seq;

    // stats thread only
    private long windowSnapshots0;
    private long windowBytes0;
    private long windowSnapshotBytes0;
    private long windowWireBytes0;
    private boolean windowOpenAtStart;

    /**
     * @param io the I/O thread that will own the connection, or null for a client whose callbacks a
     *           test drives directly
     */
    LoadClient(URI uri, int index, String lobby, double rateHz, LoadStats stats, boolean isProbe, boolean binary,
               IoThread io) {
        this(uri, index, lobby, rateHz, stats, isProbe, binary, true, io);
    }

    /**
     * @param fullDecode a binary client decodes every world frame ({@link Options#fullDecode}, true for
     *                   every probe); otherwise it reads only the frame's tick, which it acknowledges
     *                   all the same
     */
    LoadClient(URI uri, int index, String lobby, double rateHz, LoadStats stats, boolean isProbe, boolean binary,
               boolean fullDecode, IoThread io) {
        this.binary = binary;
        this.decoder = binary && fullDecode ? new BinarySnapshotDecoder() : null;
        this.index = index;
        this.lobby = lobby;
        this.stats = stats;
        this.probe = isProbe ? new LatencyProbe(stats, 0x5EED_0000L + index) : null;
        this.framesPerTurnPhase = Math.max(1, (int) Math.round(rateHz * 0.75));
        this.pingEvery = Math.max(1, (int) Math.round(rateHz));
        this.io = io;
        this.connection = io == null ? null : new WsConnection(uri, binary ? Options.BIN_SUBPROTOCOL : null, this, io);
    }

    int index() {
        return index;
    }

    boolean isBinary() {
        return binary;
    }

    boolean isProbe() {
        return probe != null;
    }

    LatencyProbe probe() {
        return probe;
    }

    /** Any thread: asks the owning I/O thread to connect (non-blocking). */
    void startConnect() {
        started = true;
        io.execute(connection::connect);
    }

    boolean wasStarted() {
        return started;
    }

    boolean wasOpened() {
        return opened;
    }

    boolean isOpen() {
        return connection != null && connection.isOpen();
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

    /** The tick the next binary input acknowledges. */
    long ackedTick() {
        return ackedTick;
    }

    @Override
    public void onOpen() {
        opened = true;
        stats.open.incrementAndGet();
        stats.everConnected.incrementAndGet();
        byte[] join = OutboundMessages.join("bot" + index, lobby).getBytes(StandardCharsets.US_ASCII);
        if (connection.sendText(join, 0, join.length)) {
            stats.sentFrame(join.length);
        }
        connection.flush();
    }

    @Override
    public void onText(byte[] a, int offset, int length) {
        long now = System.nanoTime();
        bytes += length;
        wireBytes += length + headerBytes(length);
        String type = InboundScanner.type(a, offset, length);
        if (InboundScanner.WORLD_UPDATE.equals(type)) {
            snapshotBytes += length;
            onSnapshot(now, a, offset, length);
            return;
        }
        if (type == null) {
            stats.unreadableFrames.increment();
            return;
        }
        switch (type) {
            case "Identity" -> onIdentity(InboundScanner.string(InboundScanner.data(text(a, offset, length)), "player_id"));
            case "Lagged" -> stats.lagged(InboundScanner.number(InboundScanner.data(text(a, offset, length)), "missed", 0));
            case "Error" -> stats.error(InboundScanner.string(InboundScanner.data(text(a, offset, length)), "code"));
            case "Pong" -> {
                long t = InboundScanner.number(InboundScanner.data(text(a, offset, length)), "t", -1);
                if (t > 0) {
                    stats.pingRtt.record(now - t);
                }
            }
            default -> {
                // GameState, Scoreboard, KillFeed and unknown types are ignored, as the game client does
            }
        }
    }

    private static String text(byte[] a, int offset, int length) {
        return new String(a, offset, length, StandardCharsets.UTF_8);
    }

    private void onIdentity(String playerId) {
        if (playerId != null) {
            try {
                ownPlaneId = Integer.parseInt(playerId);
            } catch (NumberFormatException e) {
                ownPlaneId = -1; // JSON clients do not need it; a binary probe then never finds its plane
            }
        }
        ownId = playerId; // last: inputs start once this is set
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

    private void onSnapshot(long now, byte[] a, int offset, int length) {
        countSnapshot(now);
        String id = ownId;
        if (probe != null && id != null) {
            if (InboundScanner.scanSnapshot(text(a, offset, length), id, view)) {
                probe.onSnapshot(now, view.ownPresent, view.ownRot, view.ack);
            } else {
                stats.unreadableFrames.increment();
            }
        }
    }

    @Override
    public void onBinary(byte[] a, int offset, int length) {
        long now = System.nanoTime();
        bytes += length;
        wireBytes += length + headerBytes(length);
        stats.binaryFrames.increment();
        if (!binary) {
            return; // a JSON client does not expect binary frames; counted in binary_frames only
        }
        if (!isWorldFrame(a, offset, length)) {
            stats.undecodable(length < 2 ? DecodeResult.MALFORMED : DecodeResult.UNKNOWN_KIND);
            return;
        }
        snapshotBytes += length;
        countSnapshot(now);
        if (decoder == null) {
            // --decode probes: both world kinds begin with the tick (docs/PROTOCOL.md)
            long tick = tickOf(a, offset, length);
            if (tick < 0) {
                stats.undecodable(DecodeResult.MALFORMED);
                return;
            }
            ackedTick = tick;
            return;
        }
        DecodeResult result = decoder.decode(a, offset, length);
        if (result != DecodeResult.OK) {
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

    /**
     * The tick of a world frame (its first field after the envelope, an unsigned varint of at most 63
     * bits), or -1 if the frame ends inside it or the varint is too long.
     */
    static long tickOf(byte[] a, int offset, int length) {
        long v = 0;
        int end = offset + length;
        int p = offset + ProtocolDescriptor.HEADER_LENGTH;
        for (int shift = 0; shift < 63; shift += 7) {
            if (p >= end) {
                return -1;
            }
            int b = a[p++];
            if (shift == 56 && (b & 0x80) != 0) {
                return -1;
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        return -1;
    }

    /** A version-1 WorldQuantized or WorldDelta envelope. */
    static boolean isWorldFrame(byte[] a, int offset, int length) {
        if (length < ProtocolDescriptor.HEADER_LENGTH
                || a[offset + ProtocolDescriptor.VERSION_OFFSET] != ProtocolDescriptor.VERSION) {
            return false;
        }
        int kind = a[offset + ProtocolDescriptor.KIND_OFFSET] & 0xFF;
        return kind == ProtocolDescriptor.KIND_WORLD_DELTA || kind == ProtocolDescriptor.KIND_WORLD_QUANTIZED;
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

    /**
     * I/O thread (the {@link InputTimer}): writes the next input, if this client has joined, with one
     * write call; a probe's once-a-second Ping goes out in the same write. {@code scratch} is the I/O
     * thread's payload buffer.
     */
    @Override
    public void sendInput(long nowNanos, BinaryWriter scratch) {
        if (ownId == null || !connection.isOpen()) {
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
        scratch.reset();
        if (binary) {
            BinaryInputEncoder.encode(thrust, turn, shoot, s, ackedTick, scratch);
            sent = connection.sendBinary(scratch.array(), 0, scratch.length());
        } else {
            OutboundMessages.input(scratch, thrust, turn, shoot, s);
            sent = connection.sendText(scratch.array(), 0, scratch.length());
        }
        if (sent) {
            stats.sentFrame(scratch.length());
            stats.inputsSent.increment();
        }
        if (probe != null && s % pingEvery == 0) {
            OutboundMessages.ping(scratch, System.nanoTime());
            if (connection.sendText(scratch.array(), 0, scratch.length())) {
                stats.sentFrame(scratch.length());
            }
        }
        connection.flush();
    }

    /** Any thread: starts closing without waiting; the close is not counted as a disconnect. */
    void closeQuietly() {
        closingByUs = true;
        io.execute(() -> connection.close(WsFrameParser.CLOSE_NORMAL));
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
