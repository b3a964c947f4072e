package org.jetraiders.bench.load;

import com.google.gson.JsonElement;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One bot connection. Java-WebSocket gives each client its own read thread (which runs
 * {@code onMessage}) and write thread; inputs are sent by a shared {@link InputSender} thread.
 *
 * <p>Threading: the per-client counters are written only by this client's read thread
 * (single writer, volatile for the stats thread's reads); {@link #sendInput} is called only by the
 * one sender thread that owns this client. Ordinary clients never parse a snapshot: they check the
 * type and count bytes; only probes stream through WorldUpdates to find their own plane.
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

    private volatile boolean started;
    private volatile boolean opened;
    private volatile String ownId;
    private volatile boolean closingByUs;

    // written by the read thread only
    private volatile long snapshots;
    private volatile long bytes;
    private volatile long maxGapNanos;
    private long lastSnapshotNanos;

    // stats thread only
    private long windowSnapshots0;
    private long windowBytes0;
    private boolean windowOpenAtStart;

    // sender thread only
    private long seq;

    LoadClient(URI uri, int index, String lobby, double rateHz, LoadStats stats, boolean isProbe) {
        super(uri, new Draft_6455(), null, CONNECT_TIMEOUT_MS);
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

    int index() {
        return index;
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
        bytes += frame.length(); // JSON from the server is ASCII: chars == UTF-8 bytes
        if (InboundScanner.isWorldUpdate(frame)) {
            onSnapshot(now, frame);
            return;
        }
        String type = InboundScanner.type(frame);
        if (type == null) {
            stats.unreadableFrames.increment();
            return;
        }
        switch (type) {
            case "Identity" -> ownId = InboundScanner.string(InboundScanner.data(frame), "player_id");
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

    private void onSnapshot(long now, String frame) {
        snapshots++;
        if (lastSnapshotNanos != 0) {
            long gap = now - lastSnapshotNanos;
            stats.interArrival.record(gap);
            if (gap > maxGapNanos) {
                maxGapNanos = gap;
            }
        }
        lastSnapshotNanos = now;
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
        bytes += frame.remaining();
        stats.binaryFrames.increment();
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

    /** Sender thread only: sends the next input, if this client has joined. */
    void sendInput(long nowNanos, StringBuilder scratch) {
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
        if (safeSend(OutboundMessages.input(scratch, thrust, turn, shoot, s))) {
            stats.inputsSent.increment();
        }
        if (probe != null && s % pingEvery == 0) {
            safeSend(OutboundMessages.ping(System.nanoTime()));
        }
    }

    private boolean safeSend(String text) {
        try {
            send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false; // closed under us; onClose counts it
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
        windowOpenAtStart = isOpen();
    }

    long windowSnapshots() {
        return snapshots - windowSnapshots0;
    }

    long windowBytes() {
        return bytes - windowBytes0;
    }

    /** Largest gap between two snapshots over the whole run, warmup included. */
    long maxGapNanos() {
        return maxGapNanos;
    }

    boolean wasOpenAtWindowStart() {
        return windowOpenAtStart;
    }
}
